/** Stands in for Payload's Publish and Unpublish buttons: publishing is approving. */
export function NoButton() {
  return null
}
