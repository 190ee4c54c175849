// Where the server puts its retired-address lookup for the proxy (src/site/tombstones.ts): on
// globalThis, as the proxy is bundled apart from the app and must stay free of Payload.
export const RETIRED_SLUG_LOOKUP = Symbol.for('vetted.retired-slug-lookup')

export type RetiredSlugLookup = (slug: string) => Promise<boolean>
export type LookupRegistry = { [RETIRED_SLUG_LOOKUP]?: RetiredSlugLookup }

export const retiredSlugLookup = (): RetiredSlugLookup | undefined => (globalThis as LookupRegistry)[RETIRED_SLUG_LOOKUP]
