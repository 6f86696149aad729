// @vitest-environment node
import { ESLint } from 'eslint'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'

/**
 * The import boundaries of eslint.config.js, proved on made-up files: each rule refuses what it
 * must and lets the rest through, so that `npm run lint` fails on a cross-feature import.
 */

const root = fileURLToPath(new URL('../..', import.meta.url))
let eslint: ESLint
beforeAll(() => {
  eslint = new ESLint({ cwd: root })
})

/** The no-restricted-imports messages of a one-import file at `filePath`. */
async function refusals(filePath: string, specifier: string): Promise<string[]> {
  const code = `import * as imported from '${specifier}'\nexport const used = imported\n`
  const [result] = await eslint.lintText(code, { filePath })
  return result!.messages
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message)
}

describe('import boundaries', () => {
  it('a feature never imports another feature, nor the app', async () => {
    const file = 'src/features/review/components/probe.tsx'
    expect(await refusals(file, '@/features/places/utils/place-filters')).toEqual([
      expect.stringMatching(/A feature never imports another feature/),
    ])
    expect(await refusals(file, '@/app/app')).toHaveLength(1)
    expect(await refusals(file, '../../places/utils/place-filters')).toHaveLength(1)
    expect(
      await refusals('src/features/places/map/probe.tsx', '@/features/merchant/x'),
    ).toHaveLength(1)
    // Its own files, and the shared modules, are fine.
    expect(await refusals(file, '@/features/review/api/get-submissions')).toEqual([])
    expect(await refusals(file, '../api/get-submissions')).toEqual([])
    expect(await refusals(file, '@/shop/opening-hours')).toEqual([])
  })

  it('the shared modules import no feature and not the app', async () => {
    for (const file of [
      'src/lib/probe.ts',
      'src/shop/probe.ts',
      'src/session/probe.ts',
      'src/components/probe.tsx',
      'src/map/probe.ts',
      'src/backend/probe.ts',
    ]) {
      expect(await refusals(file, '@/features/places/utils/place-filters'), file).toHaveLength(1)
      expect(await refusals(file, '../features/places/utils/place-filters'), file).toHaveLength(1)
      expect(await refusals(file, '@/app/app'), file).toHaveLength(1)
      expect(await refusals(file, '@/lib/i18n'), file).toEqual([])
    }
  })

  it('only the app composes features', async () => {
    expect(await refusals('src/app/probe.tsx', '@/features/places/components/places-page')).toEqual(
      [],
    )
  })

  it('only src/backend imports the database clients', async () => {
    expect(
      await refusals('src/features/places/api/probe.ts', '@supabase/supabase-js'),
    ).toHaveLength(1)
    expect(await refusals('src/shop/probe.ts', '@electric-sql/pglite')).toHaveLength(1)
    expect(await refusals('src/backend/supabase/probe.ts', '@supabase/supabase-js')).toEqual([])
  })

  it('only src/map and the features’ map folders import MapLibre', async () => {
    expect(await refusals('src/features/places/components/probe.tsx', 'maplibre-gl')).toHaveLength(
      1,
    )
    expect(await refusals('src/app/probe.tsx', 'maplibre-gl')).toHaveLength(1)
    expect(await refusals('src/map/probe.ts', 'maplibre-gl')).toEqual([])
    expect(await refusals('src/features/places/map/probe.tsx', 'maplibre-gl')).toEqual([])
  })

  it('a feature never updates the cache itself: the backend’s reports do', async () => {
    const code =
      "import { useQueryClient } from '@tanstack/react-query'\n" +
      'export function useProbe() {\n' +
      '  const queryClient = useQueryClient()\n' +
      "  return () => queryClient.invalidateQueries({ queryKey: ['places'] })\n" +
      '}\n'
    const ruleOf = async (filePath: string) => {
      const [result] = await eslint.lintText(code, { filePath })
      return result!.messages.map((message) => message.ruleId)
    }
    expect(await ruleOf('src/features/merchant/api/probe.ts')).toContain('no-restricted-syntax')
    expect(await ruleOf('src/app/backend-changes-probe.ts')).not.toContain('no-restricted-syntax')
  })
})
