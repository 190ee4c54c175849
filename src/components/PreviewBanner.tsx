/** Unmissable: what follows has not been approved and readers cannot see it. */
export function PreviewBanner({ slug }: { slug: string }) {
  return (
    <div className="preview-banner" role="status" data-testid="preview-banner">
      <strong>Preview: not yet approved.</strong> Readers see the last approved version. <a href={`/articles/${slug}`}>Exit preview</a>
    </div>
  )
}
