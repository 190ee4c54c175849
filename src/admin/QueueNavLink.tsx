/** Links to "My work" and the review queue in the admin navigation. */
export function QueueNavLink() {
  return (
    <>
      <a className="nav__link" href="/admin/my-work" id="nav-my-work">
        <span className="nav__link-label">My work</span>
      </a>
      <a className="nav__link" href="/admin/review-queue" id="nav-review-queue">
        <span className="nav__link-label">Review queue</span>
      </a>
    </>
  )
}
