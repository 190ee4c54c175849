// After a person saves reviewable content: record who saved the new version (the
// four-eyes rule needs it; Payload's versions do not keep it) and put the
// document back to draft, which withdraws any pending submission.
import type { CollectionAfterChangeHook } from 'payload'
import { STATE_AFTER_EDIT, type ReviewableCollection } from '../../workflow'
import { latestVersion, recordRevision as insertRevision, saveWorkflow } from '../repository'
import { isWorkflowWrite } from '../write-context'

export const recordRevision: CollectionAfterChangeHook = async ({ collection, doc, req }) => {
  if (isWorkflowWrite(req)) return doc
  const slug = collection.slug as ReviewableCollection
  const id = String(doc.id)
  const latest = await latestVersion(req, slug, id)
  if (latest) await insertRevision(req, slug, id, latest.id, typeof req.user?.id === 'number' ? req.user.id : null)
  await saveWorkflow(req, slug, id, {
    state: STATE_AFTER_EDIT,
    documentTitle: typeof doc.title === 'string' ? doc.title : null,
    submittedVersion: null,
    submittedBy: null,
    submittedAt: null,
  })
  return doc
}
