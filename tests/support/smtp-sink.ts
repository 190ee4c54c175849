// A real SMTP server for the tests (the `smtp-server` package): it receives what the app
// sends, parses it (`mailparser`) and keeps it, in memory and optionally as JSON files for
// another process to read. It can go down (connections refused) or hang (connections accepted,
// never greeted), for the tests that prove an outage delays mail and never an approval.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export type ReceivedMail = { from: string; to: string[]; subject: string; text: string; html: string; receivedAt: string }
export type SinkMode = 'up' | 'down' | 'hang'

export type SmtpSink = {
  port: number
  mail: ReceivedMail[]
  /** Connections opened to the sink so far (whether greeted or not). */
  connections: () => number
  setMode: (mode: SinkMode) => Promise<void>
  close: () => Promise<void>
}

export async function startSmtpSink({ port, dir }: { port: number; dir?: string }): Promise<SmtpSink> {
  const mail: ReceivedMail[] = []
  if (dir) mkdirSync(dir, { recursive: true })
  let mode: SinkMode = 'up'
  let connections = 0
  const held = new Set<() => void>()
  let server: SMTPServer | null = null

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const smtp = new SMTPServer({
        authOptional: true,
        // Closing does not wait for clients to leave.
        closeTimeout: 100,
        disabledCommands: ['STARTTLS'],
        logger: false,
        // A hanging server: the connection is accepted, the greeting never comes.
        onConnect(_session, callback) {
          connections += 1
          if (mode !== 'hang') return callback()
          held.add(() => callback(new Error('closing')))
        },
        onData(stream, session, callback) {
          simpleParser(stream)
            .then((parsed) => {
              const received: ReceivedMail = {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
                subject: parsed.subject ?? '',
                text: parsed.text ?? '',
                html: typeof parsed.html === 'string' ? parsed.html : '',
                receivedAt: new Date().toISOString(),
              }
              mail.push(received)
              if (dir) writeFileSync(path.join(dir, `${Date.now()}-${mail.length}.json`), JSON.stringify(received))
              callback()
            })
            .catch(callback)
        },
      })
      smtp.on('error', () => {})
      smtp.server.once('error', reject)
      smtp.listen(port, '127.0.0.1', () => {
        server = smtp
        resolve()
      })
    })

  /** An outage breaks the connections a client keeps open too (Nodemailer pools them). */
  const dropConnections = () => {
    const open = (server as unknown as { connections?: Set<{ close: () => void }> } | null)?.connections
    for (const connection of open ?? []) connection.close()
  }

  const stop = () =>
    new Promise<void>((resolve) => {
      for (const release of held) release()
      held.clear()
      const current = server
      server = null
      if (!current) return resolve()
      current.close(() => resolve())
    })

  await listen()
  return {
    port,
    mail,
    connections: () => connections,
    async setMode(next) {
      if (next !== 'up') dropConnections()
      if (next === 'down') {
        mode = next
        await stop()
        return
      }
      if (next === 'up') for (const release of held) release()
      held.clear()
      mode = next
      if (!server) await listen()
    },
    close: stop,
  }
}

/** Mail a sink in another process wrote to `dir`. */
export function readSinkDir(dir: string): ReceivedMail[] {
  let files: string[]
  try {
    files = readdirSync(dir).filter((file) => file.endsWith('.json'))
  } catch {
    return []
  }
  return files.sort().map((file) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as ReceivedMail)
}
