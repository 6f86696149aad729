import { describe, expect, it } from 'vitest'
import { parseOpeningHours } from '@/shop/opening-hours'
import {
  kindForOsmTags,
  parseOsmGeoJson,
  servicesForOsmTags,
} from '@/features/import-export/utils/osm-geojson-import'
import type { ImportCatalog } from '@/features/import-export/utils/import-catalog'
import { isHttpUrl, isPhone } from '@/shop/shop-rules'
import {
  grandPoitiersCatalog,
  niortCatalog,
  poitiersBuxerollesCatalog,
} from '../../../fixtures/curation/catalog'
import { fixtureText } from '../../../fixtures/curation/files'

interface TestFeature {
  type: 'Feature'
  id?: string
  properties: Record<string, unknown>
  geometry: { type: string; coordinates: unknown } | null
}

const point = (
  id: string,
  lon: number,
  lat: number,
  tags: Record<string, unknown>,
): TestFeature => ({
  type: 'Feature',
  id,
  properties: { '@id': id, ...tags },
  geometry: { type: 'Point', coordinates: [lon, lat] },
})

const collection = (...features: unknown[]) =>
  JSON.stringify({ type: 'FeatureCollection', features })

/** A 20 m square building outline around a point. */
function outline(id: string, lon: number, lat: number, tags: Record<string, unknown>): TestFeature {
  const d = 0.0001
  return {
    type: 'Feature',
    id,
    properties: { '@id': id, building: 'yes', ...tags },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [lon - d, lat - d],
          [lon + d, lat - d],
          [lon + d, lat + d],
          [lon - d, lat + d],
          [lon - d, lat - d],
        ],
      ],
    },
  }
}

const POITIERS: [number, number] = [0.3404, 46.5802]

describe('the Niort Overpass export (2019), into Niort Agglo', () => {
  const text = fixtureText('osm-niort-79-2019-overpass.geojson')
  const features = (JSON.parse(text) as { features: unknown[] }).features
  const parsed = parseOsmGeoJson(text, niortCatalog())
  const skippedAt = (line: number) => parsed.skipped.find((s) => s.line === line)

  it('accounts for every feature once: a row or a skip', () => {
    expect(features).toHaveLength(69)
    const lines = [...parsed.rows.map((r) => r.line), ...parsed.skipped.map((s) => s.line)]
    expect(lines.sort((a, b) => a - b)).toEqual(features.map((_, i) => i + 1))
  })

  it('imports the named pharmacies and cinemas: 33 rows, no error', () => {
    expect(parsed.rows).toHaveLength(33)
    expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([])
    expect(parsed.rows.filter((r) => r.subcategorySlug === 'pharmacie')).toHaveLength(31)
    expect(parsed.rows.filter((r) => r.subcategorySlug === 'cinema').map((r) => r.name)).toEqual([
      'CGR Niort',
      'Le Moulin du Roc',
    ])
    expect(new Set(parsed.rows.map((r) => r.sourceRef)).size).toBe(33)
  })

  it('keeps one row for an object in two Overpass layers (pharmacy and defibrillator)', () => {
    const frigot = parsed.rows.filter((r) => r.sourceRef === 'node/738106216')
    expect(frigot.map((r) => r.line)).toEqual([5])
    expect(skippedAt(37)).toEqual({
      line: 37,
      osmId: 'node/738106216',
      reason: 'même objet que la ligne 5 (couches Overpass superposées)',
    })
  })

  it('keeps the node over the building outline of the same pharmacy, accents aside', () => {
    // way/138271739 "Pharmacie du Geant" is the outline of node/2170997223 "Pharmacie du Géant".
    expect(parsed.rows.some((r) => r.sourceRef === 'way/138271739')).toBe(false)
    expect(parsed.rows.find((r) => r.sourceRef === 'node/2170997223')?.name).toBe(
      'Pharmacie du Géant',
    )
    expect(skippedAt(4)).toEqual({
      line: 4,
      osmId: 'way/138271739',
      reason: expect.stringMatching(/^même lieu que node\/2170997223 \(ligne 27\)/),
    })
  })

  it('keeps an outline with no namesake node, at the centroid of its outline', () => {
    const vitalea = parsed.rows.find((r) => r.sourceRef === 'way/60446884')!
    expect(vitalea.name).toBe('Vitaléa Médical')
    expect(vitalea.lon).toBeCloseTo(-0.4566, 4)
    expect(vitalea.lat).toBeCloseTo(46.32052, 4)
  })

  it('skips unnamed places and objects that are not shops, with the reason', () => {
    expect(skippedAt(2)).toMatchObject({ osmId: 'way/73304184', reason: 'sans nom' })
    expect(skippedAt(23)).toMatchObject({ osmId: 'node/770524791', reason: 'sans nom' })
    expect(
      parsed.skipped.filter((s) => s.reason === 'étiquettes non reconnues (amenity=recycling)'),
    ).toHaveLength(27)
    expect(
      parsed.skipped.filter((s) => s.reason.startsWith('étiquettes non reconnues')),
    ).toHaveLength(parsed.skipped.length - 4)
  })

  it('maps contacts, hours and addresses, in the forms the database accepts', () => {
    const frigot = parsed.rows.find((r) => r.sourceRef === 'node/738106216')!
    expect(frigot).toMatchObject({
      kind: 'commercant',
      categorySlug: 'sante',
      subcategorySlug: 'pharmacie',
      phone: '05 49 24 00 41',
      email: 'catherine.frigot@perso.alliadis.net',
      website: 'https://www.pharmacie-niort.com',
      openingHours: 'Mo 10:00-19:30; Tu-Fr 09:00-19:30; Sa 09:00-12:30,14:00-19:00',
      services: [],
    })
    expect(parsed.issues).toEqual([
      {
        line: 5,
        field: 'website',
        severity: 'warning',
        message: '« https:// » ajouté devant « www.pharmacie-niort.com ».',
      },
    ])
    expect(parsed.rows.find((r) => r.sourceRef === 'node/731511809')).toMatchObject({
      name: 'CGR Niort',
      address: 'Place de la Brèche',
      postcode: '79000',
      communeInsee: '79191',
      communeName: 'Niort',
    })
    // A commune of the agglomeration the catalog does not list keeps its name, without code.
    expect(parsed.rows.find((r) => r.sourceRef === 'node/5843515100')).toMatchObject({
      address: '195 Boulevard des Arandelles',
      postcode: '79180',
      communeInsee: null,
      communeName: 'Chauray',
      phone: '05 49 08 00 17',
    })
    for (const row of parsed.rows) {
      expect(row.phone === null || isPhone(row.phone)).toBe(true)
      expect(row.website === null || isHttpUrl(row.website)).toBe(true)
      if (row.openingHours) expect(parseOpeningHours(row.openingHours).ok).toBe(true)
    }
  })

  it('keeps every row within the territory', () => {
    const [west, south, east, north] = niortCatalog().territory.bounds
    for (const row of parsed.rows) {
      expect(row.lon >= west && row.lon <= east && row.lat >= south && row.lat <= north).toBe(true)
    }
  })

  it('skips everything when imported into Grand Poitiers', () => {
    const elsewhere = parseOsmGeoJson(text, grandPoitiersCatalog())
    expect(elsewhere.rows).toEqual([])
    expect(new Set(elsewhere.skipped.map((s) => s.reason))).toEqual(
      new Set(['hors du territoire Grand Poitiers']),
    )
  })
})

describe('the Habay (Belgium) Overpass export (2018)', () => {
  const text = fixtureText('osm-habay-be-2018-overpass.geojson')

  it('skips every feature as outside a French territory', () => {
    const parsed = parseOsmGeoJson(text, grandPoitiersCatalog())
    expect(parsed.rows).toEqual([])
    expect(parsed.issues).toEqual([])
    expect(parsed.skipped).toHaveLength(116)
    expect(parsed.skipped.every((s) => s.reason === 'hors du territoire Grand Poitiers')).toBe(true)
    expect(parsed.skipped[0]).toEqual({
      line: 1,
      osmId: 'way/138965317',
      reason: 'hors du territoire Grand Poitiers',
    })
  })

  it('is imported when the territory covers it: the clipping, not the file, skipped it', () => {
    const habay: ImportCatalog = {
      ...grandPoitiersCatalog(),
      territory: {
        slug: 'habay',
        name: 'Habay',
        centre: { lon: 5.64, lat: 49.72 },
        bounds: [5.5, 49.6, 5.8, 49.8],
      },
      communes: [],
    }
    const parsed = parseOsmGeoJson(text, habay)
    expect(parsed.rows.length).toBeGreaterThan(40)
    // The supermarket is in the file as an outline and as Overpass's centre point: one row.
    const delhaize = parsed.rows.filter((r) => r.sourceRef === 'way/138965317')
    expect(delhaize).toHaveLength(1)
    expect(delhaize[0]).toMatchObject({ name: 'AD Delhaize', subcategorySlug: 'epicerie' })
    // Belgian postcodes have four digits: dropped with a warning, never padded.
    expect(delhaize[0]!.postcode).toBeNull()
    expect(parsed.issues).toContainEqual({
      line: 1,
      field: 'addr:postcode',
      severity: 'warning',
      message: 'Code postal 6720 ignoré : 5 chiffres attendus.',
    })
  })
})

describe('clipping to the communes', () => {
  const features = [
    point('node/1', ...POITIERS, { shop: 'bakery', name: 'Boulangerie de Poitiers' }),
    point('node/2', 0.37, 46.605, { shop: 'books', name: 'Librairie de Buxerolles' }),
    // Chauvigny: in Grand Poitiers' bounds, in neither Poitiers nor Buxerolles.
    point('node/3', 0.646, 46.569, { shop: 'florist', name: 'Fleuriste de Chauvigny' }),
  ]

  it('skips points outside every commune outline when all communes have one', () => {
    const parsed = parseOsmGeoJson(collection(...features), poitiersBuxerollesCatalog())
    expect(parsed.rows.map((r) => [r.sourceRef, r.communeInsee, r.communeName])).toEqual([
      ['node/1', '86194', 'Poitiers'],
      ['node/2', '86041', 'Buxerolles'],
    ])
    expect(parsed.skipped).toEqual([
      { line: 3, osmId: 'node/3', reason: 'hors des communes du territoire Grand Poitiers' },
    ])
  })

  it('clips to the bounds only when some communes have no outline', () => {
    const parsed = parseOsmGeoJson(collection(...features), grandPoitiersCatalog())
    expect(parsed.rows.map((r) => r.sourceRef)).toEqual(['node/1', 'node/2', 'node/3'])
    expect(parsed.rows[2]).toMatchObject({ communeInsee: null, communeName: null })
  })
})

describe('mapping tags', () => {
  const one = (tags: Record<string, unknown>, catalog = grandPoitiersCatalog()) =>
    parseOsmGeoJson(collection(point('node/10', ...POITIERS, { name: 'Témoin', ...tags })), catalog)

  it('gives the kind from the tags', () => {
    expect(kindForOsmTags({ shop: 'bakery', craft: 'baker' })).toBe('artisan')
    expect(kindForOsmTags({ craft: 'shoemaker' })).toBe('artisan')
    expect(kindForOsmTags({ amenity: 'marketplace' })).toBe('marche')
    expect(kindForOsmTags({ shop: 'farm' })).toBe('producteur')
    expect(kindForOsmTags({ amenity: 'library' })).toBe('service_public')
    expect(kindForOsmTags({ amenity: 'post_office' })).toBe('service_public')
    expect(kindForOsmTags({ shop: 'books' })).toBe('commercant')
    expect(kindForOsmTags({ amenity: 'pharmacy' })).toBe('commercant')
  })

  it('maps delivery, and not takeaway, to services', () => {
    expect(servicesForOsmTags({ delivery: 'yes' })).toEqual(['delivery'])
    expect(servicesForOsmTags({ delivery: 'only' })).toEqual(['delivery'])
    expect(servicesForOsmTags({ delivery: 'no', takeaway: 'yes' })).toEqual([])
    expect(
      one({ amenity: 'fast_food', delivery: 'yes', takeaway: 'yes' }).rows[0]!.services,
    ).toEqual(['delivery'])
  })

  it('reads contact:* tags and the first of several values', () => {
    const row = one({
      shop: 'bakery',
      'contact:phone': '+33 5 49 00 00 00;+33 6 12 34 56 78',
      'contact:email': 'a@temoin.fr;b@temoin.fr',
      'contact:website': 'https://temoin.fr',
      'contact:facebook': 'https://www.facebook.com/temoin',
      'contact:instagram': 'temoin_officiel',
      'addr:housenumber': '3',
      'addr:street': 'Rue Carnot',
      'addr:postcode': '86000',
      'addr:city': 'Poitiers',
    })
    expect(row.rows[0]).toMatchObject({
      phone: '05 49 00 00 00',
      email: 'a@temoin.fr',
      website: 'https://temoin.fr',
      socialLinks: ['https://www.facebook.com/temoin'],
      address: '3 Rue Carnot',
      postcode: '86000',
      communeInsee: '86194',
      communeName: 'Poitiers',
    })
    expect(row.issues.map((i) => i.field)).toEqual(['contact:phone', 'contact:instagram'])
  })

  it('drops an unreadable contact with a warning instead of failing the import', () => {
    const parsed = one({
      shop: 'bakery',
      phone: 'voir site',
      email: 'pas un mail',
      website: 'ftp://x.fr',
    })
    expect(parsed.rows[0]).toMatchObject({ phone: null, email: null, website: null })
    expect(parsed.issues.map((i) => [i.field, i.severity])).toEqual([
      ['phone', 'warning'],
      ['email', 'warning'],
      ['website', 'warning'],
    ])
  })

  it('keeps unreadable opening_hours as a note with a warning', () => {
    const parsed = one({ shop: 'bakery', opening_hours: 'Mo-Fr 08:00-19:00 sauf jours fériés' })
    expect(parsed.rows[0]).toMatchObject({
      openingHours: null,
      openingHoursNote: 'Mo-Fr 08:00-19:00 sauf jours fériés',
    })
    expect(parsed.issues).toEqual([
      {
        line: 1,
        field: 'opening_hours',
        severity: 'warning',
        message: expect.stringMatching(/^Horaires gardés en note : Horaires illisibles/),
      },
    ])
  })

  it('recognises categories from the catalog it is given', () => {
    const catalog = grandPoitiersCatalog()
    catalog.subcategories.push({
      slug: 'velo',
      categorySlug: 'services',
      nameFr: 'Vélo',
      nameEn: 'Bike',
      osmTags: ['shop=bicycle'],
    })
    expect(one({ shop: 'bicycle' }).skipped[0]!.reason).toBe(
      'étiquettes non reconnues (shop=bicycle)',
    )
    expect(one({ shop: 'bicycle' }, catalog).rows[0]).toMatchObject({
      categorySlug: 'services',
      subcategorySlug: 'velo',
    })
  })
})

describe('feature shapes', () => {
  it('reads older osmtogeojson output: tags under properties.tags, id on the feature', () => {
    const feature = {
      type: 'Feature',
      id: 'node/42',
      properties: { type: 'node', id: 42, tags: { shop: 'books', name: 'Librairie' }, meta: {} },
      geometry: { type: 'Point', coordinates: POITIERS },
    }
    const parsed = parseOsmGeoJson(collection(feature), grandPoitiersCatalog())
    expect(parsed.rows[0]).toMatchObject({ sourceRef: 'node/42', subcategorySlug: 'librairie' })
  })

  it('reads a closed LineString (a building without area tags) at its centroid', () => {
    const feature = outline('way/7', ...POITIERS, { shop: 'books', name: 'Librairie' })
    feature.geometry = {
      type: 'LineString',
      coordinates: (feature.geometry!.coordinates as number[][][])[0],
    }
    const parsed = parseOsmGeoJson(collection(feature), grandPoitiersCatalog())
    expect(parsed.rows[0]!.lon).toBeCloseTo(POITIERS[0], 6)
    expect(parsed.rows[0]!.lat).toBeCloseTo(POITIERS[1], 6)
  })

  it('keeps a node and an outline of the same name when they are more than 150 m apart', () => {
    const parsed = parseOsmGeoJson(
      collection(
        outline('way/1', ...POITIERS, { amenity: 'pharmacy', name: 'Pharmacie du Centre' }),
        point('node/2', POITIERS[0], POITIERS[1] + 0.0012, {
          amenity: 'pharmacy',
          name: 'Pharmacie du Centre',
        }),
        point('node/3', POITIERS[0], POITIERS[1] + 0.002, {
          amenity: 'pharmacy',
          name: 'Pharmacie du Centre',
        }),
        outline('way/4', POITIERS[0], POITIERS[1] + 0.0025, {
          amenity: 'pharmacy',
          name: 'PHARMACIE DU CENTRE',
        }),
      ),
      grandPoitiersCatalog(),
    )
    // way/1 is 133 m from node/2: one place. way/4 is 55 m from node/3: one place.
    expect(parsed.rows.map((r) => r.sourceRef)).toEqual(['node/2', 'node/3'])
    expect(parsed.skipped.map((s) => s.osmId)).toEqual(['way/1', 'way/4'])

    const apart = parseOsmGeoJson(
      collection(
        outline('way/1', ...POITIERS, { amenity: 'pharmacy', name: 'Pharmacie du Centre' }),
        point('node/2', POITIERS[0], POITIERS[1] + 0.0015, {
          amenity: 'pharmacy',
          name: 'Pharmacie du Centre',
        }),
      ),
      grandPoitiersCatalog(),
    )
    expect(apart.rows.map((r) => r.sourceRef)).toEqual(['way/1', 'node/2'])
  })

  it('skips features without an OSM id or a usable geometry', () => {
    const parsed = parseOsmGeoJson(
      collection(
        {
          type: 'Feature',
          properties: { shop: 'books', name: 'Sans id' },
          geometry: { type: 'Point', coordinates: POITIERS },
        },
        {
          ...point('node/5', ...POITIERS, { shop: 'books', name: 'Sans géométrie' }),
          geometry: null,
        },
        {
          ...point('node/6', ...POITIERS, { shop: 'books', name: 'Mauvaise' }),
          geometry: { type: 'Point', coordinates: ['a', 'b'] },
        },
        'pas un objet',
      ),
      grandPoitiersCatalog(),
    )
    expect(parsed.rows).toEqual([])
    expect(parsed.skipped.map((s) => [s.line, s.osmId, s.reason])).toEqual([
      [1, null, 'identifiant OpenStreetMap absent (node/…, way/…)'],
      [2, 'node/5', 'géométrie absente ou illisible'],
      [3, 'node/6', 'géométrie absente ou illisible'],
      [4, null, 'élément illisible (ni objet ni propriétés)'],
    ])
  })
})

describe('unreadable files', () => {
  it('reports invalid JSON as one error', () => {
    const parsed = parseOsmGeoJson(
      '{"type": "FeatureCollection", "features": [',
      grandPoitiersCatalog(),
    )
    expect(parsed.rows).toEqual([])
    expect(parsed.skipped).toEqual([])
    expect(parsed.issues).toEqual([
      {
        line: 0,
        field: null,
        severity: 'error',
        message: expect.stringMatching(/^Ce fichier n’est pas du JSON valide/),
      },
    ])
  })

  it('reports JSON that is not a FeatureCollection as one error', () => {
    for (const text of ['[]', '{"type": "Feature"}', '{"type": "FeatureCollection"}', 'null']) {
      const parsed = parseOsmGeoJson(text, grandPoitiersCatalog())
      expect(parsed.issues).toEqual([
        {
          line: 0,
          field: null,
          severity: 'error',
          message: expect.stringMatching(/n’est pas une FeatureCollection/),
        },
      ])
    }
  })

  it('accepts a BOM before the JSON', () => {
    const parsed = parseOsmGeoJson(
      `\uFEFF${collection(point('node/1', ...POITIERS, { shop: 'books', name: 'Librairie' }))}`,
      grandPoitiersCatalog(),
    )
    expect(parsed.rows).toHaveLength(1)
  })
})
