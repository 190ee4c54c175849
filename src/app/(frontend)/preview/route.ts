// GET /preview?slug=...: staff see the pending version of an article as readers would.
import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'
import { currentStaffUser } from '@/lib/staff-session'

export async function GET(request: Request) {
  const slug = new URL(request.url).searchParams.get('slug') ?? ''
  if (!/^[a-z0-9-]{1,96}$/.test(slug)) {
    return Response.json({ errors: [{ message: 'Name the article to preview: /preview?slug=...' }] }, { status: 400 })
  }
  if (!(await currentStaffUser())) {
    return Response.json({ errors: [{ message: 'Log in to the admin to preview unapproved content.' }] }, { status: 401 })
  }
  ;(await draftMode()).enable()
  redirect(`/articles/${slug}`)
}
