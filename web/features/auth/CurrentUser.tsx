import { createContext, type ReactNode, useContext } from 'react'
import type { Me, Permission } from '../../api/types'

const CurrentUserContext = createContext<Me | null>(null)

export function CurrentUserProvider({ user, children }: { user: Me; children: ReactNode }) {
  return <CurrentUserContext.Provider value={user}>{children}</CurrentUserContext.Provider>
}

/** The signed-in user; only inside the authenticated layout. */
export function useCurrentUser(): Me {
  const user = useContext(CurrentUserContext)
  if (!user) throw new Error('useCurrentUser outside the signed-in layout')
  return user
}

export function hasPermission(user: Pick<Me, 'permissions'>, permission: Permission | undefined): boolean {
  return permission === undefined || user.permissions.includes(permission)
}

export function useCan(permission: Permission): boolean {
  return hasPermission(useCurrentUser(), permission)
}
