/** A link to the review queue in the admin navigation. */
export function QueueNavLink() {
  return (
    <a className="nav__link" href="/admin/review-queue" id="nav-review-queue">
      <span className="nav__link-label">Review queue</span>
    </a>
  )
}
