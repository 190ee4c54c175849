import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { defineConfig, devices } from '@playwright/test'

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
if (!existsSync(chromium)) {
  throw new Error(`No Chromium at ${chromium}. Install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.`)
}

const port = Number(process.env.E2E_PORT || 3100)
const baseURL = process.env.E2E_BASE_URL || `http://127.0.0.1:${port}`
// The tests' SMTP sink (tests/e2e/support/mail-sink.ts): the server sends there, the tests read
// what arrived. Set here, so the runner and every worker agree on it.
process.env.SMTP_TEST_PORT ||= String(port + 1)
process.env.E2E_MAIL_DIR ||= path.join(tmpdir(), `vetted-e2e-mail-${process.env.SMTP_TEST_PORT}`)

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/support/mail-sink.ts',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: chromium,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  // The production build, started as users start it (scripts/start.mjs needs the secret).
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        command: `node scripts/start.mjs`,
        url: `${baseURL}/`,
        // SERVER_URL must be the origin the browser uses: Payload accepts login cookies only from it (CSRF).
        env: {
          PORT: String(port),
          SERVER_URL: baseURL,
          PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || 'vetted-e2e-secret',
          SMTP_URL: `smtp://127.0.0.1:${process.env.SMTP_TEST_PORT}`,
          MAIL_FROM: 'Vetted e2e <vetted@example.test>',
          // Mail goes out within a second, and a failed send is retried after one.
          VETTED_JOBS_CRON: '* * * * * *',
          // Schedules may be 5 s away (30 by default): the scheduled go-live and retirement
          // journeys then wait seconds, not half a minute.
          VETTED_MIN_SCHEDULE_LEAD_SECONDS: '5',
          VETTED_MAIL_RETRY_DELAY_MS: '1000',
        },
        reuseExistingServer: false,
        timeout: 120_000,
        stdout: 'ignore',
        stderr: 'pipe',
      },
})
