// `npm run seed`: imports the seed content into the configured database.
// Run as `node --import tsx seed/run.ts` (scripts/lib/migrations.mjs); top-level await keeps
// the process until the seed is done.
import { getPayload } from 'payload'
import config from '../payload.config'
import { seed } from './seed'
import { demoPassword } from './users'

/**
 * Exits once what was printed has been written: stdout to a pipe is asynchronous, and
 * process.exit() right after console.log dropped the seed's whole report.
 */
async function exitAfterOutput(code: number): Promise<never> {
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()))
  await new Promise<void>((resolve) => process.stderr.write('', () => resolve()))
  process.exit(code)
}

try {
  const password = demoPassword()
  const payload = await getPayload({ config })
  const report = await seed(payload, { password, log: (line) => console.log(`seed: ${line}`) })
  if (report.created.length === 0) {
    console.log(`seed: nothing to do, all ${report.unchanged.length} items were already there.`)
  } else {
    console.log(`seed: created ${report.created.length}, left ${report.unchanged.length} unchanged.`)
  }
  await exitAfterOutput(0)
} catch (error) {
  console.error(`seed: failed: ${error instanceof Error ? error.message : String(error)}`)
  await exitAfterOutput(1)
}
