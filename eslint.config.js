import js from '@eslint/js'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'
import { readdirSync } from 'node:fs'

/**
 * Who may import what (bulletproof-react's zones, as flat config): a feature never imports another
 * feature, only `src/app` composes them; the shared modules (`lib`, `shop`, `session`,
 * `components`, `map`, `backend`) import no feature and not the app; only `src/backend` imports
 * the database clients, and only `src/map` and `features/*\/map` import MapLibre.
 * tests/security/import-boundaries.test.ts proves each rule fires.
 */
function importBoundaries() {
  const maplibre = { name: 'maplibre-gl', message: 'MapLibre lives in src/map and features/*/map.' }
  const databaseClients = {
    group: ['@supabase/*', '@electric-sql/*'],
    message: 'Data access goes through the backend port in src/backend.',
  }
  const featuresOrApp = {
    regex: '^(@/|(\\.\\./)+)(features|app)(/|$)',
    message: 'Shared modules import no feature and not the app: the app composes features.',
  }
  const rule = ({ mapAllowed = false, databaseAllowed = false, extra = [] }) => [
    'error',
    {
      paths: mapAllowed ? [] : [maplibre],
      patterns: [...(databaseAllowed ? [] : [databaseClients]), ...extra],
    },
  ]
  const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
  const otherFeatures = (feature) => [
    {
      regex: `^@/(features/(?!${feature}(/|$))|app(/|$))`,
      message: `A feature never imports another feature (nor the app): move what is shared to src/shop, src/session, src/components or src/lib, or let src/app pass it in.`,
    },
    {
      // Everything outside the feature is imported by its alias, so that the rule above sees it.
      regex: '^\\.\\./\\.\\./',
      message: 'Import what is outside this feature by its `@/` path.',
    },
  ]
  return [
    {
      files: ['src/**/*.{ts,tsx}'],
      rules: { 'no-restricted-imports': rule({}) },
    },
    {
      files: ['src/lib/**', 'src/shop/**', 'src/session/**', 'src/components/**'],
      rules: { 'no-restricted-imports': rule({ extra: [featuresOrApp] }) },
    },
    {
      files: ['src/map/**'],
      rules: { 'no-restricted-imports': rule({ mapAllowed: true, extra: [featuresOrApp] }) },
    },
    {
      files: ['src/backend/**'],
      rules: { 'no-restricted-imports': rule({ databaseAllowed: true, extra: [featuresOrApp] }) },
    },
    ...features.flatMap((feature) => [
      {
        files: [`src/features/${feature}/**`],
        rules: { 'no-restricted-imports': rule({ extra: otherFeatures(feature) }) },
      },
      {
        files: [`src/features/${feature}/map/**`],
        rules: {
          'no-restricted-imports': rule({ mapAllowed: true, extra: otherFeatures(feature) }),
        },
      },
    ]),
  ]
}

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'public', 'supabase/data', 'tests/e2e/__screenshots__'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  ...importBoundaries(),
  {
    // One path for cache updates (docs/decisions/0012): the backend reports each change and
    // src/app/backend-changes.ts applies it; features write and read, never patch or invalidate.
    files: ['src/features/**/*.{ts,tsx}', 'src/shop/**', 'src/session/**', 'src/components/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(invalidateQueries|setQueryData|setQueriesData|removeQueries|resetQueries|refetchQueries)$/]',
          message:
            'The cache follows the backend’s reports, applied in src/app/backend-changes.ts (decision 0012).',
        },
      ],
    },
  },
)
