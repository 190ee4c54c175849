export const ROLES = ['admin', 'editor', 'reviewer'] as const
export type Role = (typeof ROLES)[number]

/** Anything that may carry roles: a Payload user, a JWT payload, or nobody. */
export type MaybeUser = { roles?: readonly string[] | null } | null | undefined

export function hasRole(user: MaybeUser, ...roles: Role[]): boolean {
  return Boolean(user?.roles?.some((role) => (roles as readonly string[]).includes(role)))
}

/** Staff are the people who work in the admin: editors, reviewers and admins. */
export function isStaff(user: MaybeUser): boolean {
  return hasRole(user, 'admin', 'editor', 'reviewer')
}
