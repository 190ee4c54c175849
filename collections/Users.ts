import { APIError, type CollectionBeforeChangeHook, type CollectionBeforeDeleteHook, type CollectionConfig } from 'payload'
import { adminOnly, adminOnlyField, adminOrSelf, adminOrSelfField, staffOnly } from '../src/access/rules'
import { ROLES } from '../src/access/roles'
import { rejectBadArguments } from './hooks/rejectBadArguments'

/** The account made on the "create first user" screen must be able to manage the rest. */
const makeFirstUserAdmin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: 'users', req })
  return totalDocs === 0 ? { ...data, roles: ['admin'] } : data
}

/** People in the sign-off trail stay: their name is evidence. Remove their roles instead. */
const keepPeopleInTheTrail: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const reviews = await req.payload.count({ collection: 'reviews', where: { reviewer: { equals: id } }, req })
  const revisions = await req.payload.count({ collection: 'revisions', where: { author: { equals: id } }, req })
  if (reviews.totalDocs + revisions.totalDocs > 0) {
    throw new APIError('This person appears in the review trail and cannot be deleted: remove their roles instead.', 409, undefined, true)
  }
}

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: 'Person', plural: 'People' },
  auth: {
    maxLoginAttempts: 5,
    lockTime: 15 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
  },
  admin: {
    useAsTitle: 'displayName',
    defaultColumns: ['displayName', 'roles', 'credentials', 'specialties'],
    group: 'Administration',
  },
  access: {
    read: staffOnly,
    create: adminOnly,
    update: adminOrSelf,
    delete: adminOnly,
    unlock: adminOnly,
    // No versions here: asking for them is refused, not a server error.
    readVersions: () => false,
  },
  hooks: { beforeOperation: [rejectBadArguments], beforeChange: [makeFirstUserAdmin], beforeDelete: [keepPeopleInTheTrail] },
  fields: [
    // Payload's own email field, with one change: staff see only their own address.
    { name: 'email', type: 'email', required: true, unique: true, index: true, access: { read: adminOrSelfField } },
    { name: 'displayName', type: 'text', required: true, maxLength: 120 },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['editor'],
      saveToJWT: true,
      options: ROLES.map((role) => ({ label: role[0]!.toUpperCase() + role.slice(1), value: role })),
      access: { create: adminOnlyField, update: adminOnlyField },
    },
    {
      name: 'credentials',
      type: 'text',
      maxLength: 120,
      admin: { description: 'Shown in the public byline, for example "MD, FACOG".' },
    },
    { name: 'specialties', type: 'text', hasMany: true, maxLength: 80 },
    {
      name: 'licenceNumber',
      type: 'text',
      maxLength: 60,
      label: 'Registration or licence number',
      admin: { description: 'Professional registration, for the review trail. Not shown to readers.' },
    },
    {
      name: 'bio',
      type: 'textarea',
      maxLength: 600,
      admin: { description: 'A short public biography for bylines.' },
    },
  ],
}
