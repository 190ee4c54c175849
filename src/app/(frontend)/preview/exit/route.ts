import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'

export async function GET(request: Request) {
  ;(await draftMode()).disable()
  const slug = new URL(request.url).searchParams.get('slug') ?? ''
  redirect(/^[a-z0-9-]{1,96}$/.test(slug) ? `/articles/${slug}` : '/')
}
