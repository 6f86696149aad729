import { afterEach, describe, expect, it, vi } from 'vitest'
import { parseOpeningHours } from '@/shop/opening-hours'
import { convertFrenchHours } from '@/shop/french-hours'
import { csvField } from '@/features/import-export/utils/csv-format'
import { parseCsv } from '@/lib/csv-parse'
import { compactKey } from '@/features/import-export/utils/import-catalog'
import {
  QUESTIONNAIRE_COLUMNS,
  parseQuestionnaireCsv,
  questionnaireKey,
  questionnaireTemplateCsv,
} from '@/features/import-export/utils/questionnaire-csv'
import type { ImportIssue } from '@/features/import-export/utils/import-row'
import { isEmail, isHttpUrl, isPhone } from '@/shop/shop-rules'
import {
  grandPoitiersCatalog,
  niortCatalog,
  POITIERS_INSEE,
} from '../../../fixtures/curation/catalog'
import { fixtureBytes, fixtureText } from '../../../fixtures/curation/files'
import { encodeWindows1252 } from '../../../fixtures/curation/windows-1252'

// The French-hours converter is another module's work: a pass-through spy, overridden where a
// test needs a given answer.
vi.mock('@/shop/french-hours', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/shop/french-hours')>()
  return { ...real, convertFrenchHours: vi.fn(real.convertFrenchHours) }
})

afterEach(() => {
  vi.mocked(convertFrenchHours).mockClear()
})

const catalog = grandPoitiersCatalog()
const HEADERS = QUESTIONNAIRE_COLUMNS.map((c) => c.header)

/** A questionnaire file from rows of { header: value }, with the template's columns. */
function questionnaire(rows: Record<string, string>[], delimiter = ';'): Uint8Array {
  const lines = [HEADERS, ...rows.map((row) => HEADERS.map((h) => row[h] ?? ''))]
  const text = lines.map((cells) => cells.map((c) => csvField(c, delimiter)).join(delimiter))
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

const errorsOf = (issues: ImportIssue[]) => issues.filter((i) => i.severity === 'error')
const warningsOf = (issues: ImportIssue[]) => issues.filter((i) => i.severity === 'warning')

describe('the realistic Grand Poitiers questionnaire (UTF-8, ";")', () => {
  const parsed = parseQuestionnaireCsv(fixtureBytes('questionnaire-grand-poitiers.csv'), catalog)

  it('reads its 15 shops without an error', () => {
    expect(parsed.encoding).toBe('utf-8')
    expect(parsed.delimiter).toBe(';')
    expect(errorsOf(parsed.issues)).toEqual([])
    expect(parsed.rows).toHaveLength(15)
  })

  it('reports physical line numbers: the multi-line description shifts the lines after it', () => {
    expect(parsed.rows.map((r) => r.line)).toEqual([
      2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17,
    ])
    expect(parsed.rows[1]!.description).toBe(
      'Fromages de chèvre du Poitou.\nAffinage sur place, plateaux sur commande.',
    )
  })

  it('normalises the first row completely', () => {
    expect(parsed.rows[0]).toEqual({
      line: 2,
      sourceRef: 'GP-001',
      kind: 'artisan',
      name: 'Boulangerie Au Pain de la Cathédrale',
      categorySlug: 'alimentation',
      subcategorySlug: 'boulangerie',
      description: 'Pain au levain, viennoiseries pur beurre.',
      address: '14 rue de la Cathédrale',
      postcode: '86000',
      communeInsee: '86194',
      communeName: 'Poitiers',
      lon: 0.3489,
      lat: 46.5796,
      phone: '05 49 41 12 34',
      email: 'contact@pain-cathedrale.fr',
      website: 'https://www.pain-cathedrale.fr',
      socialLinks: ['https://www.facebook.com/paincathedrale'],
      openingHours: 'Tu-Sa 07:00-13:00,15:00-19:30; Su 07:30-12:30',
      openingHoursNote: null,
      orderingInstructions: 'Commandez la veille avant 18 h au 05 49 41 12 34.',
      services: ['click_and_collect', 'delivery'],
    })
  })

  it('reads decimal commas, international phones, bare domains (with a warning)', () => {
    const fromagerie = parsed.rows.find((r) => r.sourceRef === 'GP-002')!
    expect([fromagerie.lat, fromagerie.lon]).toEqual([46.5818, 0.3436])
    expect(fromagerie.phone).toBe('05 49 88 21 07')
    expect(fromagerie.website).toBe('https://fromagerie-chabichou.fr')
    expect(fromagerie.services).toEqual(['click_and_collect', 'gift_cards'])
    expect(parsed.issues).toContainEqual({
      line: 3,
      field: 'Site web',
      severity: 'warning',
      message: expect.stringContaining('« https:// » ajouté devant « fromagerie-chabichou.fr »'),
    })
  })

  it('derives keys from name and postcode when there is no Identifiant', () => {
    expect(parsed.rows.map((r) => r.sourceRef)).toEqual([
      'GP-001',
      'GP-002',
      'librairie-les-mots-passants@86000',
      'GP-004',
      'GP-005',
      'GP-006',
      'GP-007',
      'GP-008',
      'cave-les-vignes-du-clain@86130',
      'GP-010',
      'GP-011',
      'GP-012',
      'GP-013',
      'GP-014',
      'cafe-des-arts',
    ])
  })

  it('resolves kinds, categories and subcategories written in several ways', () => {
    const byRef = new Map(parsed.rows.map((r) => [r.sourceRef, r]))
    expect(byRef.get('GP-004')).toMatchObject({ kind: 'commercant', subcategorySlug: 'pharmacie' })
    expect(byRef.get('GP-006')).toMatchObject({ kind: 'marche', subcategorySlug: 'marche' })
    expect(byRef.get('GP-007')).toMatchObject({ kind: 'producteur' })
    expect(byRef.get('GP-010')).toMatchObject({
      kind: 'service_public',
      subcategorySlug: 'bibliotheque',
    })
    expect(byRef.get('GP-012')).toMatchObject({
      categorySlug: 'alimentation',
      subcategorySlug: 'epicerie',
    })
    expect(byRef.get('cafe-des-arts')).toMatchObject({
      categorySlug: 'restauration',
      subcategorySlug: 'cafe',
      services: ['click_and_collect'],
    })
  })

  it('locates a row without commune in the commune outline holding its point', () => {
    const cafe = parsed.rows.find((r) => r.sourceRef === 'cafe-des-arts')!
    expect(cafe).toMatchObject({ communeInsee: POITIERS_INSEE, communeName: 'Poitiers' })
    expect(cafe.postcode).toBeNull()
  })

  it('keeps quotes, semicolons and typographic characters inside quoted fields', () => {
    const librairie = parsed.rows.find((r) => r.name === 'Librairie Les Mots Passants')!
    expect(librairie.orderingInstructions).toBe(
      'Commande par téléphone ou e-mail ; envoi sous 48 h.',
    )
    expect(librairie.description).toContain('« Coup de cœur » et le "Prix des lecteurs"')
    expect(librairie.socialLinks).toEqual([
      'https://www.instagram.com/motspassants',
      'https://www.facebook.com/motspassants',
    ])
  })

  it('only sends values the database accepts', () => {
    for (const row of parsed.rows) {
      expect(row.phone === null || isPhone(row.phone)).toBe(true)
      expect(row.email === null || isEmail(row.email)).toBe(true)
      expect(row.website === null || isHttpUrl(row.website)).toBe(true)
      expect(row.socialLinks.every((l) => isHttpUrl(l))).toBe(true)
      if (row.openingHours !== null) expect(parseOpeningHours(row.openingHours).ok).toBe(true)
    }
  })

  it('keeps unconvertible hours as a note with a warning on the line, never an error', () => {
    const noted = parsed.rows.filter((r) => r.openingHoursNote !== null)
    expect(noted.map((r) => r.sourceRef)).toContain('GP-014')
    for (const row of noted) {
      expect(row.openingHours).toBeNull()
      expect(parsed.issues).toContainEqual(
        expect.objectContaining({ line: row.line, field: 'Horaires', severity: 'warning' }),
      )
    }
  })

  it('reads the same shops from Excel’s "CSV UTF-8" (with a BOM)', () => {
    const bytes = fixtureBytes('questionnaire-grand-poitiers.csv')
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes])
    const again = parseQuestionnaireCsv(withBom, catalog)
    expect(again.encoding).toBe('utf-8')
    expect(again.rows).toEqual(parsed.rows)
  })

  it('reads the same shops from the Windows-1252, "," version of the file', () => {
    // What Excel's plain "CSV" writes on a French Windows: the same records, re-encoded.
    const records = parseCsv(fixtureText('questionnaire-grand-poitiers.csv')).records
    const text = records.map((r) => r.fields.map((f) => csvField(f, ',')).join(',')).join('\r\n')
    const bytes = encodeWindows1252(`${text}\r\n`)
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow()
    const again = parseQuestionnaireCsv(bytes, catalog)
    expect(again.encoding).toBe('windows-1252')
    expect(again.delimiter).toBe(',')
    expect(again.rows).toEqual(parsed.rows)
    expect(again.issues).toEqual(parsed.issues)
  })

  it('gives the same keys when the same file is imported again', () => {
    const again = parseQuestionnaireCsv(fixtureBytes('questionnaire-grand-poitiers.csv'), catalog)
    expect(again.rows.map((r) => r.sourceRef)).toEqual(parsed.rows.map((r) => r.sourceRef))
  })
})

describe('the broken questionnaires', () => {
  it('refuses a file without a Nom column: one issue on line 1 and no rows', () => {
    const parsed = parseQuestionnaireCsv(
      fixtureBytes('questionnaire-sans-colonne-nom.csv'),
      catalog,
    )
    expect(parsed.rows).toEqual([])
    expect(parsed.issues).toEqual([
      {
        line: 1,
        field: null,
        severity: 'error',
        message: expect.stringMatching(
          /^Colonnes obligatoires absentes : Nom\. Colonnes lues : Identifiant, Commerce/,
        ),
      },
    ])
  })

  it('reads a file without coordinates columns: its rows wait to be placed at their address', () => {
    const bytes = new TextEncoder().encode(
      'Nom;Catégorie;Adresse;Commune\nA;Alimentation;1 rue X;Poitiers\n',
    )
    const parsed = parseQuestionnaireCsv(bytes, catalog)
    expect(parsed.issues).toEqual([])
    expect(parsed.rows).toEqual([])
    expect(parsed.unplaced).toEqual([
      expect.objectContaining({ line: 2, name: 'A', address: '1 rue X', communeInsee: '86194' }),
    ])
    expect(parsed.unplaced[0]).not.toHaveProperty('lon')
  })

  it('takes markup out of a name, and says so', () => {
    const bytes = new TextEncoder().encode(
      'Nom;Catégorie;Commune\n<b>Chez Paul</b> <i>traiteur</i>;Alimentation;Poitiers\n',
    )
    const parsed = parseQuestionnaireCsv(bytes, catalog)
    expect(parsed.unplaced[0]).toMatchObject({
      name: 'Chez Paul traiteur',
      sourceRef: 'chez-paul-traiteur@86194',
    })
    expect(parsed.issues).toEqual([
      {
        line: 2,
        field: 'Nom',
        severity: 'warning',
        message:
          'Balises retirées du nom « <b>Chez Paul</b> <i>traiteur</i> » : le nom importé est « Chez Paul traiteur ».',
      },
    ])
  })

  it('refuses a row it could not place anywhere: no coordinates, no address, no commune', () => {
    const bytes = new TextEncoder().encode('Nom;Catégorie;Adresse\nA;Alimentation;\n')
    const parsed = parseQuestionnaireCsv(bytes, catalog)
    expect(parsed.unplaced).toEqual([])
    expect(parsed.issues).toEqual([
      expect.objectContaining({
        line: 2,
        severity: 'error',
        message: expect.stringMatching(/^Position manquante/),
      }),
    ])
  })

  it('reports an unterminated quote on the line it opens, after the lines before it', () => {
    const parsed = parseQuestionnaireCsv(
      fixtureBytes('questionnaire-guillemet-non-ferme.csv'),
      catalog,
    )
    expect(parsed.rows.map((r) => [r.line, r.name])).toEqual([
      [2, 'Boulangerie Témoin'],
      [3, 'Librairie "Les Pages"'],
    ])
    expect(parsed.issues).toEqual([
      {
        line: 4,
        field: null,
        severity: 'error',
        message: expect.stringMatching(/^Guillemet non refermé : le champ ouvert ligne 4/),
      },
    ])
  })

  describe('one error per line (questionnaire-erreurs.csv)', () => {
    const parsed = parseQuestionnaireCsv(fixtureBytes('questionnaire-erreurs.csv'), catalog)
    const on = (line: number) => parsed.issues.filter((i) => i.line === line)

    it('keeps only the valid lines', () => {
      expect(parsed.rows.map((r) => r.line)).toEqual([2, 8, 18, 24])
    })

    it.each([
      [3, 'Latitude', /^Latitude illisible « 46°34′48″N » : écrivez des degrés décimaux/],
      [
        4,
        'Latitude',
        /^Adresse hors du territoire Grand Poitiers \(latitude 46\.1603, longitude -1\.1511\)/,
      ],
      [
        5,
        'Latitude',
        /^Adresse hors du territoire Grand Poitiers : la latitude et la longitude semblent inversées/,
      ],
      [
        6,
        'Catégorie',
        /^Catégorie inconnue « Automobile »\. Catégories possibles : Alimentation, Santé, Culture/,
      ],
      [7, 'Type', /^Type inconnu « Grossiste »/],
      [9, 'Téléphone', /^Numéro de téléphone invalide « Tél\. 05 49 00 00 00 »/],
      [
        10,
        'Site web',
        /^Adresse du site invalide « htp:\/\/boulangerie-temoin\.fr » : elle doit commencer par http/,
      ],
      [11, 'Réseaux sociaux', /^Lien invalide « facebook » : il doit commencer par http/],
      [12, 'E-mail', /^Adresse e-mail invalide « contact@ »/],
      [13, 'Nom', /^Le nom est obligatoire\.$/],
      [14, 'Nom', /^Le nom fait 121 caractères : 120 au plus\.$/],
      [15, 'Identifiant', /^Même commerce que la ligne 2 \(clé « ERR-OK »\)\.$/],
      [
        19,
        'Nom',
        /^Même commerce que la ligne 18 \(clé « epicerie-du-coin@86000 »\) : ajoutez une colonne Identifiant/,
      ],
      [20, 'Latitude', /^Latitude manquante : saisissez latitude et longitude, ou aucune/],
      [21, null, /^Cette ligne a 20 valeurs pour 19 colonnes/],
      [
        22,
        'Sous-catégorie',
        /^La sous-catégorie « Boulangerie » appartient à la catégorie Alimentation, pas à Santé\.$/,
      ],
      [23, 'Code postal', /^Code postal invalide « ABCDE » : 5 chiffres attendus\.$/],
    ])('line %i: %s', (line, field, message) => {
      expect(on(line)).toEqual([
        { line, field, severity: 'error', message: expect.stringMatching(message) },
      ])
    })

    it('imports a line with a service it does not know, quoting the label in a warning', () => {
      expect(on(8)).toEqual([
        {
          line: 8,
          field: 'Services',
          severity: 'warning',
          message: expect.stringMatching(
            /^Service non reconnu « Paiement sans contact », non importé\. Services possibles : Click and collect/,
          ),
        },
      ])
      expect(parsed.rows.find((row) => row.line === 8)?.services).toEqual(['delivery'])
    })

    it('skips blank lines and lines of empty fields silently', () => {
      expect(on(16)).toEqual([])
      expect(on(17)).toEqual([])
    })

    it('keeps a line whose hours are only a note, with a warning', () => {
      expect(on(24)).toEqual([
        {
          line: 24,
          field: 'Horaires',
          severity: 'warning',
          message: expect.stringMatching(/^Horaires gardés en note, non convertis : /),
        },
      ])
      expect(parsed.rows.at(-1)).toMatchObject({
        line: 24,
        openingHours: null,
        openingHoursNote: 'Selon la saison et la météo, téléphoner avant',
      })
    })

    it('reports nothing else', () => {
      const expectedLines = [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 19, 20, 21, 22, 23, 24]
      expect([...new Set(parsed.issues.map((i) => i.line))]).toEqual(expectedLines)
    })
  })

  it('refuses control characters in the identifier, which the database would refuse', () => {
    const parsed = parseQuestionnaireCsv(
      questionnaire([{ ...VALID, Identifiant: 'GP-\u0007-1' }]),
      catalog,
    )
    expect(parsed.rows).toEqual([])
    expect(errorsOf(parsed.issues).map((i) => [i.field, i.message])).toEqual([
      ['Identifiant', 'L’identifiant : Caractères invisibles ou de contrôle interdits.'],
    ])
  })

  it('collects every error of a line, not only the first', () => {
    const parsed = parseQuestionnaireCsv(
      questionnaire([{ ...VALID, Nom: '', Téléphone: 'abc', 'E-mail': 'x@', Services: 'Troc' }]),
      catalog,
    )
    expect(parsed.rows).toEqual([])
    expect(parsed.issues.map((i) => i.field)).toEqual(['Nom', 'Téléphone', 'E-mail', 'Services'])
  })

  it('reports a file that cannot be decoded on line 1, with no encoding', () => {
    const parsed = parseQuestionnaireCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), catalog)
    expect(parsed).toEqual({
      rows: [],
      unplaced: [],
      issues: [
        { line: 1, field: null, severity: 'error', message: expect.stringMatching(/classeur/) },
      ],
      encoding: null,
      delimiter: null,
    })
  })

  it('warns about a file with a header and no shop', () => {
    const parsed = parseQuestionnaireCsv(questionnaire([]), catalog)
    expect(parsed.rows).toEqual([])
    expect(parsed.issues).toEqual([
      {
        line: 1,
        field: null,
        severity: 'warning',
        message: 'Le fichier ne contient aucun commerce.',
      },
    ])
  })
})

describe('headers', () => {
  it('gives every header and synonym to one column only', () => {
    const owner = new Map<string, string>()
    for (const column of QUESTIONNAIRE_COLUMNS) {
      for (const header of [column.header, ...column.synonyms]) {
        const key = compactKey(header)
        expect([header, owner.get(key) ?? column.field]).toEqual([header, column.field])
        owner.set(key, column.field)
      }
    }
  })

  it('matches headers regardless of case, accents, spaces and synonyms', () => {
    const text =
      'NOM DU COMMERCE;categorie;Sous categorie;lat;lon;TEL;Courriel;site internet;Réseaux\n' +
      'Boulangerie Témoin;alimentation;patisserie;46.58;0.34;0549000000;a@b.fr;www.temoin.fr;\n'
    const parsed = parseQuestionnaireCsv(new TextEncoder().encode(text), catalog)
    expect(errorsOf(parsed.issues)).toEqual([])
    expect(parsed.rows[0]).toMatchObject({
      name: 'Boulangerie Témoin',
      subcategorySlug: 'boulangerie',
      phone: '05 49 00 00 00',
      email: 'a@b.fr',
      website: 'https://www.temoin.fr',
    })
  })

  it('reads the output of the national address service’s CSV geocoder', () => {
    const parsed = parseQuestionnaireCsv(fixtureBytes('questionnaire-geocode.csv'), catalog)
    expect(parsed.delimiter).toBe(',')
    expect(parsed.rows).toHaveLength(2)
    expect(parsed.rows[0]).toMatchObject({
      name: 'Boulangerie Pâtisserie Carnot',
      lat: 46.57742,
      lon: 0.340931,
      communeInsee: '86194',
      openingHours: 'Tu-Sa 07:00-19:30',
    })
    // Postcode, commune and INSEE code from the geocoder's result_* columns when the curator's
    // own columns are empty.
    expect(parsed.rows[1]).toMatchObject({
      name: 'Opticien du Clain',
      postcode: '86180',
      communeInsee: '86041',
      communeName: 'Buxerolles',
      phone: '05 49 47 15 15',
    })
    // The address the geocoder did not find has no coordinates: it waits to be placed.
    expect(errorsOf(parsed.issues)).toEqual([])
    expect(parsed.unplaced.map((row) => row.line)).toEqual([4])
    // Unknown columns are listed once; the geocoder's own result_* columns are not.
    expect(warningsOf(parsed.issues)[0]).toEqual({
      line: 1,
      field: null,
      severity: 'warning',
      message: 'Colonnes ignorées : Remarques.',
    })
  })

  it('prefers the curator’s column to the geocoder’s, and falls back on it when empty', () => {
    const text =
      'Nom;Catégorie;Latitude;Longitude;latitude;longitude\n' +
      'A;Alimentation;46.5802;0.3404;46.6;0.37\n' +
      'B;Alimentation;;;46.6;0.37\n'
    const parsed = parseQuestionnaireCsv(new TextEncoder().encode(text), catalog)
    expect(parsed.rows.map((r) => [r.name, r.lat, r.lon])).toEqual([
      ['A', 46.5802, 0.3404],
      ['B', 46.6, 0.37],
    ])
  })

  it('ignores the status columns of an export silently', () => {
    const text =
      'Nom;Catégorie;Latitude;Longitude;Statut;Publié\nA;Alimentation;46.58;0.34;Ouvert;oui\n'
    const parsed = parseQuestionnaireCsv(new TextEncoder().encode(text), catalog)
    expect(parsed.issues).toEqual([])
    expect(parsed.rows).toHaveLength(1)
  })
})

describe('row details', () => {
  const one = (row: Record<string, string>) => parseQuestionnaireCsv(questionnaire([row]), catalog)

  it('warns about a commune or INSEE code the territory does not know, and keeps them', () => {
    const parsed = one({ ...VALID, Commune: 'Niort', 'Code postal': '' })
    expect(parsed.rows[0]).toMatchObject({ communeName: 'Niort', communeInsee: null })
    expect(parsed.issues).toEqual([
      expect.objectContaining({
        field: 'Commune',
        severity: 'warning',
        message: expect.stringMatching(/Niort.*inconnue/),
      }),
    ])
  })

  it('prefers the INSEE code when it disagrees with the commune name', () => {
    const parsed = one({ ...VALID, Commune: 'Biard', 'Code INSEE': '86194' })
    expect(parsed.rows[0]).toMatchObject({ communeInsee: '86194', communeName: 'Poitiers' })
    expect(warningsOf(parsed.issues)[0]!.message).toMatch(/le code INSEE est retenu/)
  })

  it('refuses a malformed INSEE code', () => {
    const parsed = one({ ...VALID, 'Code INSEE': '8619' })
    expect(parsed.rows).toEqual([])
    expect(errorsOf(parsed.issues)[0]).toMatchObject({ field: 'Code INSEE' })
  })

  it('pads a postcode a spreadsheet cut, with a warning', () => {
    const parsed = one({ ...VALID, 'Code postal': '6000', Commune: '' })
    expect(parsed.rows[0]!.postcode).toBe('06000')
    expect(warningsOf(parsed.issues)[0]!.message).toMatch(/complété en 06000/)
  })

  it('keeps the first of two phone numbers, with a warning', () => {
    const parsed = one({ ...VALID, Téléphone: '05 49 00 00 00 / 06 12 34 56 78' })
    expect(parsed.rows[0]!.phone).toBe('05 49 00 00 00')
    expect(warningsOf(parsed.issues)[0]!.message).toMatch(/seul le premier/)
  })

  it('keeps a French number of other than ten digits, which the database takes, with a warning', () => {
    const parsed = one({ ...VALID, Téléphone: '05 49 00' })
    expect(parsed.rows[0]!.phone).toBe('05 49 00')
    expect(parsed.issues).toEqual([
      expect.objectContaining({
        field: 'Téléphone',
        severity: 'warning',
        message: expect.stringMatching(/10 chiffres/),
      }),
    ])
  })

  it('refuses more than ten social links', () => {
    const links = Array.from({ length: 11 }, (_, i) => `https://example.fr/${i}`).join(' | ')
    const parsed = one({ ...VALID, 'Réseaux sociaux': links })
    expect(errorsOf(parsed.issues)).toEqual([
      expect.objectContaining({
        field: 'Réseaux sociaux',
        message: '10 liens au plus (11 saisis).',
      }),
    ])
  })

  it('refuses fields longer than the database allows', () => {
    const parsed = one({ ...VALID, Description: 'x'.repeat(2001), Adresse: 'y'.repeat(201) })
    expect(errorsOf(parsed.issues).map((i) => [i.field, i.message])).toEqual([
      ['Adresse', 'L’adresse fait 201 caractères : 200 au plus.'.replace('’', "'")],
      ['Description', 'La description fait 2001 caractères : 2000 au plus.'],
    ])
  })

  it('says when a web address or an e-mail is too long rather than malformed', () => {
    const parsed = one({
      ...VALID,
      'Site web': `https://example.fr/${'a'.repeat(490)}`,
      'E-mail': `${'a'.repeat(250)}@example.fr`,
    })
    expect(errorsOf(parsed.issues).map((i) => [i.field, i.message])).toEqual([
      ['E-mail', 'L’adresse e-mail fait 261 caractères : 254 au plus.'],
      ['Site web', 'L’adresse du site fait 509 caractères : 500 au plus.'],
    ])
  })

  it('accepts a subcategory name in the Catégorie column', () => {
    const parsed = one({ ...VALID, Catégorie: 'Fromagerie' })
    expect(parsed.rows[0]).toMatchObject({
      categorySlug: 'alimentation',
      subcategorySlug: 'fromagerie',
    })
  })

  it('gives the kind of a market or a farm shop when Type is empty', () => {
    expect(one({ ...VALID, 'Sous-catégorie': 'Marché' }).rows[0]!.kind).toBe('marche')
    expect(one({ ...VALID, 'Sous-catégorie': 'Vente à la ferme' }).rows[0]!.kind).toBe('producteur')
    expect(one({ ...VALID, 'Sous-catégorie': 'Boulangerie' }).rows[0]!.kind).toBe('commercant')
  })

  it('splits services on ",", "|" and "/", but not inside parentheses', () => {
    const parsed = one({
      ...VALID,
      Services: 'Commande à distance (téléphone, site) | Livraison / Click & Collect, Livraison',
    })
    expect(parsed.rows[0]!.services).toEqual(['click_and_collect', 'delivery', 'remote_ordering'])
  })

  it('undoes the apostrophe an export put before a formula-like value', () => {
    const parsed = one({ ...VALID, Description: "'- Pain bio\n- Viennoiseries" })
    expect(parsed.rows[0]!.description).toBe('- Pain bio\n- Viennoiseries')
  })

  it('keeps converted French hours', () => {
    vi.mocked(convertFrenchHours).mockReturnValueOnce({
      kind: 'converted',
      openingHours: 'Tu-Sa 10:00-19:00',
    })
    const parsed = one({ ...VALID, Horaires: 'Du mardi au samedi de 10 h à 19 h' })
    expect(parsed.issues).toEqual([])
    expect(parsed.rows[0]).toMatchObject({
      openingHours: 'Tu-Sa 10:00-19:00',
      openingHoursNote: null,
    })
  })

  it('keeps hours the converter refuses as a note, quoting its reason in a warning', () => {
    vi.mocked(convertFrenchHours).mockReturnValueOnce({
      kind: 'note',
      reason: 'fermeture annuelle non gérée',
    })
    const parsed = one({ ...VALID, Horaires: 'Tous les jours sauf en août' })
    expect(parsed.rows[0]).toMatchObject({
      openingHours: null,
      openingHoursNote: 'Tous les jours sauf en août',
    })
    expect(parsed.issues).toEqual([
      {
        line: 2,
        field: 'Horaires',
        severity: 'warning',
        message: 'Horaires gardés en note, non convertis : fermeture annuelle non gérée',
      },
    ])
  })

  it('checks coordinates against the catalog’s territory', () => {
    const bytes = questionnaire([VALID])
    expect(parseQuestionnaireCsv(bytes, catalog).rows).toHaveLength(1)
    const niort = parseQuestionnaireCsv(bytes, niortCatalog())
    expect(niort.rows).toEqual([])
    expect(niort.issues[0]!.message).toMatch(/^Adresse hors du territoire Niort Agglo/)
  })
})

describe('questionnaireKey', () => {
  it('is the name slug at the postcode, else the INSEE code, else the commune', () => {
    const place = { postcode: null, communeInsee: null, communeName: null }
    expect(
      questionnaireKey('Boulangerie du Marché', {
        ...place,
        postcode: '86000',
        communeInsee: '86194',
      }),
    ).toBe('boulangerie-du-marche@86000')
    expect(questionnaireKey('Boulangerie du Marché', { ...place, communeInsee: '86194' })).toBe(
      'boulangerie-du-marche@86194',
    )
    expect(
      questionnaireKey('Boulangerie du Marché', { ...place, communeName: 'Saint-Benoît' }),
    ).toBe('boulangerie-du-marche@saint-benoit')
    expect(questionnaireKey('Boulangerie du Marché', place)).toBe('boulangerie-du-marche')
  })

  it('ignores case, accents and spacing, and stays within the database’s 200 characters', () => {
    const place = { postcode: '86000', communeInsee: null, communeName: null }
    expect(questionnaireKey('  BOULANGERIE  du marche ', place)).toBe(
      questionnaireKey('Boulangerie du Marché', place),
    )
    expect(questionnaireKey('x'.repeat(500), place).length).toBeLessThanOrEqual(200)
  })

  it('does not change when other columns of the row change', () => {
    const base = { ...VALID, Téléphone: '05 49 00 00 00' }
    const a = parseQuestionnaireCsv(questionnaire([base]), catalog).rows[0]!
    const b = parseQuestionnaireCsv(
      questionnaire([
        { ...base, Téléphone: '05 49 11 11 11', Latitude: '46.59', Description: 'Nouveau' },
      ]),
      catalog,
    ).rows[0]!
    expect(a.sourceRef).toBe('boulangerie-temoin@86000')
    expect(b.sourceRef).toBe(a.sourceRef)
  })
})

describe('the template', () => {
  const template = questionnaireTemplateCsv()

  it('is UTF-8 with a BOM, ";", the documented header and two example rows', () => {
    expect(template.startsWith('\uFEFF')).toBe(true)
    const csv = parseCsv(template.slice(1))
    expect(csv.delimiter).toBe(';')
    expect(csv.records).toHaveLength(3)
    expect(csv.records[0]!.fields).toEqual([
      'Identifiant',
      'Nom',
      'Type',
      'Catégorie',
      'Sous-catégorie',
      'Adresse',
      'Code postal',
      'Commune',
      'Code INSEE',
      'Latitude',
      'Longitude',
      'Téléphone',
      'E-mail',
      'Site web',
      'Réseaux sociaux',
      'Horaires',
      'Services',
      'Marche à suivre',
      'Description',
    ])
  })

  it('documents the required columns and how a row without coordinates is placed', () => {
    expect(QUESTIONNAIRE_COLUMNS.filter((c) => c.required).map((c) => c.header)).toEqual([
      'Nom',
      'Catégorie',
    ])
    const latitude = QUESTIONNAIRE_COLUMNS.find((c) => c.field === 'lat')!
    expect(latitude.description).toMatch(
      /Sans latitude ni longitude.*service national des adresses/,
    )
    expect(QUESTIONNAIRE_COLUMNS.every((c) => c.description.length > 0)).toBe(true)
  })

  it('refuses its own example rows, so that they are never imported', () => {
    const parsed = parseQuestionnaireCsv(new TextEncoder().encode(template), catalog)
    expect(parsed.encoding).toBe('utf-8')
    expect(errorsOf(parsed.issues)).toEqual([
      expect.objectContaining({
        line: 2,
        field: 'Identifiant',
        message: expect.stringMatching(/^Ligne d’exemple/),
      }),
      expect.objectContaining({
        line: 3,
        field: 'Identifiant',
        message: expect.stringMatching(/^Ligne d’exemple/),
      }),
    ])
  })

  it('has example rows that are otherwise valid', () => {
    const renamed = template.replace(/EXEMPLE-(\d)/g, 'GP-$1')
    const parsed = parseQuestionnaireCsv(new TextEncoder().encode(renamed), catalog)
    expect(errorsOf(parsed.issues)).toEqual([])
    expect(parsed.rows.map((r) => [r.sourceRef, r.categorySlug, r.subcategorySlug])).toEqual([
      ['GP-1', 'alimentation', 'boulangerie'],
      ['GP-2', 'culture', 'librairie'],
    ])
    expect(parsed.rows[1]!.services).toEqual(['shipping', 'gift_cards', 'remote_ordering'])
  })
})

describe('a generated 5,000-line file', () => {
  it('reads every line, without an issue', () => {
    const communes = ['Poitiers', 'Buxerolles', 'Saint-Benoît', 'Chasseneuil-du-Poitou', 'Ligugé']
    const subcategories = ['Boulangerie', 'Librairie', 'Pharmacie', 'Coiffeur', 'Caviste']
    const categories = ['Alimentation', 'Culture', 'Santé', 'Mode et beauté', 'Alimentation']
    const rows: Record<string, string>[] = []
    for (let i = 0; i < 5000; i++) {
      const k = i % 5
      rows.push({
        Identifiant: i % 2 === 0 ? `GEN-${i}` : '',
        Nom: `Commerce n° ${i}`,
        Catégorie: categories[k]!,
        'Sous-catégorie': subcategories[k]!,
        Adresse: `${i} rue de la République`,
        'Code postal': '86000',
        Commune: communes[k]!,
        Latitude: (46.55 + (i % 100) * 0.001).toFixed(4),
        Longitude: (0.3 + (i % 97) * 0.001).toFixed(4).replace('.', i % 3 === 0 ? ',' : '.'),
        Téléphone: `05 49 ${String(i % 100).padStart(2, '0')} ${String(i % 89).padStart(2, '0')} 00`,
        'E-mail': `contact${i}@exemple.fr`,
        'Site web': `https://commerce-${i}.fr`,
        // Every line a different timetable: the case the fast path is there for.
        Horaires: `Mo-Fr 08:${String(i % 60).padStart(2, '0')}-12:00,14:00-${15 + (i % 5)}:${String(i % 59).padStart(2, '0')}; Sa 09:00-12:${String(i % 31).padStart(2, '0')}`,
        Services: ['Livraison', 'Click and collect', 'Envoi postal, Bons d’achat'][i % 3]!,
        Description: i % 10 === 0 ? `Ligne 1\nLigne 2 ; "citation" ${i}` : '',
      })
    }
    const bytes = questionnaire(rows)
    const parsed = parseQuestionnaireCsv(bytes, catalog)
    expect(parsed.issues).toEqual([])
    expect(parsed.rows).toHaveLength(5000)
    expect(new Set(parsed.rows.map((r) => r.sourceRef)).size).toBe(5000)
    expect(parsed.rows.at(-1)).toMatchObject({
      sourceRef: 'commerce-n-4999@86000',
      name: 'Commerce n° 4999',
      communeName: 'Ligugé',
    })
    // Lines: a description with a line break every tenth row pushes the following ones down.
    expect(parsed.rows[11]!.line).toBe(15)
  })
})
