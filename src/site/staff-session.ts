// Who is looking, from the request's own login (payload.auth), never from a cookie
// or secret alone: draft preview is for logged-in staff only.
import 'server-only'
import { headers } from 'next/headers'
import type { User } from '../../payload-types'
import { isStaff } from '../access/roles'
import { payloadClient } from './payload'

export async function currentStaffUser(): Promise<User | null> {
  const payload = await payloadClient()
  const { user } = await payload.auth({ headers: await headers() })
  return user && user.collection === 'users' && isStaff(user) ? (user as User) : null
}
