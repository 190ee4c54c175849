import { notFound } from 'next/navigation'

/** Any address the site does not know gets the site's own 404 page. */
export default function Missing() {
  notFound()
}
