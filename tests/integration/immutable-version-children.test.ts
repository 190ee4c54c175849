// Rule: what a saved version names (its tips and warnings, in their order, and its
// references) is part of the version, fixed at the database itself like the version row:
// plain SQL can neither add, change, reorder, remove nor truncate those rows. They are
// written with their version, and go only with the version itself (a never-approved
// draft deleted) or with a never-reviewed draft tip or warning deleted, out of versions
// no review names.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { articleData, ensureSeeded, tipData, warningData } from '../support/content'
import { rest, testPayload } from '../support/payload'
import { act, approve, createDraft, editDraft, publishThroughWorkflow, sql, submit, workflowStatus } from '../support/workflow'

let payload: Payload
let tipA: number
let tipB: number
let tipC: number
let warning: number
let articleId: string
/** The version the reviewer approved. */
let signedOff: string
/** The published copy the approval saved after it, the article's newest version. */
let publishedCopy: string

const reference = (title: string, year = 2020) => ({
  title,
  publisher: 'Test Journal',
  year,
  url: `https://example.org/${encodeURIComponent(title)}`,
})

beforeAll(async () => {
  payload = await testPayload()
  await ensureSeeded(payload)
  tipA = Number(await publishThroughWorkflow('tips', tipData()))
  tipB = Number(await publishThroughWorkflow('tips', tipData()))
  tipC = Number(await publishThroughWorkflow('tips', tipData()))
  warning = Number(await publishThroughWorkflow('warnings', warningData()))
  articleId = await createDraft('editor', 'articles', {
    ...articleData(),
    tips: [tipA, tipB],
    warnings: [warning],
    references: [reference('First source'), reference('Second source', 2021)],
  })
  signedOff = (await approve('reviewer', 'articles', articleId, await submit('editor', 'articles', articleId))).versionId
  publishedCopy = String((await workflowStatus('articles', articleId)).latestVersionId)
})

const versionsOf = async (documentId: string | number) =>
  (await sql(`select id::text from _articles_v where parent_id = $1 order by id`, [documentId])).rows.map((row) => row.id as string)

/** A document saved twice: its first and second versions. */
async function twoVersionsOf(documentId: string): Promise<[string, string]> {
  const versions = await versionsOf(documentId)
  expect(versions).toHaveLength(2)
  return versions as [string, string]
}

/** The tips and warnings a version names, in order. */
const relsOf = async (versionId: string | number) =>
  (await sql(`select path, "order", tips_id, warnings_id from _articles_v_rels where parent_id = $1 order by path, "order"`, [versionId]))
    .rows

const referencesOf = async (versionId: string | number) =>
  (
    await sql(`select _order, title, publisher, year::int, url from _articles_v_version_references where _parent_id = $1 order by _order`, [
      versionId,
    ])
  ).rows

const tipsOf = async (versionId: string | number) =>
  (await relsOf(versionId)).filter((row) => row.path === 'version.tips').map((row) => row.tips_id as number)

const count = async (query: string, values: unknown[] = []) => (await sql(query, values)).rows[0].n as number

describe('a signed-off version keeps the tips and warnings it names, even against SQL', () => {
  it('names what the reviewer approved', async () => {
    expect(await tipsOf(signedOff)).toEqual([tipA, tipB])
    expect((await relsOf(signedOff)).filter((row) => row.path === 'version.warnings').map((row) => row.warnings_id)).toEqual([warning])
    expect(signedOff).not.toBe(publishedCopy)
  })

  it('refuses pointing it at another tip', async () => {
    await expect(
      sql(`update _articles_v_rels set tips_id = $1 where parent_id = $2 and tips_id = $3`, [tipC, signedOff, tipA]),
    ).rejects.toThrow(/immutable/)
    expect(await tipsOf(signedOff)).toEqual([tipA, tipB])
  })

  it('refuses reordering its tips', async () => {
    await expect(
      sql(`update _articles_v_rels set "order" = 3 - "order" where parent_id = $1 and path = 'version.tips'`, [signedOff]),
    ).rejects.toThrow(/immutable/)
    expect(await tipsOf(signedOff)).toEqual([tipA, tipB])
  })

  it('refuses even an update that changes nothing', async () => {
    await expect(sql(`update _articles_v_rels set "order" = "order" where parent_id = $1`, [signedOff])).rejects.toThrow(/immutable/)
  })

  it('refuses removing a tip or a warning from it', async () => {
    await expect(sql(`delete from _articles_v_rels where parent_id = $1 and tips_id = $2`, [signedOff, tipB])).rejects.toThrow(/immutable/)
    await expect(sql(`delete from _articles_v_rels where parent_id = $1 and path = 'version.warnings'`, [signedOff])).rejects.toThrow(
      /immutable/,
    )
    expect(await relsOf(signedOff)).toHaveLength(3)
  })

  it('refuses adding a tip to it', async () => {
    await expect(
      sql(`insert into _articles_v_rels ("order", parent_id, path, tips_id) values (3, $1, 'version.tips', $2)`, [signedOff, tipC]),
    ).rejects.toThrow(/immutable/)
    expect(await tipsOf(signedOff)).toEqual([tipA, tipB])
  })

  it('refuses adding a tip even to the newest version, once its transaction is over', async () => {
    await expect(
      sql(`insert into _articles_v_rels ("order", parent_id, path, tips_id) values (3, $1, 'version.tips', $2)`, [publishedCopy, tipC]),
    ).rejects.toThrow(/immutable/)
    expect(await tipsOf(publishedCopy)).toEqual([tipA, tipB])
  })

  // Each attempt in a transaction that is rolled back, so a failing test does not empty the shared database.
  it('refuses emptying the table, alone or by cascade', async () => {
    await expect(sql(`begin; truncate _articles_v_rels; rollback`)).rejects.toThrow(/immutable/)
    await expect(sql(`begin; truncate _articles_v cascade; rollback`)).rejects.toThrow(/immutable/)
    expect(await relsOf(signedOff)).toHaveLength(3)
  })

  it('refuses deleting an approved tip out of the versions that name it', async () => {
    // In one transaction that is rolled back: the tip's own versions would go first.
    await expect(
      sql(`begin; delete from _tips_v where parent_id = ${tipB}; delete from tips where id = ${tipB}; rollback`),
    ).rejects.toThrow(/immutable: DELETE from _articles_v_rels/)
    expect(await tipsOf(signedOff)).toEqual([tipA, tipB])
  })
})

describe('a signed-off version keeps its references, even against SQL', () => {
  const approvedReferences = [
    { _order: 1, ...reference('First source') },
    { _order: 2, ...reference('Second source', 2021) },
  ]

  it('names what the reviewer approved', async () => {
    expect(await referencesOf(signedOff)).toEqual(approvedReferences)
  })

  it('refuses rewriting or reordering them', async () => {
    await expect(
      sql(`update _articles_v_version_references set title = 'A better source' where _parent_id = $1 and _order = 1`, [signedOff]),
    ).rejects.toThrow(/immutable/)
    await expect(sql(`update _articles_v_version_references set _order = 3 - _order where _parent_id = $1`, [signedOff])).rejects.toThrow(
      /immutable/,
    )
    expect(await referencesOf(signedOff)).toEqual(approvedReferences)
  })

  it('refuses removing one', async () => {
    await expect(sql(`delete from _articles_v_version_references where _parent_id = $1 and _order = 2`, [signedOff])).rejects.toThrow(
      /immutable/,
    )
    expect(await referencesOf(signedOff)).toEqual(approvedReferences)
  })

  it('refuses adding one', async () => {
    await expect(
      sql(`insert into _articles_v_version_references (_order, _parent_id, title) values (3, $1, 'Planted source')`, [signedOff]),
    ).rejects.toThrow(/immutable/)
    expect(await referencesOf(signedOff)).toEqual(approvedReferences)
  })

  it('refuses emptying the table', async () => {
    await expect(sql(`begin; truncate _articles_v_version_references; rollback`)).rejects.toThrow(/immutable/)
    expect(await referencesOf(signedOff)).toEqual(approvedReferences)
  })
})

describe('the database guards every child table of the version tables', () => {
  it('has the guard on each table that hangs off a version row', async () => {
    const children = (
      await sql(`
        select distinct c.conrelid::regclass::text as child
        from pg_constraint c
        where c.contype = 'f' and c.confdeltype = 'c'
          and c.confrelid::regclass::text in ('_articles_v', '_tips_v', '_warnings_v')
        order by 1`)
    ).rows.map((row) => row.child as string)
    expect(children).toContain('_articles_v_rels')
    expect(children).toContain('_articles_v_version_references')
    const guarded = (
      await sql(`
        select t.tgrelid::regclass::text as child
        from pg_trigger t join pg_proc p on p.oid = t.tgfoid
        where p.proname = 'vetted_guard_version_children' and t.tgenabled = 'O'
        group by 1
        -- a BEFORE row trigger on INSERT, UPDATE and DELETE, and a BEFORE TRUNCATE one
        having bool_or(t.tgtype & 31 = 31) and bool_or(t.tgtype & 34 = 34)`)
    ).rows.map((row) => row.child as string)
    expect(guarded.sort()).toEqual(children)
  })
})

describe('what Payload does with these rows still works', () => {
  it('saves drafts with tips, warnings and references, each version with its own', async () => {
    const id = await createDraft('editor', 'articles', {
      ...articleData(),
      tips: [tipA, tipB],
      warnings: [warning],
      references: [reference('Only source')],
    })
    await editDraft('editor', 'articles', id, { tips: [tipC, tipA], references: [reference('Only source'), reference('New source', 2022)] })
    const [first, second] = await twoVersionsOf(id)
    expect(await tipsOf(first)).toEqual([tipA, tipB])
    expect(await tipsOf(second)).toEqual([tipC, tipA])
    expect((await referencesOf(first)).map((row) => row.title)).toEqual(['Only source'])
    expect((await referencesOf(second)).map((row) => row.title)).toEqual(['Only source', 'New source'])
  })

  it('approves a draft with tips and references, and publishes exactly what it names', async () => {
    const id = await createDraft('editor', 'articles', {
      ...articleData(),
      tips: [tipB, tipC],
      warnings: [warning],
      references: [reference('Cited')],
    })
    const { versionId } = await approve('reviewer', 'articles', id, await submit('editor', 'articles', id))
    const copy = String((await workflowStatus('articles', id)).latestVersionId)
    expect(copy).not.toBe(versionId)
    expect(await tipsOf(copy)).toEqual([tipB, tipC])
    expect(await referencesOf(copy)).toEqual(await referencesOf(versionId))
    const live = await rest('anonymous', 'GET', `/articles/${id}?depth=0`)
    expect(live.body.tips).toEqual([tipB, tipC])
  })

  it('restores an older version as a new one, with the tips and references it named', async () => {
    const id = await createDraft('editor', 'articles', { ...articleData(), tips: [tipA, tipB], references: [reference('Old source')] })
    await editDraft('editor', 'articles', id, { tips: [tipC], references: [] })
    const [first] = await twoVersionsOf(id)
    expect((await rest('editor', 'POST', `/articles/versions/${first}?draft=true`)).status).toBe(200)
    const restored = (await versionsOf(id)).at(-1)!
    expect(restored).not.toBe(first)
    expect(await tipsOf(restored)).toEqual([tipA, tipB])
    expect((await referencesOf(restored)).map((row) => row.title)).toEqual(['Old source'])
  })

  it('writes a version and its rows in one transaction, savepoints included', async () => {
    const id: number = (await sql(`select nextval('_articles_v_id_seq')::int as id`)).rows[0].id
    await sql(
      `begin;
       insert into _articles_v (id, parent_id, version_title, latest) values (${id}, ${Number(articleId)}, 'Written by hand', false);
       savepoint rows;
       insert into _articles_v_rels ("order", parent_id, path, tips_id) values (1, ${id}, 'version.tips', ${tipC});
       release savepoint rows;
       insert into _articles_v_version_references (_order, _parent_id, title) values (1, ${id}, 'Hand source');
       commit`,
    )
    expect(await tipsOf(id)).toEqual([tipC])
    expect((await referencesOf(id)).map((row) => row.title)).toEqual(['Hand source'])
    // Removing that version takes its rows with it.
    await sql(`delete from _articles_v where id = $1`, [id])
    expect(await relsOf(id)).toEqual([])
    expect(await referencesOf(id)).toEqual([])
  })

  it('lets an admin delete a never-approved draft article, with its versions, tips and references', async () => {
    const id = await createDraft('editor', 'articles', {
      ...articleData(),
      tips: [tipA, tipB],
      warnings: [warning],
      references: [reference('Draft source')],
    })
    await editDraft('editor', 'articles', id, { tips: [tipB], references: [reference('Draft source'), reference('Another', 2023)] })
    const versions = await versionsOf(id)
    expect(versions).toHaveLength(2)

    const response = await rest('admin', 'DELETE', `/articles/${id}`)
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect(await versionsOf(id)).toEqual([])
    expect(await count(`select count(*)::int as n from _articles_v_rels where parent_id = any($1::int[])`, [versions])).toBe(0)
    expect(await count(`select count(*)::int as n from _articles_v_version_references where _parent_id = any($1::int[])`, [versions])).toBe(
      0,
    )
    expect(await count(`select count(*)::int as n from tips where id = any($1::int[])`, [[tipA, tipB]])).toBe(2)
  })

  it('lets an admin delete a never-reviewed draft tip, which leaves the draft articles that named it', async () => {
    const draftTip = Number(await createDraft('editor', 'tips', tipData()))
    const id = await createDraft('editor', 'articles', { ...articleData(), tips: [tipA, draftTip] })
    await editDraft('editor', 'articles', id, { tips: [draftTip] })
    const [first, second] = await twoVersionsOf(id)

    const response = await rest('admin', 'DELETE', `/tips/${draftTip}`)
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect(await tipsOf(first)).toEqual([tipA])
    expect(await tipsOf(second)).toEqual([])
  })

  it('refuses deleting a draft tip out of an article version a reviewer has decided on', async () => {
    const draftTip = Number(await createDraft('editor', 'tips', tipData()))
    const id = await createDraft('editor', 'articles', { ...articleData(), tips: [tipA, draftTip] })
    const versionId = await submit('editor', 'articles', id)
    const sentBack = await act('reviewer', 'articles', id, 'request-changes', { versionId, comment: 'Approve the tip first.' })
    expect(sentBack.status).toBe(200)

    // The app refuses with the reason (and the database would refuse too).
    const response = await rest('admin', 'DELETE', `/tips/${draftTip}`)
    expect(response.status).toBe(409)
    expect(JSON.stringify(response.body)).toMatch(/reviewer decided on shows this tip/)
    expect(await count(`select count(*)::int as n from tips where id = $1`, [draftTip])).toBe(1)
    expect(await tipsOf(versionId)).toEqual([tipA, draftTip])
  })
})
