// An Atom 1.0 feed (RFC 4287) as text: every value escaped, so no title or note can break it.
export type AtomEntry = { id: string; title: string; updated: string; link: string; summary: string }

const escapeXml = (text: string) =>
  text
    .replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!)
    // Characters XML 1.0 does not allow at all.
    // eslint-disable-next-line no-control-regex -- matching them is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')

export function atomFeed(feed: { id: string; title: string; self: string; site: string; updated: string; entries: AtomEntry[] }): string {
  const entries = feed.entries.map(
    (entry) => `  <entry>
    <id>${escapeXml(entry.id)}</id>
    <title>${escapeXml(entry.title)}</title>
    <updated>${escapeXml(entry.updated)}</updated>
    <link rel="alternate" href="${escapeXml(entry.link)}"/>
    <summary>${escapeXml(entry.summary)}</summary>
  </entry>`,
  )
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title>${escapeXml(feed.title)}</title>`,
    `  <updated>${escapeXml(feed.updated)}</updated>`,
    `  <link rel="self" href="${escapeXml(feed.self)}"/>`,
    `  <link rel="alternate" href="${escapeXml(feed.site)}"/>`,
    `  <author><name>Vetted</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n')
}
