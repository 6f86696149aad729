import js from '@eslint/js'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

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
  // Only the map shell and features' map/ folders may touch MapLibre.
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/map/**', 'src/features/*/map/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'maplibre-gl', message: 'MapLibre lives in src/map and features/*/map.' },
          ],
          patterns: [
            {
              group: ['@supabase/*', '@electric-sql/*'],
              message: 'Data access goes through the backend port in src/backend.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/map/**', 'src/features/*/map/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@supabase/*', '@electric-sql/*'],
              message: 'Data access goes through the backend port in src/backend.',
            },
          ],
        },
      ],
    },
  },
  // The backend adapters are the only place that may import the database clients.
  {
    files: ['src/backend/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
)
