// What the review panel shows beside the change summary: the evidence the version under review
// cites (with flags), its plain-language report, and readers' feedback on the article. For the
// submitted version when there is one, else the latest.
import type { PayloadRequest } from 'payload'
import { blockingIssues, nounOf, REVIEWABLE, type ReviewableCollection } from '../../workflow'
import { approvalSettings } from '../data/approval-settings'
import { evidenceOf } from './evidence-review'
import { plainLanguageOf } from './plain-language-review'
import { findVersion, findReviewState, latestVersion } from '../data/repository'
import { articleFeedback } from '../../feedback/queue'
import { ApiError } from '../../http/errors'

export async function reviewChecks(req: PayloadRequest, collection: ReviewableCollection, id: string) {
  const reviewState = await findReviewState(req, collection, id)
  const version = reviewState?.submittedVersion
    ? await findVersion(req, collection, reviewState.submittedVersion)
    : await latestVersion(req, collection, id)
  if (!version) throw new ApiError(404, `There is no ${nounOf(collection)} with id ${id}.`)
  const settings = await approvalSettings(req, collection, { lock: false })
  const plainLanguage = plainLanguageOf(collection, version.content, settings.readingAgeTarget)
  const { citesEvidence, hasPage } = REVIEWABLE[collection]
  return {
    versionId: version.id,
    evidence: citesEvidence ? await evidenceOf(req, version.content, settings.sourceMaxAge) : null,
    plainLanguage: { ...plainLanguage, blocking: blockingIssues(plainLanguage.structure, settings.blockingChecks) },
    // Readers send feedback from a page.
    feedback: hasPage ? await articleFeedback(req, id) : null,
  }
}

export type ReviewChecks = Awaited<ReturnType<typeof reviewChecks>>
