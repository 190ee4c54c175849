// Runs once when a server process starts: the background work (src/jobs/background.ts), and
// the retired-address lookup the proxy asks (src/lib/tombstones.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const [{ payloadClient, payloadWithJobs }, { startBackgroundWork }, { registerRetiredSlugLookup }] = await Promise.all([
    import('./lib/payload'),
    import('./jobs/background'),
    import('./lib/tombstones'),
  ])
  registerRetiredSlugLookup(payloadClient)
  startBackgroundWork(payloadWithJobs)
}
