import { describe, expect, it } from 'vitest'
import { representativePoint } from '../../supabase/seed-generator/geo'
import type { PlaceContext } from '../../supabase/seed-generator/map-equipements'
import {
  FINESS_ATTRIBUTION,
  OSM_FINESS_ATTRIBUTION,
  finessApproximate,
  finessStreet,
  mapFinessRow,
  mapFinessRows,
  osmFinessRefs,
} from '../../supabase/seed-generator/map-finess'
import { mapOsmFeature } from '../../supabase/seed-generator/map-osm'
import { shopId } from '../../supabase/seed-generator/ids'
import { communeCentres } from '../../supabase/seed-generator/territories'
import type { SeedShop } from '../../supabase/seed-generator/shop'
import { gpContext, inputs, model, niortContext, point } from './fixtures'

const gpWithOutlines: PlaceContext = {
  ...gpContext,
  communeCentre: communeCentres(inputs.communesGeojson, gpContext.communes),
}

/** A register row as the CSV writes it (Pharmacie Des Rocs, Poitiers). */
function row(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    finess_id: '860786474',
    name: 'Pharmacie Des  Rocs',
    address: '382 Avenue de Nantes, 86000 Poitiers',
    postcode: '86000',
    city: 'POITIERS',
    citycode: '86194',
    phone: '05 49 41 53 46',
    lat: '46.594732',
    lng: '0.328061',
    position_source: 'FINESS / BAN',
    approximate: '',
    ...overrides,
  }
}

function placed(result: ReturnType<typeof mapFinessRow>): SeedShop {
  if (result?.kind !== 'placed') throw new Error(`not placed: ${JSON.stringify(result)}`)
  return result.shop
}

describe('FINESS register: one row', () => {
  it('maps a pharmacy: name as registered, the street part, the commune of the seed', () => {
    const shop = placed(mapFinessRow(row(), gpContext))
    expect(shop).toMatchObject({
      territorySlug: 'grand-poitiers',
      kind: 'commercant',
      name: 'Pharmacie Des Rocs',
      categorySlug: 'sante',
      subcategorySlug: 'pharmacie',
      description: null,
      address: '382 Avenue de Nantes',
      postcode: '86000',
      communeInsee: '86194',
      communeName: 'Poitiers',
      location: [0.328061, 46.594732],
      locationApproximate: false,
      phone: '05 49 41 53 46',
      email: null,
      website: null,
      openingHours: null,
      openingHoursNote: null,
      source: 'open_data',
      sourceRef: 'finess:860786474',
      sourceAttribution: FINESS_ATTRIBUTION,
      status: 'unknown',
      services: [],
      published: true,
    })
    expect(shop.id).toBe(shopId('open_data', 'finess:860786474'))
  })

  it('keeps the street of "street, postcode COMMUNE" and nothing it cannot read', () => {
    expect(finessStreet('1 Rue Pasteur, 79230 Prahecq')).toBe('1 Rue Pasteur')
    expect(finessStreet('35  GRANDE RUE, 86500 MONTMORILLON')).toBe('35 GRANDE RUE')
    expect(finessStreet('ZONE ARTISANALE LE GRAND TILLAIS, 79600 ST LOUP LAMAIRE')).toBe(
      'ZONE ARTISANALE LE GRAND TILLAIS',
    )
    expect(finessStreet('12, PLACE DES TROIS CITES, 86000 POITIERS')).toBe(
      '12, PLACE DES TROIS CITES',
    )
    expect(finessStreet('RN 10')).toBe('RN 10')
    expect(finessStreet('86000 POITIERS')).toBeNull()
    expect(finessStreet(', 86000 POITIERS')).toBeNull()
    expect(finessStreet('')).toBeNull()
  })

  it('regroups the phone as the other mappers do, and drops what is not one', () => {
    expect(placed(mapFinessRow(row({ phone: '05/49/41/53/46' }), gpContext)).phone).toBe(
      '05 49 41 53 46',
    )
    expect(placed(mapFinessRow(row({ phone: '' }), gpContext)).phone).toBeNull()
    expect(placed(mapFinessRow(row({ phone: '3237' }), gpContext)).phone).toBeNull()
  })

  it('flags the position the register calls approximate', () => {
    expect(finessApproximate('true')).toBe(true)
    expect(finessApproximate('false')).toBe(false)
    expect(finessApproximate('')).toBe(false)
    expect(() => finessApproximate('peut-être')).toThrow(/approximate/)
    const shop = placed(mapFinessRow(row({ approximate: 'true' }), gpContext))
    expect(shop.locationApproximate).toBe(true)
    expect(shop.location).toEqual([0.328061, 46.594732])
  })

  it('places a row without coordinates at its commune’s point, flagged approximate', () => {
    const result = mapFinessRow(row({ lat: '', lng: '', position_source: '' }), gpWithOutlines)
    const poitiers = inputs.communesGeojson.features.find(
      (f) => f.properties.code_insee === '86194',
    )!
    expect(result).toMatchObject({ kind: 'placed', atCommune: true })
    expect(placed(result).location).toEqual(representativePoint(poitiers.geometry))
    expect(placed(result).locationApproximate).toBe(true)
  })

  it('leaves a row without coordinates unplaced where the commune has no outline', () => {
    const niortRow = row({
      finess_id: '790010946',
      citycode: '79191',
      postcode: '79000',
      address: '34 Rue Ricard, 79000 Niort',
      lat: '',
      lng: '',
    })
    expect(mapFinessRow(niortRow, niortContext)).toEqual({
      kind: 'unplaced',
      finessId: '790010946',
    })
    const { added, report } = mapFinessRows([niortRow], niortContext)
    expect(added).toEqual([])
    expect(report).toMatchObject({ registerRows: 1, added: 0, unplaced: ['790010946'] })
  })

  it('is not the territory’s when its commune is not one of the territory’s', () => {
    expect(mapFinessRow(row({ citycode: '86066' }), gpContext)).toBeNull()
    expect(mapFinessRow(row(), niortContext)).toBeNull()
  })
})

describe('FINESS register: Niort, joined with OpenStreetMap by ref:FR:FINESS', () => {
  const osmPharmacy = (id: string, tags: Record<string, unknown>) =>
    point({ '@id': id, amenity: 'pharmacy', ...tags }, [-0.460454, 46.3236493])
  const breche = osmPharmacy('node/738663571', {
    name: 'Pharmacie de la Brèche',
    'ref:FR:FINESS': '790010946',
    phone: '+33549240039',
    opening_hours: 'Mo-Sa 09:00-12:30,13:45-19:15',
  })
  const noRef = osmPharmacy('node/1', { name: 'Pharmacie sans numéro' })
  const niortRow = (overrides: Record<string, string>) =>
    row({
      citycode: '79191',
      postcode: '79000',
      city: 'Niort',
      lat: '46.323676',
      lng: '-0.460416',
      ...overrides,
    })
  const registerBreche = niortRow({
    finess_id: '790010946',
    name: 'Pharmacie De La Breche',
    address: '34 Rue Ricard, 79000 Niort',
    phone: '05 49 24 00 39',
    approximate: 'true',
  })
  const registerOnly = niortRow({
    finess_id: '790010904',
    name: 'Pharmacie De Souché',
    address: '162 Rue de Souché, 79000 Niort',
    phone: '05 49 24 38 14',
    lat: '46.325474',
    lng: '-0.433043',
  })
  const osmShops = [breche, noRef].map((f) => mapOsmFeature(f, niortContext)!)
  const result = mapFinessRows([registerBreche, registerOnly], niortContext, {
    shops: osmShops,
    refs: osmFinessRefs([breche, noRef]),
  })

  it('makes one place of the OSM pharmacy and its register row', () => {
    const joined = result.osm[0]!
    expect(joined).toMatchObject({
      // OSM's key, name, position and hours…
      id: osmShops[0]!.id,
      source: 'osm',
      sourceRef: 'node/738663571',
      name: 'Pharmacie de la Brèche',
      location: [-0.460454, 46.3236493],
      locationApproximate: false,
      openingHours: 'Mo-Sa 09:00-12:30,13:45-19:15',
      // …the register's address, postcode, commune and phone…
      address: '34 Rue Ricard',
      postcode: '79000',
      communeInsee: '79191',
      communeName: 'Niort',
      phone: '05 49 24 00 39',
      // …and both credits, OSM first.
      sourceAttribution: OSM_FINESS_ATTRIBUTION,
    })
    expect(OSM_FINESS_ATTRIBUTION).toBe(
      '© OpenStreetMap contributors; FINESS (DREES), extrait du 05/10/2026, Licence Ouverte 2.0 ; géocodage BAN/IGN',
    )
    expect(result.added.map((s) => s.sourceRef)).toEqual(['finess:790010904'])
  })

  it('keeps OSM’s phone when the register has none', () => {
    const { osm } = mapFinessRows([{ ...registerBreche, phone: '' }], niortContext, {
      shops: osmShops,
      refs: osmFinessRefs([breche]),
    })
    expect(osm[0]!.phone).toBe('+33549240039')
  })

  it('leaves an OSM pharmacy without a FINESS number as mapped, and adds unmatched rows', () => {
    expect(result.osm[1]).toEqual(osmShops[1])
    expect(result.added[0]).toMatchObject({
      name: 'Pharmacie De Souché',
      address: '162 Rue de Souché',
      sourceAttribution: FINESS_ATTRIBUTION,
    })
    expect(result.report).toEqual({
      territorySlug: 'niort-agglo',
      registerRows: 2,
      joinedWithOsm: 1,
      added: 1,
      placedAtCommune: 0,
      approximate: 0,
      unplaced: [],
    })
  })
})

describe('FINESS register: the seed', () => {
  const inTerritory = (slug: string) => {
    const codes = new Set(
      model.communes.filter((c) => c.territorySlug === slug).map((c) => c.inseeCode),
    )
    return inputs.finess.filter((r) => codes.has(r.citycode!))
  }

  it('takes every register row of each territory’s communes, once', () => {
    for (const report of model.finessReports) {
      const rows = inTerritory(report.territorySlug)
      expect(report.registerRows, report.territorySlug).toBe(rows.length)
      expect(report.added + report.joinedWithOsm + report.unplaced.length).toBe(rows.length)
      const seeded = [
        ...model.finess
          .filter((s) => s.territorySlug === report.territorySlug)
          .map((s) => s.sourceRef.replace('finess:', '')),
        ...model.osm
          .filter((s) => s.sourceAttribution === OSM_FINESS_ATTRIBUTION)
          .filter((s) => s.territorySlug === report.territorySlug)
          .map((s) => osmFinessRefs(inputs.niortOsm.features).get(s.sourceRef)!),
        ...report.unplaced,
      ].sort()
      expect(seeded).toEqual(rows.map((r) => r.finess_id).sort())
    }
    expect(model.finessReports.map((r) => [r.territorySlug, r.registerRows])).toEqual([
      ['grand-poitiers', 59],
      ['niort-agglo', 22],
    ])
  })

  it('flags exactly the rows the register calls approximate, or could not place', () => {
    const flagged = model.finess.filter((s) => s.locationApproximate).map((s) => s.sourceRef)
    const expected = [...inTerritory('grand-poitiers'), ...inTerritory('niort-agglo')]
      .filter((r) => r.approximate === 'true' || r.lat === '')
      .map((r) => `finess:${r.finess_id}`)
      .filter((ref) => model.finess.some((s) => s.sourceRef === ref))
    expect(flagged.sort()).toEqual(expected.sort())
    expect(model.osm.every((s) => !s.locationApproximate)).toBe(true)
  })
})
