// How Vetted sends mail: Payload's e-mail adapter interface over Nodemailer's SMTP transport
// when SMTP_URL is set, else each mail written to the log (development, and any deployment
// that has not configured mail yet: `npm start` warns about it).
//
// Our own few lines rather than @payloadcms/email-nodemailer: that package pins its payload
// peer to one exact release (3.90.1 for the newest), which npm refuses beside Payload 3.90.2.
import nodemailer from 'nodemailer'
import type { EmailAdapter, SendEmailOptions } from 'payload'

const DEFAULT_FROM = 'Vetted <no-reply@localhost>'

/** MAIL_FROM as `Name <address>` or a bare address. */
export function parseFrom(value: string | undefined): { name: string; address: string } {
  const text = (value ?? '').trim() || DEFAULT_FROM
  const match = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(text)
  if (match) return { name: match[1]!.replace(/^"|"$/g, '').trim() || 'Vetted', address: match[2]! }
  if (/^[^<>\s]+@[^<>\s]+$/.test(text)) return { name: 'Vetted', address: text }
  throw new Error(`MAIL_FROM must be an address or "Name <address>", not "${text}".`)
}

/** Seconds to wait for an SMTP server before a send fails (the job then retries later). */
export function smtpTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.SMTP_TIMEOUT_MS)
  return Number.isFinite(value) && value > 0 ? value : 15_000
}

/**
 * SMTP_URL as Nodemailer's options: `smtp://user:password@host:587` (STARTTLS when the server
 * offers it) or `smtps://...:465` (TLS from the start). Parsed here because Nodemailer ignores
 * every other option, the timeouts among them, when it is given a `url`.
 */
export function smtpServer(url: string): { host: string; port: number; secure: boolean; auth?: { user: string; pass: string } } {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new Error('SMTP_URL must look like smtp://user:password@host:587 or smtps://user:password@host:465.')
  }
  const secure = parsed.protocol === 'smtps:'
  if (!secure && parsed.protocol !== 'smtp:') throw new Error(`SMTP_URL must start with smtp:// or smtps://, not ${parsed.protocol}//.`)
  const user = decodeURIComponent(parsed.username)
  return {
    host: parsed.hostname,
    port: Number(parsed.port) || (secure ? 465 : 587),
    secure,
    ...(user ? { auth: { user, pass: decodeURIComponent(parsed.password) } } : {}),
  }
}

export function mailAdapter(env: NodeJS.ProcessEnv = process.env): EmailAdapter {
  const from = parseFrom(env.MAIL_FROM)
  const smtpUrl = env.SMTP_URL?.trim()
  if (!smtpUrl) return logMail(from)
  const timeout = smtpTimeoutMs(env)
  const server = smtpServer(smtpUrl)
  const loopback = ['localhost', '127.0.0.1', '[::1]', '::1'].includes(server.host)
  const transport = nodemailer.createTransport({
    ...server,
    // A password never crosses the network in the clear: STARTTLS is required, not optional.
    requireTLS: Boolean(server.auth) && !server.secure && !loopback,
    // A few connections, reused: the runner sends a batch of mails at once.
    pool: true,
    maxConnections: 3,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout * 2,
  })
  return () => ({
    name: 'smtp',
    defaultFromAddress: from.address,
    defaultFromName: from.name,
    sendEmail: async (message: SendEmailOptions) => transport.sendMail({ from: `"${from.name}" <${from.address}>`, ...message }),
  })
}

function logMail(from: { name: string; address: string }): EmailAdapter {
  return ({ payload }) => ({
    name: 'log',
    defaultFromAddress: from.address,
    defaultFromName: from.name,
    sendEmail: async (message: SendEmailOptions) => {
      payload.logger.info(
        `mail (no SMTP_URL, not sent) to ${String(message.to)}: ${String(message.subject)}\n${String(message.text ?? '')}`,
      )
      return { logged: true }
    },
  })
}
