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

/** Whether the user holds the permission, or any one of a list of them; no permission asked means yes. */
export function hasPermission(user: Pick<Me, 'permissions'>, permission: Permission | readonly Permission[] | undefined): boolean {
  if (permission === undefined) return true
  const wanted: readonly Permission[] = typeof permission === 'string' ? [permission] : permission
  return wanted.some((p) => user.permissions.includes(p))
}

export function useCan(permission: Permission): boolean {
  return hasPermission(useCurrentUser(), permission)
}
