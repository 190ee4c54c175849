import Link from 'next/link'

export default function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is no reviewed article at this address. <Link href="/">See all articles</Link>.
      </p>
    </>
  )
}
