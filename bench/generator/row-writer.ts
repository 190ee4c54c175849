// Writes rows through Payload's own row writer (upsertRow, what payload.db.create and
// createVersion call): the same field-to-column transform, tables and relationship rows
// as the app, without reading each row back. Versions are written with their `latest`
// flag already right, instead of createVersion's re-flagging of every older version.
import { upsertRow } from '@payloadcms/drizzle'
import { sql, type PostgresAdapter } from '@payloadcms/db-postgres'
import { buildVersionCollectionFields, type FlattenedField, type Payload } from 'payload'

type Database = Parameters<typeof upsertRow>[0]['db']
type Slug = 'articles' | 'tips' | 'warnings' | 'revisions' | 'reviews' | 'workflow'

export class RowWriter {
  private readonly adapter: PostgresAdapter
  private readonly versionFields = new Map<string, FlattenedField[]>()

  constructor(
    private readonly payload: Payload,
    private readonly db: Database,
  ) {
    this.adapter = payload.db as unknown as PostgresAdapter
  }

  static async inTransaction<T>(payload: Payload, work: (writer: RowWriter) => Promise<T>): Promise<T> {
    const adapter = payload.db as unknown as PostgresAdapter
    return adapter.drizzle.transaction((tx) => work(new RowWriter(payload, tx)))
  }

  async create(slug: Slug, data: Record<string, unknown>): Promise<number> {
    const config = this.payload.collections[slug].config
    return this.insert(slug, this.table(slug), config.flattenedFields, data)
  }

  /** Sets plain columns of an existing row (no relationship or array fields). */
  async update(slug: Slug, id: number, data: Record<string, unknown>): Promise<void> {
    await upsertRow({
      adapter: this.upsertAdapter,
      collectionSlug: slug,
      data,
      db: this.db,
      fields: this.payload.collections[slug].config.flattenedFields,
      id,
      ignoreResult: 'idOnly',
      operation: 'update',
      tableName: this.table(slug),
    })
  }

  async version(
    slug: 'articles' | 'tips' | 'warnings',
    parent: number,
    data: Record<string, unknown>,
    at: Date,
    latest: boolean,
  ): Promise<string> {
    const key = `_${slug}_v`
    if (!this.versionFields.has(key))
      this.versionFields.set(key, buildVersionCollectionFields(this.payload.config, this.payload.collections[slug].config, true))
    const iso = at.toISOString()
    const row = { autosave: false, latest, parent, createdAt: iso, updatedAt: iso, version: { ...data, createdAt: iso, updatedAt: iso } }
    return String(await this.insert(slug, this.table(key), this.versionFields.get(key)!, row))
  }

  /** Clears the dead rows of the live-row updates and gathers statistics, as autovacuum would in time. */
  static async vacuum(payload: Payload) {
    await (payload.db as unknown as PostgresAdapter).drizzle.execute(sql`VACUUM ANALYZE`)
  }

  private get upsertAdapter() {
    return this.adapter as unknown as Parameters<typeof upsertRow>[0]['adapter']
  }

  private table(name: string): string {
    const table = this.adapter.tableNameMap.get(name)
    if (!table) throw new Error(`no table for ${name}`)
    return table
  }

  private async insert(slug: string, tableName: string, fields: FlattenedField[], data: Record<string, unknown>): Promise<number> {
    const row = await upsertRow({
      adapter: this.upsertAdapter,
      collectionSlug: slug,
      data,
      db: this.db,
      fields,
      ignoreResult: 'idOnly',
      operation: 'create',
      tableName,
    })
    return Number((row as { id: number }).id)
  }
}
