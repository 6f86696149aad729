import { describe, expect, it } from 'vitest'
import { csvField } from '@/features/import-export/utils/csv-format'
import { normalizeUrl, visibleLine } from '@/features/import-export/utils/import-normalize'
import { parseOsmGeoJson } from '@/features/import-export/utils/osm-geojson-import'
import {
  QUESTIONNAIRE_COLUMNS,
  parseQuestionnaireCsv,
} from '@/features/import-export/utils/questionnaire-csv'
import {
  checkReferencingForm,
  EMPTY_REFERENCING_FORM,
  type ReferencingForm,
} from '@/features/referencing/utils/referencing-draft'
import { referencingMessages } from '@/features/referencing/i18n/referencing-messages'
import type { ImportIssue } from '@/features/import-export/utils/import-row'
import { grandPoitiersCatalog } from '../../../fixtures/curation/catalog'

/**
 * The forms and importers refuse, in names, addresses, communes and links, what the database's
 * `private.is_visible_text` refuses (supabase/migrations/20261207093000_invisible_characters.sql):
 * controls, bidirectional formatting and zero-width characters. The rule itself is
 * src/shop/shop-rules.ts (isVisibleText), compared with the database in
 * tests/supabase/shop-rules-parity.test.ts.
 */

/** One of each family: C0 (tab), C1 (U+0085), bidi override, isolate, mark, zero-width, BOM. */
const SAMPLES = ['\t', '\u0085', '\u202e', '\u2066', '\u200f', '\u200b', '\u2060', '\ufeff']
const hex = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
const MESSAGE = 'Caractères invisibles ou de contrôle interdits.'

describe('"Référencer mon commerce": the questionnaire', () => {
  const BOUNDS = [-0.05, 46.3, 0.78, 46.79] as const
  const valid: ReferencingForm = {
    ...EMPTY_REFERENCING_FORM,
    name: 'La Mie Câline',
    categorySlug: 'alimentation',
    location: { lon: 0.3404, lat: 46.5802 },
  }
  const problemsOf = (form: Partial<ReferencingForm>) => {
    const result = checkReferencingForm({ ...valid, ...form }, { bounds: BOUNDS })
    return result.ok ? {} : result.problems
  }

  // `\u202e` and the others inside the value: JavaScript's trim() already drops U+FEFF and tab
  // at the ends, and the form trims what it sends.
  it.each(SAMPLES.map((c) => [hex(c), c] as const))(
    'refuses %s inside a name, an address, a commune, a website and a link',
    (_label, c) => {
      expect(
        problemsOf({
          name: `La Mie${c}Câline`,
          address: `12 rue${c}Carnot`,
          communeName: `Poi${c}tiers`,
          website: `https://mie${c}caline.test/`,
          socialLinks: `https://a.test\nhttps://b.test/${c}x`,
        }),
      ).toEqual({
        name: { code: 'invisibleCharacters' },
        address: { code: 'invisibleCharacters' },
        communeName: { code: 'invisibleCharacters' },
        website: { code: 'invisibleCharacters' },
        socialLinks: { code: 'invisibleCharacters' },
      })
    },
  )

  it('keeps line breaks, tabs and emoji sequences in the description', () => {
    expect(problemsOf({ description: 'Pain au levain.\n\tBrioche 👩‍🍳' })).toEqual({})
    expect(problemsOf({ description: 'a\u0007b' })).toEqual({
      description: { code: 'controlCharacters' },
    })
  })

  it('accepts accents, emoji and other scripts', () => {
    expect(
      problemsOf({
        name: 'Boulangerie « L’Épi d’Or » 🥖 — مخبز',
        address: '12 rue de la Cathédrale',
        communeName: 'Saint-Benoît',
        website: 'https://épi.test/pâtisserie',
      }),
    ).toEqual({})
  })

  it('words the problem in both languages', () => {
    expect(referencingMessages.fr['problem.invisibleCharacters']).toBe(MESSAGE)
    expect(referencingMessages.en['problem.invisibleCharacters']).toBe(
      'Invisible or control characters are not allowed.',
    )
  })
})

describe('import-normalize', () => {
  it.each(SAMPLES.map((c) => [hex(c), c] as const))('refuses a link with %s inside', (_l, c) => {
    expect(normalizeUrl(`https://zoe.test/pa${c}in`)).toEqual({
      kind: 'invalid',
      reason: 'control',
    })
  })

  it('visibleLine removes them and says so; leaves visible text alone', () => {
    expect(visibleLine('Chez\u200b Zoé\u202e\u0085')).toEqual({ text: 'Chez Zoé', removed: true })
    expect(visibleLine('\u200b')).toEqual({ text: null, removed: true })
    expect(visibleLine('Pâtisserie 🍰 مخبز')).toEqual({
      text: 'Pâtisserie 🍰 مخبز',
      removed: false,
    })
    expect(visibleLine(null)).toEqual({ text: null, removed: false })
  })
})

describe('questionnaire import (CSV)', () => {
  const catalog = grandPoitiersCatalog()
  const HEADERS = QUESTIONNAIRE_COLUMNS.map((c) => c.header)
  const file = (row: Record<string, string>) => {
    const lines = [HEADERS, HEADERS.map((h) => row[h] ?? '')]
    const text = lines.map((cells) => cells.map((c) => csvField(c, ';')).join(';'))
    return new TextEncoder().encode(`${text.join('\r\n')}\r\n`)
  }
  const VALID = {
    Nom: 'Boulangerie Témoin',
    Catégorie: 'Alimentation',
    'Code postal': '86000',
    Commune: 'Poitiers',
    Latitude: '46.5802',
    Longitude: '0.3404',
  }
  const errorsOf = (issues: ImportIssue[]) =>
    issues.filter((i) => i.severity === 'error').map((i) => [i.field, i.message])

  // The CSV reader folds JavaScript's blanks (tab, U+FEFF) into a space in one-line cells: the
  // other samples reach the rules as written.
  const KEPT = ['\u0085', '\u202e', '\u2066', '\u200f', '\u200b', '\u2060']

  it.each(KEPT.map((c) => [hex(c), c] as const))(
    'refuses a line with %s in the name, address, commune, links or identifier',
    (_label, c) => {
      const parsed = parseQuestionnaireCsv(
        file({
          ...VALID,
          Identifiant: `GP${c}1`,
          Nom: `Boulangerie${c}Témoin`,
          Adresse: `12 rue${c}Carnot`,
          Commune: `Ville${c}inconnue`,
          'Site web': `https://temoin.test/${c}`,
          'Réseaux sociaux': `https://a.test/${c}x`,
        }),
        catalog,
      )
      expect(parsed.rows).toEqual([])
      expect(errorsOf(parsed.issues)).toEqual([
        ['Identifiant', `L’identifiant : ${MESSAGE}`],
        ['Nom', MESSAGE],
        ['Commune', `Nom de commune invalide « Ville${c}inconnue » : ${MESSAGE}`],
        ['Adresse', MESSAGE],
        ['Site web', `Adresse du site invalide « https://temoin.test/${c} » : ${MESSAGE}`],
        ['Réseaux sociaux', `Lien invalide « https://a.test/${c}x » : ${MESSAGE}`],
      ])
    },
  )
})

describe('OpenStreetMap import (GeoJSON)', () => {
  const catalog = grandPoitiersCatalog()
  const parse = (tags: Record<string, string>) =>
    parseOsmGeoJson(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { '@id': 'node/1', shop: 'bakery', ...tags },
            geometry: { type: 'Point', coordinates: [0.3404, 46.5802] },
          },
        ],
      }),
      catalog,
    )

  it('removes them from the name and the address, and warns (the file cannot be fixed)', () => {
    const parsed = parse({
      name: '\u202eBoulangerie\u200b Témoin\u0085',
      'addr:housenumber': '12\u2066',
      'addr:street': 'Rue Carnot\u200d',
    })
    expect(parsed.rows).toHaveLength(1)
    expect(parsed.rows[0]).toMatchObject({ name: 'Boulangerie Témoin', address: '12 Rue Carnot' })
    expect(parsed.issues.map((i) => [i.field, i.severity, i.message])).toEqual([
      ['name', 'warning', 'Caractères invisibles ou de contrôle retirés de name.'],
      ['addr:street', 'warning', 'Caractères invisibles ou de contrôle retirés de addr:street.'],
      [
        'addr:housenumber',
        'warning',
        'Caractères invisibles ou de contrôle retirés de addr:housenumber.',
      ],
    ])
  })

  it('skips a place whose name is only invisible characters, as an unnamed one', () => {
    const parsed = parse({ name: '\u200b\u200e' })
    expect(parsed.rows).toEqual([])
    expect(parsed.skipped).toEqual([{ line: 1, osmId: 'node/1', reason: 'sans nom' }])
  })

  it('ignores a link with them, with a warning', () => {
    const parsed = parse({ name: 'Témoin', website: 'https://temoin.test/\u200b' })
    expect(parsed.rows[0]?.website).toBeNull()
    expect(parsed.issues.map((i) => i.field)).toEqual(['website'])
  })
})
