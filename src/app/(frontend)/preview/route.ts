// GET /preview?slug=...: the admin's preview link. Staff go to the article's preview
// address; anyone else is told to log in. Previews live under /preview/ only, so no
// public page ever depends on who is asking (a shared cache may store every one of them).
import { redirect } from 'next/navigation'
import { isSlug } from '@/lib/slugify'
import { currentStaffUser } from '@/site/staff-session'

export const dynamic = 'force-dynamic'

export async function GET(request: Request) {
  const slug = new URL(request.url).searchParams.get('slug') ?? ''
  if (!isSlug(slug)) {
    return Response.json({ errors: [{ message: 'Name the article to preview: /preview?slug=...' }] }, { status: 400 })
  }
  if (!(await currentStaffUser())) {
    return Response.json({ errors: [{ message: 'Log in to the admin to preview unapproved content.' }] }, { status: 401 })
  }
  redirect(`/preview/articles/${slug}`)
}
