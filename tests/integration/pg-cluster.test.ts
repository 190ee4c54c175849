// The private primary + streaming replica from tests/support/pg-cluster: rows reach the replica,
// pausing replay holds them back, and the replica refuses writes.
import { existsSync } from 'node:fs'
import pg from 'pg'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { type PgCluster, startPgCluster } from '../support/pg-cluster'

let cluster: PgCluster
let primary: pg.Client
let replica: pg.Client

beforeAll(async () => {
  cluster = await startPgCluster()
  primary = new pg.Client({ connectionString: cluster.primaryUrl })
  replica = new pg.Client({ connectionString: cluster.replicaUrl })
  await Promise.all([primary.connect(), replica.connect()])
})

afterAll(async () => {
  await Promise.all([primary?.end(), replica?.end()])
  if (!cluster) return
  await cluster.stop()
  await cluster.stop()
  expect(existsSync(cluster.dir)).toBe(false)
})

const names = async () => (await replica.query<{ name: string }>('select name from notes order by id')).rows.map((row) => row.name)

it('replicates rows from the primary to the replica', async () => {
  await primary.query('create table notes (id serial primary key, name text not null)')
  await primary.query(`insert into notes (name) values ('first')`)
  await cluster.waitForReplay()
  expect(await names()).toEqual(['first'])
  expect(await cluster.replayLsn()).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/)
})

it('holds rows back while replay is paused', async () => {
  await cluster.pauseReplay()
  await primary.query(`insert into notes (name) values ('second')`)
  for (const deadline = Date.now() + 500; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 50))) {
    expect(await names()).toEqual(['first'])
  }
  await expect(cluster.waitForReplay(200)).rejects.toThrow(/replay paused/)
  await cluster.resumeReplay()
  await cluster.waitForReplay()
  expect(await names()).toEqual(['first', 'second'])
})

it('refuses writes on the replica', async () => {
  await expect(replica.query(`insert into notes (name) values ('nope')`)).rejects.toMatchObject({ code: '25006' })
})
