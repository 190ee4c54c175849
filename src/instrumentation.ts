// Runs once when a server process starts: the background work (src/jobs/background.ts), and
// the retired-address lookup the proxy asks (src/site/tombstones.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const [{ default: config }, { getPayload }, { startBackgroundWork }, { registerRetiredSlugLookup }] = await Promise.all([
    import('@payload-config'),
    import('payload'),
    import('./jobs/background'),
    import('./site/tombstones'),
  ])
  registerRetiredSlugLookup(() => getPayload({ config }))
  // With Payload's job crons started (`cron: true`): Payload starts them only for such a call, so
  // without it queued jobs (mail, a retirement that fell due while the app was down) would wait
  // until someone opened the admin or called the API.
  startBackgroundWork(() => getPayload({ config, cron: true }))
}
