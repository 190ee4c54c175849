import { existsSync } from 'node:fs'

if (existsSync('.env')) process.loadEnvFile('.env')
process.env.PAYLOAD_SECRET ||= 'vetted-test-secret'
// Mail goes to the tests' own SMTP sink (tests/support/smtp-sink.ts), never to a server a
// developer's .env names; a sink that does not answer fails a send within a second.
process.env.SMTP_URL = `smtp://127.0.0.1:${process.env.SMTP_TEST_PORT}`
process.env.SMTP_TIMEOUT_MS = '1000'
process.env.MAIL_FROM = 'Vetted tests <vetted@example.test>'
