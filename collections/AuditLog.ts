import type { CollectionConfig } from 'payload'
import { rejectBadArguments } from './hooks/rejectBadArguments'
import { adminOnly, nobody } from '../src/access/rules'
import { ACCOUNT_EVENTS } from '../src/accounts/audit'

/**
 * Append-only record of what happened to accounts (creation, role, credential, name, email
 * and password changes, password resets, unlocks and deletions) and to the sign-off rules,
 * with who did it. Written
 * only by the server (src/accounts/audit.ts); a PostgreSQL trigger refuses UPDATE, DELETE
 * and TRUNCATE, as for the review trail.
 */
export const AuditLog: CollectionConfig = {
  slug: 'audit-log',
  labels: { singular: 'Audit event', plural: 'Audit log' },
  admin: {
    useAsTitle: 'summary',
    defaultColumns: ['at', 'event', 'subjectName', 'actorName'],
    group: 'Administration',
  },
  hooks: { beforeOperation: [rejectBadArguments] },
  indexes: [{ fields: ['subject', 'at'] }],
  access: { read: adminOnly, readVersions: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    {
      name: 'event',
      type: 'select',
      required: true,
      index: true,
      options: ACCOUNT_EVENTS.map((value) => ({ label: value.replaceAll('_', ' '), value })),
    },
    { name: 'summary', type: 'text', required: true },
    { name: 'subject', type: 'relationship', relationTo: 'users', index: true },
    { name: 'subjectName', type: 'text' },
    { name: 'subjectEmail', type: 'text' },
    { name: 'actor', type: 'relationship', relationTo: 'users' },
    {
      name: 'actorName',
      type: 'text',
      admin: { description: 'Empty: the server itself (seed, scripts) or the person with a reset link.' },
    },
    { name: 'before', type: 'json' },
    { name: 'after', type: 'json' },
    { name: 'at', type: 'date', required: true, index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
  ],
}
