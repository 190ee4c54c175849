// What the review panel shows beside the change summary: the evidence the version under review
// cites (with flags), its plain-language report, and readers' feedback on the article. For the
// submitted version when there is one, else the latest.
import type { PayloadRequest } from 'payload'
import { blockingIssues, type ReviewableCollection } from '../workflow'
import { approvalSettings } from './approval-settings'
import { evidenceOf } from './evidence-review'
import { plainLanguageOf } from './plain-language-review'
import { findVersion, findWorkflow, latestVersion } from './repository'
import { articleFeedback } from '../feedback/queue'
import { WorkflowError } from './errors'

export async function reviewChecks(req: PayloadRequest, collection: ReviewableCollection, id: string) {
  const workflow = await findWorkflow(req, collection, id)
  const version = workflow?.submittedVersion ? await findVersion(req, collection, workflow.submittedVersion) : await latestVersion(req, collection, id)
  if (!version) throw new WorkflowError(404, `There is no ${collection} document with id ${id}.`)
  const settings = await approvalSettings(req, collection, { lock: false })
  const plainLanguage = plainLanguageOf(collection, version.content, settings.readingAgeTarget)
  return {
    versionId: version.id,
    evidence: collection === 'articles' ? await evidenceOf(req, version.content, settings.sourceMaxAge) : null,
    plainLanguage: { ...plainLanguage, blocking: blockingIssues(plainLanguage.structure, settings.blockingChecks) },
    feedback: collection === 'articles' ? await articleFeedback(req, id) : null,
  }
}

export type ReviewChecks = Awaited<ReturnType<typeof reviewChecks>>
