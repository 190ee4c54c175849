import type { Access, CollectionConfig } from 'payload'
import { rejectBadArguments } from './hooks/rejectBadArguments'
import { nobody } from '../src/access/rules'
import { hasRole } from '../src/access/roles'
import { NOTIFICATION_KINDS } from '../src/workflow/notifications'
import { REVIEWABLE_COLLECTIONS } from '../src/workflow/reviewable'

/** Admins read every notification; everyone else only their own. */
const adminOrRecipient: Access = ({ req: { user } }) => {
  if (!user) return false
  if (hasRole(user, 'admin')) return true
  return { recipient: { equals: user.id } }
}

/**
 * Who was told what, and whether the mail went: one row per person and occasion, written in
 * the transaction of the event that caused it (src/notifications/notify.ts) and sent from the
 * jobs queue. The unique key makes each occasion happen once.
 */
export const Notifications: CollectionConfig = {
  slug: 'notifications',
  labels: { singular: 'Notification', plural: 'Notifications' },
  admin: {
    useAsTitle: 'subject',
    defaultColumns: ['createdAt', 'recipientName', 'subject', 'status'],
    group: 'Administration',
  },
  hooks: { beforeOperation: [rejectBadArguments] },
  indexes: [{ fields: ['status', 'delivery'] }],
  access: { read: adminOrRecipient, readVersions: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'recipient', type: 'relationship', relationTo: 'users', required: true, index: true },
    { name: 'recipientName', type: 'text' },
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: NOTIFICATION_KINDS.map((value) => ({ label: value.replaceAll('_', ' '), value })),
    },
    { name: 'subject', type: 'text', required: true },
    { name: 'documentCollection', type: 'select', options: REVIEWABLE_COLLECTIONS.map((value) => ({ label: value, value })) },
    { name: 'documentId', type: 'text' },
    { name: 'documentTitle', type: 'text', label: 'About' },
    { name: 'actorName', type: 'text' },
    { name: 'detail', type: 'text' },
    { name: 'link', type: 'text', required: true },
    {
      name: 'delivery',
      type: 'select',
      required: true,
      options: [
        { label: 'Immediately', value: 'immediate' },
        { label: 'Daily digest', value: 'digest' },
      ],
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: [
        { label: 'Waiting to be sent', value: 'pending' },
        { label: 'Being sent', value: 'sending' },
        { label: 'Sent', value: 'sent' },
        { label: 'Not sent (mail turned off)', value: 'skipped' },
        { label: 'Failed after every retry', value: 'failed' },
      ],
    },
    { name: 'sentAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'dedupeKey', type: 'text', required: true, unique: true, admin: { hidden: true } },
  ],
}
