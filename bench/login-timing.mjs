#!/usr/bin/env node
// How long a failed login takes for an account that exists (a wrong password) and for an
// address with no account, side by side: the two must not tell an attacker which addresses
// are staff accounts. Alternates the two, each attempt from its own source address so the
// login throttle never answers instead (loopback only; the server trusts one proxy hop).
//   BASE_URL=http://127.0.0.1:3000 [SAMPLES=25] [EMAIL=editor@example.com] node bench/login-timing.mjs
import { loopbackBase, percentile } from './lib/client.mjs'

const base = loopbackBase('login-timing')
const samples = Number(process.env.SAMPLES || 25)
const real = process.env.EMAIL || 'editor@example.com'
const nobody = () => `nobody-${Math.random().toString(36).slice(2, 10)}@example.org`

let address = 0
async function failedLogin(email) {
  address++
  const started = performance.now()
  const response = await fetch(`${base}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `198.18.${address >> 8}.${address & 255}` },
    body: JSON.stringify({ email, password: 'not-the-password' }),
  })
  await response.text()
  if (response.status !== 401) throw new Error(`expected 401 for ${email}, got ${response.status}`)
  return performance.now() - started
}

const times = { 'wrong password, real account': [], 'no such account': [] }
await failedLogin(real)
await failedLogin(nobody())
for (let i = 0; i < samples; i++) {
  times['wrong password, real account'].push(await failedLogin(real))
  times['no such account'].push(await failedLogin(nobody()))
}

console.log(`failed logins against ${base}, ${samples} of each, alternating (ms):`)
console.log('                               p10     p50     p90')
const medians = []
for (const [label, list] of Object.entries(times)) {
  const sorted = list.sort((a, b) => a - b)
  medians.push(percentile(sorted, 50))
  console.log(`${label.padEnd(30)} ${[10, 50, 90].map((p) => percentile(sorted, p).toFixed(1).padStart(7)).join(' ')}`)
}
console.log(
  `median difference: ${(medians[1] - medians[0]).toFixed(1)} ms (${((100 * (medians[1] - medians[0])) / medians[0]).toFixed(1)} %)`,
)
