// ESLint (flat config): typescript-eslint's recommended rules, React's hooks rules for the
// admin, no import cycles, and the layering of docs/DESIGN.md ("Layout"): folders import
// downwards only. Formatting is Prettier's (`npm run lint` runs both).
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import importX from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const src = (...folders) => folders.map((folder) => `./src/${folder}`)
const TOP = ['./collections', './globals', './payload.config.ts', './seed', './bench', './scripts']
const SITE_AND_ADMIN = src('app', 'admin', 'components', 'site')

/** A folder may not import these: what stands above it (docs/DESIGN.md, "Layout"). */
const LAYERS = [
  {
    target: src('lib'),
    from: [
      ...src('access', 'accounts', 'cache', 'db', 'evidence', 'feedback', 'graphql', 'http', 'jobs', 'notifications', 'review', 'workflow'),
      ...SITE_AND_ADMIN,
      ...TOP,
    ],
  },
  {
    target: src('workflow'),
    from: [
      ...src('access', 'accounts', 'cache', 'db', 'evidence', 'feedback', 'graphql', 'http', 'jobs', 'notifications', 'review'),
      ...SITE_AND_ADMIN,
      ...TOP,
    ],
  },
  {
    target: src('access'),
    from: [
      ...src('accounts', 'cache', 'db', 'evidence', 'feedback', 'graphql', 'http', 'jobs', 'notifications', 'review'),
      ...SITE_AND_ADMIN,
      ...TOP,
    ],
  },
  {
    target: src('db'),
    from: [
      ...src('accounts', 'cache', 'evidence', 'feedback', 'graphql', 'http', 'jobs', 'notifications', 'review'),
      ...SITE_AND_ADMIN,
      ...TOP,
    ],
  },
  {
    target: src('cache', 'http'),
    from: [...src('accounts', 'evidence', 'feedback', 'graphql', 'jobs', 'notifications', 'review'), ...SITE_AND_ADMIN, ...TOP],
  },
  {
    target: src('accounts', 'evidence', 'feedback', 'graphql', 'notifications'),
    from: [...src('jobs', 'review'), ...SITE_AND_ADMIN, ...TOP],
  },
  { target: src('review'), from: [...src('jobs'), ...SITE_AND_ADMIN, ...TOP] },
  // Inside review: data, then what people see (views) and do (actions), then releases, then the
  // wiring (endpoints and hooks).
  { target: src('review/data'), from: src('review/actions', 'review/views', 'review/releases', 'review/endpoints', 'review/hooks') },
  { target: src('review/views'), from: src('review/actions', 'review/releases', 'review/endpoints', 'review/hooks') },
  { target: src('review/actions'), from: src('review/releases', 'review/endpoints', 'review/hooks') },
  { target: src('review/releases'), from: src('review/endpoints', 'review/hooks') },
  { target: src('jobs'), from: [...SITE_AND_ADMIN, ...TOP] },
  { target: src('site'), from: [...src('admin', 'app', 'components'), './collections', './globals', './seed', './bench', './scripts'] },
  { target: src('admin', 'components'), from: [...src('app'), ...TOP] },
]

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.next/',
      '.data/',
      'test-results/',
      'payload-types.ts',
      'next-env.d.ts',
      'src/app/(payload)/admin/importMap.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: {
      // How import-x reads TypeScript files (its `typescript` preset), and resolves the paths of tsconfig.json.
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The admin's loaders are async: their setState runs after an await, which this rule cannot tell.
      'react-hooks/set-state-in-effect': 'off',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        { zones: LAYERS.map((zone) => ({ ...zone, message: 'Folders import downwards only (docs/DESIGN.md, "Layout").' })) },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/admin/**', 'src/components/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Migrations are written by Payload's migrate:create, in its own style.
    files: ['src/migrations/**'],
    rules: { '@typescript-eslint/no-unused-vars': 'off', '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    // Tests read untyped JSON answers and reach into Payload's internals.
    files: ['tests/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  prettier,
)
