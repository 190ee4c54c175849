// `npm run seed`: imports the seed content into the configured database.
// Top-level await: `payload run` exits as soon as this module has finished evaluating.
import { getPayload } from 'payload'
import config from '../payload.config'
import { seed } from './seed'
import { DEMO_USERS, demoPassword } from './users'

try {
  const password = demoPassword()
  const payload = await getPayload({ config })
  const report = await seed(payload, { password, log: (line) => console.log(`seed: ${line}`) })
  if (report.created.length === 0) {
    console.log(`seed: nothing to do, all ${report.unchanged.length} items were already there.`)
  } else {
    console.log(`seed: created ${report.created.length}, left ${report.unchanged.length} unchanged.`)
  }
  const passwordSource = process.env.SEED_PASSWORD ? 'SEED_PASSWORD' : 'the default "vetted-demo"'
  console.log(`seed: demo logins (password: ${passwordSource}): ${DEMO_USERS.map((u) => u.email).join(', ')}`)
  process.exit(0)
} catch (error) {
  console.error(`seed: failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
