// Runs once when a server process starts: the background work (src/jobs/background.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const [{ payloadWithJobs }, { startBackgroundWork }] = await Promise.all([import('./lib/payload'), import('./jobs/background')])
  startBackgroundWork(payloadWithJobs)
}
