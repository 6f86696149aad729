import { describe, expect, it } from 'vitest'
import { parseCsv } from '@/lib/csv-parse'
import { parseOsmGeoJson } from '@/features/import-export/utils/osm-geojson-import'
import { shopsToCsv, shopsToGeoJson } from '@/features/import-export/utils/export-shops'
import {
  EXPORT_STATUS_HEADERS,
  QUESTIONNAIRE_COLUMNS,
  parseQuestionnaireCsv,
} from '@/features/import-export/utils/questionnaire-csv'
import type { Shop } from '@/backend/types'
import { makeShop } from '../../../fixtures/shops'
import { grandPoitiersCatalog, niortCatalog } from '../../../fixtures/curation/catalog'

const catalog = grandPoitiersCatalog()
const options = {
  territoryName: 'Grand Poitiers',
  categories: catalog.categories,
  subcategories: catalog.subcategories,
}

const boulangerie = makeShop({
  id: '3f0c2a9e-0000-4000-8000-000000000001',
  kind: 'artisan',
  name: 'Boulangerie du Marché',
  categorySlug: 'alimentation',
  subcategorySlug: 'boulangerie',
  description: 'Pain au levain ; viennoiseries.\nFermé en août.',
  address: '12 rue des Halles',
  postcode: '86000',
  communeInsee: '86194',
  communeName: 'Poitiers',
  location: { lon: 0.3401, lat: 46.5812 },
  phone: '05 49 00 00 00',
  email: 'contact@boulangerie-marche.fr',
  website: 'https://www.boulangerie-marche.fr',
  socialLinks: ['https://www.facebook.com/boulangerie', 'https://www.instagram.com/boulangerie'],
  openingHours: 'Tu-Sa 07:00-13:00,15:30-19:30',
  orderingInstructions: 'Commandez la veille "avant 18 h".',
  services: ['click_and_collect', 'delivery', 'gift_cards'],
  status: 'open',
  statusMessage: 'Ouvert ce matin',
  statusUpdatedAt: '2026-11-22T08:00:00.000000+00:00',
  published: true,
  source: 'import',
  sourceRef: 'GP-001',
})

const pirate = makeShop({
  id: '3f0c2a9e-0000-4000-8000-000000000002',
  name: '=HYPERLINK("http://evil.example","Cliquez")',
  description: '@SUM(1+1)',
  orderingInstructions: '- Appelez\n- Passez',
  phone: '+32 63 42 23 45',
  categorySlug: 'culture',
  subcategorySlug: null,
  location: { lon: 0.35, lat: 46.59 },
  openingHours: null,
  openingHoursNote: 'Selon la saison',
  status: 'closed',
  closedUntil: '2026-12-01',
  published: false,
  source: 'submission',
  sourceRef: null,
})

describe('shopsToCsv', () => {
  const csv = shopsToCsv([boulangerie, pirate], options)
  const records = parseCsv(csv.slice(1)).records

  it('is UTF-8 with a BOM, ";" and CRLF, with the questionnaire’s headers then the status', () => {
    expect(csv.startsWith('\uFEFFIdentifiant;Nom;Type;Catégorie;')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(records[0]!.fields).toEqual([
      ...QUESTIONNAIRE_COLUMNS.map((c) => c.header),
      ...EXPORT_STATUS_HEADERS,
    ])
    expect(records).toHaveLength(3)
  })

  it('writes French labels and the status', () => {
    const header = records[0]!.fields
    const row = Object.fromEntries(header.map((h, i) => [h, records[1]!.fields[i]]))
    expect(row).toMatchObject({
      Identifiant: 'GP-001',
      Type: 'Artisan',
      Catégorie: 'Alimentation',
      'Sous-catégorie': 'Boulangerie, pâtisserie',
      Latitude: '46.5812',
      Longitude: '0.3401',
      'Réseaux sociaux':
        'https://www.facebook.com/boulangerie | https://www.instagram.com/boulangerie',
      Services: 'Click and collect, Livraison, Bons d’achat',
      Description: 'Pain au levain ; viennoiseries.\nFermé en août.',
      'Marche à suivre': 'Commandez la veille "avant 18 h".',
      Statut: 'Ouvert',
      'Message du commerçant': 'Ouvert ce matin',
      Publié: 'oui',
      Source: 'import',
    })
    const second = Object.fromEntries(header.map((h, i) => [h, records[2]!.fields[i]]))
    expect(second).toMatchObject({
      Identifiant: pirate.id,
      Horaires: 'Selon la saison',
      Statut: 'Fermé',
      'Fermé jusqu’au': '2026-12-01',
      Publié: 'non',
    })
  })

  it('neutralises formulas with an apostrophe', () => {
    expect(csv).toContain(`;"'=HYPERLINK(""http://evil.example"",""Cliquez"")";`)
    expect(csv).toContain(`;'@SUM(1+1);`)
    expect(csv).toContain(`"'- Appelez\n- Passez"`)
    // No cell of the file starts with a formula character once unquoted.
    for (const record of records) {
      for (const field of record.fields) expect(field).not.toMatch(/^[=@]|^\+(?!\d)|^-(?![\d.])/)
    }
  })

  it('quotes international phone numbers rather than mangling them', () => {
    expect(csv).toContain(';"+32 63 42 23 45";')
    expect(csv).not.toContain("'+32")
    const negative = shopsToCsv([makeShop({ location: { lon: -0.4594, lat: 46.3238 } })], options)
    expect(negative).toContain(';46.3238;-0.4594;')
  })

  it('can be imported again as a questionnaire, giving back the same shops', () => {
    const parsed = parseQuestionnaireCsv(new TextEncoder().encode(csv), catalog)
    expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([])
    const [first, second] = parsed.rows
    expect(first).toEqual({
      line: 2,
      sourceRef: 'GP-001',
      kind: 'artisan',
      name: boulangerie.name,
      categorySlug: 'alimentation',
      subcategorySlug: 'boulangerie',
      description: boulangerie.description,
      address: boulangerie.address,
      postcode: '86000',
      communeInsee: '86194',
      communeName: 'Poitiers',
      lon: 0.3401,
      lat: 46.5812,
      phone: boulangerie.phone,
      email: boulangerie.email,
      website: boulangerie.website,
      socialLinks: boulangerie.socialLinks,
      openingHours: boulangerie.openingHours,
      openingHoursNote: null,
      orderingInstructions: boulangerie.orderingInstructions,
      services: boulangerie.services,
    })
    expect(second).toMatchObject({
      sourceRef: pirate.id,
      name: pirate.name,
      description: '@SUM(1+1)',
      orderingInstructions: '- Appelez\n- Passez',
      phone: '+32 63 42 23 45',
      openingHoursNote: 'Selon la saison',
    })
  })

  it('writes the slug of a category it has no name for', () => {
    const text = shopsToCsv(
      [makeShop({ categorySlug: 'velo', subcategorySlug: 'reparation-velo' })],
      {
        territoryName: 'Grand Poitiers',
        categories: [],
      },
    )
    expect(text).toContain(';velo;reparation-velo;')
  })

  it('writes only the header for no shops', () => {
    expect(parseCsv(shopsToCsv([], options).slice(1)).records).toHaveLength(1)
  })
})

describe('shopsToGeoJson', () => {
  const shops: Shop[] = [boulangerie, pirate]
  const geojson = shopsToGeoJson(shops, { slug: 'niort-agglo', name: 'Niort Agglo' })

  it('carries the licence and the credits beside the features, as the public function', () => {
    expect(geojson.type).toBe('FeatureCollection')
    expect(geojson).toMatchObject({ name: 'niort-agglo', license: 'ODbL-1.0' })
    expect(geojson.attribution).toBe(
      'Vitrine — Niort Agglo ; © OpenStreetMap contributors (ODbL 1.0) et les sources indiquées pour chaque lieu',
    )
  })

  it('has one point per published place, in lon/lat order, with the open data’s fields', () => {
    expect(geojson.features).toHaveLength(shops.filter((shop) => shop.published).length)
    const [first] = geojson.features
    expect(first!.id).toBe(boulangerie.id)
    expect(first!.geometry).toEqual({ type: 'Point', coordinates: [0.3401, 46.5812] })
    expect(first!.properties).toMatchObject({
      name: 'Boulangerie du Marché',
      kind: 'artisan',
      services: ['click_and_collect', 'delivery', 'gift_cards'],
      status: 'open',
    })
    // What only curators see stays out of the open data.
    expect(first!.properties).not.toHaveProperty('createdAt')
    expect(first!.properties).not.toHaveProperty('sourceRef')
  })

  it('is plain JSON: it survives a round trip unchanged, and copies the shops’ arrays', () => {
    expect(JSON.parse(JSON.stringify(geojson))).toEqual(geojson)
    geojson.features[0]!.properties.services.push('shipping')
    expect(boulangerie.services).toEqual(['click_and_collect', 'delivery', 'gift_cards'])
  })

  it('can be read back by the OSM importer’s shape checks (a FeatureCollection of points)', () => {
    // Not an OSM file (no OSM ids), so every feature is skipped with a reason, none crashes.
    const parsed = parseOsmGeoJson(JSON.stringify(geojson), niortCatalog())
    expect(parsed.issues).toEqual([])
    expect(parsed.skipped).toHaveLength(geojson.features.length)
  })
})
