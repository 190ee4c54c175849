import type { User } from '../payload-types'

export type DemoUser = Pick<User, 'email' | 'displayName' | 'roles' | 'credentials' | 'specialties' | 'bio'>

/** Demo accounts for a fresh install; fictional people. */
export const DEMO_USERS: DemoUser[] = [
  {
    email: 'admin@example.com',
    displayName: 'Alex Morgan',
    roles: ['admin'],
  },
  {
    email: 'editor@example.com',
    displayName: 'Emma Clarke',
    roles: ['editor'],
    bio: 'Health editor.',
  },
  {
    email: 'reviewer@example.com',
    displayName: 'Dr. Maya Chen',
    roles: ['reviewer'],
    credentials: 'MD, FACOG',
    specialties: ['Obstetrics', 'Gynecology'],
    bio: 'Obstetrician and gynecologist (demo profile).',
  },
  {
    email: 'reviewer2@example.com',
    displayName: 'Dr. Samuel Okafor',
    roles: ['reviewer'],
    credentials: 'MD, FAAFP',
    specialties: ['Family medicine'],
    bio: 'Family physician (demo profile).',
  },
]

export const DEFAULT_DEMO_PASSWORD = 'vetted-demo'

/** SEED_PASSWORD, or the demo default outside production. */
export function demoPassword(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SEED_PASSWORD) return env.SEED_PASSWORD
  if (env.NODE_ENV === 'production') {
    throw new Error('SEED_PASSWORD is not set: refusing to create demo accounts in production with a default password.')
  }
  return DEFAULT_DEMO_PASSWORD
}
