// One background runner among all app instances: the process that holds a PostgreSQL
// session-level advisory lock on a connection of its own. If that process dies or loses its
// connection, PostgreSQL releases the lock and another instance takes it at its next try.
// (Payload's jobs.autoRun runs in every process and its job claim is not atomic, so scheduled
// work must run only where this lock is held: see `isBackgroundRunner`.)
import pg from 'pg'

/** Distinct from the migration lock (scripts/lib/migrations.mjs). */
export const RUNNER_LOCK_KEY = 746574011

export class RunnerLock {
  private client: pg.Client | null = null
  private held = false

  /** `name` shows in pg_stat_activity.application_name: which instance is the runner. */
  constructor(
    private readonly connectionString: string,
    private readonly name = `vetted-runner pid ${process.pid}`,
  ) {}

  /** Whether this process is the runner now, trying to become it when nobody is. */
  async holds(): Promise<boolean> {
    try {
      if (!this.client) {
        const client = new pg.Client({
          connectionString: this.connectionString,
          connectionTimeoutMillis: 5000,
          application_name: this.name,
        })
        client.on('error', () => this.drop(client))
        await client.connect()
        this.client = client
      }
      if (this.held) {
        await this.client.query('select 1')
        return true
      }
      const { rows } = await this.client.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [RUNNER_LOCK_KEY])
      this.held = rows[0]?.locked === true
      return this.held
    } catch {
      if (this.client) this.drop(this.client)
      return false
    }
  }

  private drop(client: pg.Client) {
    if (this.client === client) {
      this.client = null
      this.held = false
    }
    client.end().catch(() => {})
  }

  async release(): Promise<void> {
    const client = this.client
    this.client = null
    this.held = false
    if (client) await client.end().catch(() => {})
  }
}
