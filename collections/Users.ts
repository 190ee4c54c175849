import {
  APIError,
  type CollectionBeforeChangeHook,
  type CollectionBeforeDeleteHook,
  type CollectionBeforeOperationHook,
  type CollectionConfig,
  type FieldAccess,
  type FieldHook,
} from 'payload'
import { adminOnly, adminOnlyField, adminOrSelf, nobodyField, staffOnly, staffOnlyField } from '../src/access/rules'
import { hasRole, ROLES } from '../src/access/roles'
import { DELIVERIES, DELIVERY_LABEL } from '../src/workflow/notifications'
import { findQueryKey } from './hooks/query-keys'
import { rejectBadArguments } from './hooks/rejectBadArguments'
import { auditAccountChange, auditAccountDeletion, auditAuthOperations, notePasswordChange } from '../src/accounts/audit'
import { keepDisplayNameKey, uniqueDisplayName } from '../src/accounts/display-name'
import { clearLoginFailures, clearLoginFailuresOnUnlock, throttleLogin } from '../src/accounts/login-throttle'
import { hashUnknownLogins } from '../src/accounts/login-timing'
import { throttlePasswordResets } from '../src/accounts/password-reset-throttle'

const isEmailPath = (path: string) => path === 'email' || path.startsWith('email.')

/** Sort arrives as "-email,displayName" or a list of such. */
const sortsByEmail = (sort: unknown) =>
  [sort].flat().some((part) => typeof part === 'string' && part.split(',').some((field) => isEmailPath(field.trim().replace(/^-/, ''))))

/** Others' addresses are not for staff to see, nor to find by searching or sorting. */
const adminsOnlySearchByEmail: CollectionBeforeOperationHook = ({ args, req }) => {
  const { where, sort, overrideAccess } = args as { where?: unknown; sort?: unknown; overrideAccess?: boolean }
  if (overrideAccess || hasRole(req.user, 'admin')) return args
  if (findQueryKey(where, isEmailPath) !== null || sortsByEmail(sort)) {
    throw new APIError('Only admins can search or sort people by email address.', 403, undefined, true)
  }
  return args
}

const nameInsteadOfOthersEmail: FieldHook = ({ value, siblingData, req }) => {
  const user = req.user
  const own = user != null && String(user.id) === String((siblingData as { id?: unknown }).id)
  if (!user || hasRole(user, 'admin') || own) return value
  return (siblingData as { displayName?: string }).displayName ?? 'another person'
}

/** The person themselves and admins read someone's registrations. */
const adminOrSelfField: FieldAccess = ({ req: { user }, doc }) =>
  hasRole(user, 'admin') || (user != null && doc != null && String(user.id) === String((doc as { id?: unknown }).id))

type RegistrationRow = { id?: string; body?: string; number?: string; validUntil?: string; verifiedBy?: unknown; verifiedAt?: string }

/** A registration an admin adds or changes is stamped as verified by them, now. */
const stampVerification: FieldHook = ({ value, previousValue, req }) => {
  if (!Array.isArray(value)) return value
  const before = new Map(((previousValue ?? []) as RegistrationRow[]).map((row) => [row.id, row]))
  const same = (a: RegistrationRow, b: RegistrationRow | undefined) =>
    b !== undefined && a.body === b.body && a.number === b.number && String(a.validUntil ?? '') === String(b.validUntil ?? '')
  return (value as RegistrationRow[]).map((row) => {
    const earlier = row.id ? before.get(row.id) : undefined
    if (earlier && same(row, earlier)) return { ...row, verifiedBy: earlier.verifiedBy ?? null, verifiedAt: earlier.verifiedAt ?? null }
    return { ...row, verifiedBy: req.user?.id ?? null, verifiedAt: new Date().toISOString() }
  })
}

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
  const declarations = await req.payload.count({ collection: 'disclosures', where: { person: { equals: id } }, req })
  const sources = await req.payload.count({ collection: 'sources', where: { editors: { contains: id } }, req })
  if (reviews.totalDocs + revisions.totalDocs + declarations.totalDocs + sources.totalDocs > 0) {
    throw new APIError(
      'This person appears in the review trail or has declared interests, and cannot be deleted: remove their roles instead.',
      409,
      undefined,
      true,
    )
  }
}

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: 'Person', plural: 'People' },
  auth: {
    // Payload's own lock-out (per account, from anywhere) let strangers lock reviewers out:
    // failures are counted per account and source address instead (src/accounts/login-throttle.ts).
    maxLoginAttempts: 0,
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
  hooks: {
    beforeOperation: [
      rejectBadArguments,
      adminsOnlySearchByEmail,
      throttleLogin,
      hashUnknownLogins,
      throttlePasswordResets,
      notePasswordChange,
    ],
    beforeChange: [makeFirstUserAdmin, keepDisplayNameKey],
    afterChange: [auditAccountChange],
    beforeDelete: [keepPeopleInTheTrail],
    afterDelete: [auditAccountDeletion],
    afterOperation: [clearLoginFailuresOnUnlock, auditAuthOperations],
    afterLogin: [clearLoginFailures],
  },
  fields: [
    // Payload's own email field, with two changes. Staff see only their own address: for
    // anyone else's account the field holds that person's display name, which is also what
    // Payload's lock dialog then shows ("Dr. Maya Chen is currently editing", not "2").
    // Only admins change addresses (a person trying addresses would learn which are taken).
    {
      name: 'email',
      type: 'email',
      required: true,
      unique: true,
      index: true,
      access: { read: staffOnlyField, update: adminOnlyField },
      hooks: { afterRead: [nameInsteadOfOthersEmail] },
    },
    {
      name: 'displayName',
      type: 'text',
      required: true,
      maxLength: 120,
      validate: uniqueDisplayName,
      admin: { description: 'Shown in public bylines. Unique: two people may not sign off under one name.' },
    },
    {
      name: 'unlockLogins',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/src/admin/UnlockLoginsButton#UnlockLoginsButton' } },
    },
    // The name folded for comparison ("Dr. Maya Chen" = "dr maya  chen"), unique in the database.
    { name: 'displayNameKey', type: 'text', unique: true, index: true, admin: { hidden: true }, access: { read: adminOnlyField } },
    // The public profile's address (/reviewers/[slug]), made from the display name.
    {
      name: 'profileSlug',
      type: 'text',
      unique: true,
      index: true,
      admin: { hidden: true },
      access: { create: nobodyField, update: nobodyField },
    },
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
    {
      name: 'specialties',
      type: 'text',
      hasMany: true,
      maxLength: 80,
      // Sign-off rules may require a specialty: only an admin records one (and an admin's
      // change holds that person's approvals, like any change to their credentials).
      access: { create: adminOnlyField, update: adminOnlyField },
      admin: { description: 'Set by an admin. Sign-off rules may require one of these.' },
    },
    {
      name: 'licenceNumber',
      type: 'text',
      maxLength: 60,
      label: 'Registration or licence number',
      admin: { description: 'Professional registration, for the review trail. Not shown to readers.' },
    },
    {
      name: 'registrations',
      type: 'array',
      labels: { singular: 'Registration', plural: 'Professional registrations' },
      maxRows: 10,
      admin: {
        description:
          'Recorded and verified by an admin. With registrations on file, this person may approve only while one is current (src/workflow/registration.ts).',
      },
      access: { read: adminOrSelfField, create: adminOnlyField, update: adminOnlyField },
      hooks: { beforeChange: [stampVerification] },
      fields: [
        {
          name: 'body',
          type: 'text',
          required: true,
          maxLength: 80,
          admin: { description: 'For example GMC, NMC, or a state medical board.' },
        },
        { name: 'number', type: 'text', required: true, maxLength: 60 },
        { name: 'validUntil', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayOnly' } } },
        { name: 'verifiedBy', type: 'relationship', relationTo: 'users', admin: { readOnly: true } },
        { name: 'verifiedAt', type: 'date', admin: { readOnly: true } },
      ],
    },
    {
      name: 'notificationDelivery',
      type: 'select',
      label: 'E-mail about my work',
      defaultValue: 'immediate',
      options: DELIVERIES.map((value) => ({ label: DELIVERY_LABEL[value], value })),
      admin: {
        position: 'sidebar',
        description: 'Assignments, submissions, decisions, reminders and due reviews: as they happen, in one mail a day, or not at all.',
      },
    },
    {
      name: 'bio',
      type: 'textarea',
      maxLength: 600,
      admin: { description: 'A short public biography for bylines.' },
    },
  ],
}
