import { existsSync } from 'node:fs'

if (existsSync('.env')) process.loadEnvFile('.env')
process.env.PAYLOAD_SECRET ||= 'vetted-test-secret'
