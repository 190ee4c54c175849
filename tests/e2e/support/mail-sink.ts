// The end-to-end run's SMTP sink: started before the tests (globalSetup), written to a
// directory the tests read. The server's SMTP_URL points at its port (playwright.config.ts).
import { rmSync } from 'node:fs'
import { expect } from '@playwright/test'
import { readSinkDir, startSmtpSink, type ReceivedMail } from '../../support/smtp-sink'

export const mailSinkDir = () => process.env.E2E_MAIL_DIR!

export default async function startMailSink() {
  rmSync(mailSinkDir(), { recursive: true, force: true })
  const sink = await startSmtpSink({ port: Number(process.env.SMTP_TEST_PORT), dir: mailSinkDir() })
  return () => sink.close()
}

/** Waits for a mail to `to` whose subject contains `subject`, and returns it. */
export async function mailTo(to: string, subject: string): Promise<ReceivedMail> {
  let found: ReceivedMail | undefined
  await expect
    .poll(() => (found = readSinkDir(mailSinkDir()).find((mail) => mail.to.includes(to) && mail.subject.includes(subject))), {
      message: `a mail to ${to} about "${subject}"`,
      timeout: 20_000,
    })
    .toBeTruthy()
  return found!
}
