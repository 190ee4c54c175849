// What an approval checks and records beyond the sign-off rules (issue: evidence and public
// accountability): the reviewer confirms the evidence was checked (articles), a reading age
// above the target is acknowledged, structure checks the policy makes blocking pass, and the
// approver's declaration of interests is copied. Each becomes part of the approval record.
import type { PayloadRequest } from 'payload'
import {
  blockingIssues,
  decideEvidenceConfirmation,
  decideReadingAcknowledgement,
  disclosureText,
  type Disclosure,
  REVIEWABLE,
  type ReviewableCollection,
} from '../../workflow'
import { ApiError } from '../../http/errors'
import type { ApprovalSettings } from '../data/approval-settings'
import { evidenceOf } from '../views/evidence-review'
import { plainLanguageOf } from '../views/plain-language-review'
import { latestDisclosures } from '../data/disclosure-records'
import { findPeople } from '../data/repository'

export type ApprovalAnswers = { evidenceChecked?: boolean | null; readingLevelAcknowledged?: boolean | null }

export type DisclosureSnapshot = { personId: string; name: string; disclosure: Disclosure | null; text: string }

export type ApprovalCheckRecord = {
  evidence: Record<string, unknown> | null
  plainLanguage: Record<string, unknown>
  disclosures: { approver: DisclosureSnapshot; authors?: DisclosureSnapshot[] }
}

type Person = { id: number; displayName: string }

/** What these people had declared, now. */
async function snapshotsOf(req: PayloadRequest, people: Person[]): Promise<DisclosureSnapshot[]> {
  const declared = await latestDisclosures(
    req,
    people.map((person) => person.id),
  )
  return people.map((person) => {
    const disclosure = declared.get(String(person.id)) ?? null
    return { personId: String(person.id), name: person.displayName, disclosure, text: disclosureText(disclosure) }
  })
}

/** Checks the reviewer's answers against the version; the record fields, or a 4xx refusal. */
export async function approvalChecks(
  req: PayloadRequest,
  args: {
    collection: ReviewableCollection
    content: Record<string, unknown>
    settings: ApprovalSettings
    answers: ApprovalAnswers
    approver: Person
  },
): Promise<ApprovalCheckRecord> {
  const { collection, content, settings, answers } = args
  const confirmation = decideEvidenceConfirmation(collection, answers.evidenceChecked)
  if (!confirmation.ok) throw new ApiError(confirmation.status, confirmation.message)
  const report = plainLanguageOf(collection, content, settings.readingAgeTarget)
  const blocking = blockingIssues(report.structure, settings.blockingChecks)
  if (blocking.length > 0) {
    throw new ApiError(409, `The review policy makes these checks blocking: ${blocking.map((issue) => issue.message).join(' ')}`)
  }
  const acknowledgement = decideReadingAcknowledgement(report, answers.readingLevelAcknowledged)
  if (!acknowledgement.ok) throw new ApiError(acknowledgement.status, acknowledgement.message)
  const { citesEvidence } = REVIEWABLE[collection]
  const sources = citesEvidence ? await evidenceOf(req, content, settings.sourceMaxAge) : []
  const [approver] = await snapshotsOf(req, [args.approver])
  return {
    evidence: citesEvidence
      ? { checked: true, checkedAt: new Date().toISOString(), sources, flagged: sources.filter((source) => source.flags.length > 0).length }
      : null,
    plainLanguage: {
      readingAge: report.overall?.readingAge ?? null,
      grade: report.overall?.grade ?? null,
      target: report.target,
      aboveTarget: report.aboveTarget,
      acknowledged: acknowledgement.acknowledged,
      fields: report.fields.map((field) => ({ field: field.field, readingAge: field.level?.readingAge ?? null })),
      structure: report.structure,
    },
    disclosures: { approver: approver! },
  }
}

/** The authors' declarations, added to the record that completes a sign-off. */
export const authorDisclosures = async (req: PayloadRequest, authorIds: (string | number)[]) =>
  snapshotsOf(req, await findPeople(req, authorIds, { displayName: true }))
