// Before any test file: the port the tests' SMTP sink will listen on, so the app's mail
// adapter (built once, when Payload starts) points at it. Workers inherit this environment.
import { freePort } from '../../scripts/lib/ports.mjs'

export default async function setup() {
  process.env.SMTP_TEST_PORT ||= String(await freePort())
}
