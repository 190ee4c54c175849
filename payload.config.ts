import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'
import { Articles } from './collections/Articles'
import { AuditLog } from './collections/AuditLog'
import { Reviews } from './collections/Reviews'
import { Revisions } from './collections/Revisions'
import { Tips } from './collections/Tips'
import { Users } from './collections/Users'
import { Warnings } from './collections/Warnings'
import { ReviewStates } from './collections/ReviewStates'
import { answerDatabaseUnavailable, answerUnstorableText } from './src/http/database-errors'
import { answerPayloadErrors } from './src/http/payload-errors'
import { myWorkEndpoint, reviewersEndpoint, reviewQueueEndpoint } from './src/review/endpoints/staff-endpoints'
import { adminServerUrl, databasePool, payloadSecret } from './src/lib/server-env'
import { payloadLogger } from './src/lib/logger'
import { requestCostRules } from './src/graphql/request-cost'
import { limitPoolShare, POOL_SHARE_PER_REQUEST } from './src/db/pool-share'
import { installReaderRouting, replicaUrls } from './src/db/reader-database'
import { readSharedFence, sharedCacheEnabled } from './src/cache/shared-cache'
import { ReviewPolicy } from './globals/ReviewPolicy'
import { Notifications } from './collections/Notifications'
import { Releases } from './collections/Releases'
import { Sources } from './collections/Sources'
import { Disclosures } from './collections/Disclosures'
import { Feedback } from './collections/Feedback'
import { mailAdapter } from './src/notifications/mail-transport'
import { jobsConfig } from './src/jobs/config'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  serverURL: adminServerUrl(),
  secret: payloadSecret(),
  admin: {
    user: Users.slug,
    // Gravatar would send staff emails' hashes to a third party and needs the internet.
    avatar: 'default',
    meta: { titleSuffix: ' · Vetted' },
    components: {
      beforeDashboard: ['/src/admin/DashboardGreeting#DashboardGreeting'],
      afterNavLinks: ['/src/admin/QueueNavLink#QueueNavLink'],
      views: {
        reviewQueue: { Component: '/src/admin/ReviewQueueView#ReviewQueueView', path: '/review-queue' },
        myWork: { Component: '/src/admin/MyWorkView#MyWorkView', path: '/my-work' },
      },
    },
    importMap: { baseDir: dirname, importMapFile: path.resolve(dirname, 'src/app/(payload)/admin/importMap.js') },
  },
  collections: [
    Articles,
    Tips,
    Warnings,
    Sources,
    ReviewStates,
    Releases,
    Reviews,
    Revisions,
    Feedback,
    Users,
    Disclosures,
    AuditLog,
    Notifications,
  ],
  globals: [ReviewPolicy],
  endpoints: [reviewQueueEndpoint, reviewersEndpoint, myWorkEndpoint],
  hooks: { afterError: [answerPayloadErrors, answerDatabaseUnavailable, answerUnstorableText] },
  editor: lexicalEditor(),
  email: mailAdapter(),
  jobs: jobsConfig(),
  db: postgresAdapter({
    pool: databasePool(),
    // Schema changes only through committed migrations, everywhere.
    push: false,
    // Applied by `npm run migrate`, and by `npm start` before the server listens.
    migrationDir: path.resolve(dirname, 'src/migrations'),
    // Streaming replicas for the reader site only, once they replayed the latest approval
    // (src/db/reader-database.ts replaces Payload's routing in onInit).
    readReplicas: replicaUrls(),
  }),
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
  graphQL: { disablePlaygroundInProduction: true, validationRules: (args) => requestCostRules(args) },
  // No single request may hold more than a small share of the pool (see the API routes).
  onInit: async (payload) => {
    const pool = (payload.db as unknown as { pool?: Parameters<typeof limitPoolShare>[0] }).pool
    if (pool) limitPoolShare(pool, POOL_SHARE_PER_REQUEST)
    await installReaderRouting(payload, { sharedFence: sharedCacheEnabled() ? readSharedFence : null })
  },
  telemetry: false,
  logger: payloadLogger,
})
