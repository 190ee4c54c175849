import 'server-only'
import config from '@payload-config'
import { getPayload } from 'payload'

/** The app's Payload instance (cached by Payload across calls). */
export const payloadClient = () => getPayload({ config })

/**
 * The same instance, with Payload's job crons started (autoRun): the background work asks for
 * it at start, so queued jobs (mail, a retirement that fell due while the app was down) run
 * without waiting for someone to open the admin or call the API, which is when Payload would
 * otherwise start them.
 */
export const payloadWithJobs = () => getPayload({ config, cron: true })
