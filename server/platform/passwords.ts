import { hash, verify } from '@node-rs/argon2'

// Algorithm.Argon2id is 2 in @node-rs/argon2; the const enum cannot be imported under isolatedModules.
const ARGON2ID = 2

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID })
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}
