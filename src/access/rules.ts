// Access functions built from roles: tiny, named, and shared by the collections.
import type { Access, FieldAccess } from 'payload'
import { hasRole, isStaff } from './roles'

export const nobody: Access = () => false
export const nobodyField: FieldAccess = () => false

export const staffOnly: Access = ({ req: { user } }) => isStaff(user)
export const staffOnlyField: FieldAccess = ({ req: { user } }) => isStaff(user)
export const adminOnly: Access = ({ req: { user } }) => hasRole(user, 'admin')
export const adminOnlyField: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin')

/** Content authors: editors and reviewers write content; admins may too. */
export const contentAuthors: Access = ({ req: { user } }) => hasRole(user, 'editor', 'reviewer', 'admin')

/** Readers get the published document only; staff see drafts too. */
export const publishedOrStaff: Access = ({ req: { user } }) => (isStaff(user) ? true : { _status: { equals: 'published' } })

/** Admins manage every account; everyone else only their own. */
export const adminOrSelf: Access = ({ req: { user } }) => {
  if (!user) return false
  if (hasRole(user, 'admin')) return true
  return { id: { equals: user.id } }
}
