// The frame of the staff-only admin views (review queue, my work): logged-in staff only,
// inside Payload's own admin template.
import { DefaultTemplate } from '@payloadcms/next/templates'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps, PayloadRequest } from 'payload'
import type { ReactNode } from 'react'
import type { User } from '../../payload-types'
import { isStaff } from '../access/roles'

/** The request of a staff member, or a redirect: to log in (and come back to `path`), or to the dashboard. */
export function staffRequest({ initPageResult }: AdminViewServerProps, path: string): PayloadRequest & { user: User } {
  const { req } = initPageResult
  if (!req.user) redirect(`/admin/login?redirect=${encodeURIComponent(path)}`)
  if (!isStaff(req.user)) redirect('/admin')
  return req as PayloadRequest & { user: User }
}

export function StaffTemplate({ view, children }: { view: AdminViewServerProps; children: ReactNode }) {
  const { initPageResult, params, searchParams } = view
  const { req } = initPageResult
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={initPageResult.locale}
      params={params}
      payload={req.payload}
      permissions={initPageResult.permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={initPageResult.visibleEntities}
    >
      {children}
    </DefaultTemplate>
  )
}
