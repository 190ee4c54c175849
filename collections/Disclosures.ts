import { APIError, type CollectionBeforeChangeHook, type CollectionConfig, ValidationError } from 'payload'
import { rejectBadArguments } from './hooks/rejectBadArguments'
import { nobody, staffOnly } from '../src/access/rules'
import { hasRole } from '../src/access/roles'
import { relationId } from '../src/lib/document-id'
import { decideDisclosure, DISCLOSURE_KINDS, MAX_DISCLOSURE_LENGTH } from '../src/workflow/disclosure'

/** Staff declare their own interests; an admin may record one for someone else (who declared it to them). */
const checkDeclaration: CollectionBeforeChangeHook = ({ data, req }) => {
  const user = req.user
  if (!user) throw new APIError('Log in to declare interests.', 401, undefined, true)
  const person = Number(relationId(data.person) ?? user.id)
  if (String(person) !== String(user.id) && !hasRole(user, 'admin')) {
    throw new APIError('You can declare only your own interests.', 403, undefined, true)
  }
  const decision = decideDisclosure({ kind: data.kind, statement: data.statement })
  if (!decision.ok) throw new ValidationError({ collection: 'disclosures', errors: [{ path: 'statement', message: decision.message }] })
  return { ...data, person, kind: decision.kind, statement: decision.statement, declaredAt: new Date().toISOString(), recordedBy: user.id }
}

/**
 * Conflict-of-interest statements, kept with their history: a new statement is a new record, so
 * what someone declared when they signed off stays on file (each approval also copies it).
 * The latest statement is the one shown on public pages.
 */
export const Disclosures: CollectionConfig = {
  slug: 'disclosures',
  labels: { singular: 'Declaration of interests', plural: 'Declarations of interests' },
  admin: {
    useAsTitle: 'kind',
    defaultColumns: ['person', 'kind', 'declaredAt'],
    group: 'Administration',
    description:
      'Make a new declaration whenever your interests change: the latest is shown to readers next to your name, and earlier ones stay on file.',
  },
  indexes: [{ fields: ['person', 'declaredAt'] }],
  hooks: { beforeOperation: [rejectBadArguments], beforeChange: [checkDeclaration] },
  access: { read: staffOnly, readVersions: nobody, create: staffOnly, update: nobody, delete: nobody },
  fields: [
    {
      name: 'person',
      type: 'relationship',
      relationTo: 'users',
      required: true,
      index: true,
      admin: { description: 'You, unless an admin records it for someone.' },
    },
    {
      name: 'kind',
      type: 'radio',
      required: true,
      defaultValue: 'none',
      options: DISCLOSURE_KINDS.map((value) => ({
        label: value === 'none' ? 'No conflicts of interest' : 'I declare the interests below',
        value,
      })),
    },
    {
      name: 'statement',
      type: 'textarea',
      maxLength: MAX_DISCLOSURE_LENGTH,
      admin: { description: 'Funding, employment, shares, advisory roles, or gifts related to the advice you write or review.' },
    },
    { name: 'declaredAt', type: 'date', index: true, admin: { readOnly: true } },
    { name: 'recordedBy', type: 'relationship', relationTo: 'users', admin: { readOnly: true } },
  ],
}
