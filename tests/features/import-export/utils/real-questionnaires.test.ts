import { describe, expect, it } from 'vitest'
import { readImportFile } from '@/features/import-export/utils/read-import-file'
import { communeAt } from '@/features/import-export/utils/import-catalog'
import {
  GRAND_POITIERS_COMMUNE_NAMES,
  grandPoitiersCatalogOutlined,
} from '../../../fixtures/curation/catalog'
import {
  laPosteQuestionnaire,
  pharmaciesQuestionnaire,
  questionnaireFile,
  type RealQuestionnaire,
} from '../../../fixtures/curation/real-questionnaires'

// Real exports, as a curator receives them: no coordinates, offline (no address service). Every
// row must go in, at its commune, with nothing silently lost.

const catalog = grandPoitiersCatalogOutlined()
const SAVED_AS = [
  { encoding: 'windows-1252', delimiter: ';' },
  { encoding: 'utf-8', delimiter: ';' },
  { encoding: 'windows-1252', delimiter: ',' },
  { encoding: 'utf-8', delimiter: ',' },
] as const

async function importOffline(questionnaire: RealQuestionnaire, savedAs: (typeof SAVED_AS)[number]) {
  const bytes = questionnaireFile(questionnaire, savedAs)
  return readImportFile(
    { name: 'questionnaire.csv', arrayBuffer: async () => bytes.slice().buffer },
    catalog,
    { url: null },
  )
}

describe.each([
  ['La Poste’s contact points (2016)', laPosteQuestionnaire],
  ['the FINESS pharmacies (2026)', pharmaciesQuestionnaire],
])('a questionnaire made from %s', (_source, make) => {
  const questionnaire = make(GRAND_POITIERS_COMMUNE_NAMES)

  it('holds enough real rows to mean something', () => {
    expect(questionnaire.rows.length).toBeGreaterThan(40)
  })

  it.each(SAVED_AS)(
    'goes in whole offline, saved as $encoding with “$delimiter”',
    async (savedAs) => {
      const read = await importOffline(questionnaire, savedAs)
      expect(read.encoding).toBe(savedAs.encoding)
      expect(read.delimiter).toBe(savedAs.delimiter)
      expect(read.issues.filter((issue) => issue.severity === 'error')).toEqual([])
      // Every row placed, in its own commune, flagged as approximate.
      expect(read.rows.map((row) => [row.line, row.name])).toEqual(
        questionnaire.expected.map((row) => [row.line, row.name]),
      )
      for (const [index, row] of read.rows.entries()) {
        const expected = questionnaire.expected[index]!
        expect(row.communeInsee).toBe(expected.communeInsee)
        expect(communeAt(catalog, row.lon, row.lat)?.inseeCode).toBe(expected.communeInsee)
      }
      const approximate = read.issues.filter((issue) =>
        issue.message.startsWith('Position approximative (commune)'),
      )
      expect(approximate).toHaveLength(read.rows.length)
      expect(
        approximate.every((issue) => issue.message.startsWith('Position approximative (commune)')),
      ).toBe(true)
      expect(read.geocoder).toBe('offline')
      // No column silently dropped: all of them are read.
      expect(read.issues.filter((issue) => issue.message.startsWith('Colonnes ignorées'))).toEqual(
        [],
      )
    },
  )
})

describe('what the real files carry', () => {
  it('reads “Vous êtes” as the kind, and keeps no national short number as a shop’s phone', async () => {
    const read = await importOffline(
      laPosteQuestionnaire(GRAND_POITIERS_COMMUNE_NAMES),
      SAVED_AS[0],
    )
    expect(new Set(read.rows.map((row) => row.kind))).toEqual(
      new Set(['service_public', 'commercant']),
    )
    expect(read.rows.every((row) => row.phone === null)).toBe(true)
    const shortNumbers = read.issues.filter((issue) => issue.field === 'Téléphone')
    expect(shortNumbers.length).toBe(read.rows.length)
    expect(shortNumbers[0]!.severity).toBe('warning')
    expect(shortNumbers[0]!.message).toMatch(/^Numéro court national « 3631 »/)
  })
})
