import { describe, expect, it } from 'vitest'
import { mapEquipement, selectEquipement } from '../../supabase/seed-generator/map-equipements'
import { classifyRelaisShop, mapLaPosteRow } from '../../supabase/seed-generator/map-laposte'
import { dropDuplicatePlaces, mapOsmFeature } from '../../supabase/seed-generator/map-osm'
import { communeLocator } from '../../supabase/seed-generator/territories'
import { shopId } from '../../supabase/seed-generator/ids'
import type { SeedShop } from '../../supabase/seed-generator/shop'
import { gpContext, inputs, market, niortContext, point } from './fixtures'

function expectNothingClaimed(shop: SeedShop): void {
  expect(shop.status).toBe('unknown')
  expect(shop.statusMessage).toBeNull()
  expect(shop.services).toEqual([])
  expect(shop.closedUntilDaysAfterSeeding).toBeNull()
  expect(shop.orderingInstructions).toBeNull()
  expect(shop.published).toBe(true)
}

describe('équipements publics', () => {
  it('maps a market and keeps its free-text hours word for word as a note', () => {
    const shop = mapEquipement(market(), gpContext)!
    expect(shop).toMatchObject({
      kind: 'marche',
      name: 'MARCHE DE BERUGES',
      categorySlug: 'alimentation',
      subcategorySlug: 'marche',
      address: "PLACE DE L'EGLISE",
      postcode: '86190',
      communeInsee: '86024',
      communeName: 'Béruges',
      openingHours: null,
      openingHoursNote: 'Mercredi de 8h à 13h',
      source: 'open_data',
      sourceRef: 'equipements-publics-2015:286',
      sourceAttribution: 'Grand Poitiers Open Data – Équipements publics, mise à jour 2015',
    })
    expect(shop.id).toBe(shopId('open_data', 'equipements-publics-2015:286'))
    expectNothingClaimed(shop)
  })

  it('keeps multi-line hours, only trimming the ends', () => {
    const hours = 'Du lundi au samedi: 6h/19h ;\nmarché plein air du Lundi au Samedi: 6h/20h\n'
    const shop = mapEquipement(market({ Horaires_d_ouvertures: hours }), gpContext)!
    expect(shop.openingHoursNote).toBe(hours.trim())
    expect(shop.openingHours).toBeNull()
  })

  it('normalises or drops contact fields, never inventing them', () => {
    const shop = mapEquipement(
      market({ Téléphone: '05 49 60 67 00 ', 'E-mail': '', Site_web: 'www.ville-beruges.fr' }),
      gpContext,
    )!
    expect(shop.phone).toBe('05 49 60 67 00')
    expect(shop.email).toBeNull()
    expect(shop.website).toBe('http://www.ville-beruges.fr')
    const noSite = mapEquipement(
      market({ Site_web: 'en construction', Téléphone: '3631' }),
      gpContext,
    )!
    expect(noSite.website).toBeNull()
    expect(noSite.phone).toBeNull()
  })

  it('selects by theme and sub-theme', () => {
    const select = (theme: string, subTheme: string, name = 'X') =>
      selectEquipement({ Thème: theme, Sous_thème: subTheme, Nom_de_l_équipement: name })
    expect(select('CULTURE', 'MEDIATHEQUE')?.subcategorySlug).toBe('bibliotheque')
    expect(select('CULTURE', 'MEDIATHEQUE', 'LUDOTHEQUE')).toMatchObject({
      categorySlug: 'jeux-et-jouets',
      subcategorySlug: 'ludotheque',
    })
    expect(select('SOCIAL', 'EPICERIE_SOCIALE')).toMatchObject({
      categorySlug: 'alimentation',
      subcategorySlug: 'epicerie-sociale',
    })
    expect(select('CULTURE', 'CONSERVATOIRE')).toBeNull()
    expect(select('CULTURE', 'SOCIO_CULTUREL')).toBeNull()
    expect(select('ENVIRONNEMENT', 'TOILETTES')).toBeNull()
  })

  it('leaves out places outside the Grand Poitiers communes', () => {
    expect(mapEquipement(market({ code_insee: '86263' }), gpContext)).toBeNull()
  })
})

describe('La Poste', () => {
  const row = (overrides: Record<string, string>) => ({
    Identifiant_du_site: '63013A',
    Libellé_du_site: 'LA GIBAUDERIE RP',
    Caractéristique_du_site: 'Relais poste commerçant',
    Site_Acores_de_rattachement: '16372A',
    Adresse: '1 RUE DE LA ROCHEFOUCAULT',
    Complément_d_adresse: 'SUPERMARCHE SPAR JC LAW SEK',
    Lieu_dit: '',
    Code_postal: '86000',
    Localité: 'POITIERS',
    Code_INSEE: '86194',
    Pays: 'FRANCE',
    Latitude: '46.565497',
    Longitude: '0.373517',
    Précision_du_géocodage: 'Géocodé au numéro',
    Numéro_de_téléphone: '3631',
    grand_poitiers: '1',
    ...overrides,
  })

  it('names a relais poste after its shop and reads its category from that name only', () => {
    const shop = mapLaPosteRow(row({}), gpContext)!
    expect(shop).toMatchObject({
      kind: 'commercant',
      name: 'SUPERMARCHE SPAR JC LAW SEK',
      categorySlug: 'alimentation',
      subcategorySlug: 'epicerie',
      address: '1 RUE DE LA ROCHEFOUCAULT',
      location: [0.373517, 46.565497],
      phone: null,
      sourceRef: 'laposte-points-de-contact-2016:63013A',
      sourceAttribution: 'La Poste – points de contact du réseau postal (2016)',
    })
    expectNothingClaimed(shop)
  })

  it('classifies relais shops only when the name is explicit', () => {
    expect(classifyRelaisShop('BOULANGERIE FERGEAULT JOEL').subcategorySlug).toBe('boulangerie')
    expect(classifyRelaisShop('BAR TABAC PRESSE LA BERGERIE').subcategorySlug).toBe('tabac-presse')
    expect(classifyRelaisShop('VIVAL MME CECILE BOUCHET').subcategorySlug).toBe('epicerie')
    expect(classifyRelaisShop('Épicerie du bourg').subcategorySlug).toBe('epicerie')
    expect(classifyRelaisShop('CHEZ MIMI MYRIAN BAUDRIER')).toMatchObject({
      categorySlug: 'services',
      subcategorySlug: 'relais-poste',
    })
    expect(classifyRelaisShop(null).subcategorySlug).toBe('relais-poste')
  })

  it('maps post offices as public services and keeps the address complement', () => {
    const shop = mapLaPosteRow(
      row({
        Libellé_du_site: 'CHASSENEUIL DU POITOU BP',
        Caractéristique_du_site: 'Bureau de Poste',
        Complément_d_adresse: 'RESIDENCE DU PARC',
        Code_INSEE: '86062',
      }),
      gpContext,
    )!
    expect(shop).toMatchObject({
      kind: 'service_public',
      name: 'Bureau de poste CHASSENEUIL DU POITOU',
      categorySlug: 'services',
      subcategorySlug: 'bureau-de-poste',
      address: '1 RUE DE LA ROCHEFOUCAULT, RESIDENCE DU PARC',
      communeName: 'Chasseneuil-du-Poitou',
    })
    expectNothingClaimed(shop)
  })

  it('resolves a pre-merger INSEE code by the commune outline, and drops other communes', () => {
    const saintCyr = row({
      Caractéristique_du_site: 'Agence postale communale',
      Libellé_du_site: 'SAINT CYR AP',
      Complément_d_adresse: '',
      Code_INSEE: '86219',
      Latitude: '46.718894',
      Longitude: '0.441746',
    })
    expect(mapLaPosteRow(saintCyr, gpContext)).toBeNull()
    const withOutlines = {
      ...gpContext,
      communeAt: communeLocator(inputs.communesGeojson, gpContext.communes),
    }
    expect(mapLaPosteRow(saintCyr, withOutlines)).toMatchObject({
      name: 'Agence postale communale SAINT CYR',
      communeInsee: '86019',
      communeName: 'Beaumont Saint-Cyr',
    })
    // Smarves: inside the territory's bounding box, but not a Grand Poitiers commune.
    expect(
      mapLaPosteRow(
        row({ Code_INSEE: '86263', Latitude: '46.511274', Longitude: '0.349708' }),
        withOutlines,
      ),
    ).toBeNull()
  })
})

describe('OpenStreetMap', () => {
  const pharmacy = (tags: Record<string, unknown>) =>
    point(
      { '@id': 'node/738106216', amenity: 'pharmacy', name: 'Pharmacie Frigot', ...tags },
      [-0.4617587, 46.3246342],
    )

  it('copies opening_hours as tagged and normalises the website', () => {
    const shop = mapOsmFeature(
      pharmacy({
        opening_hours: 'Mo 10:00-19:30; Tu-Fr 09:00-19:30; Sa 09:00-12:30,14:00-19:00',
        phone: '+33549240041',
        website: 'www.pharmacie-niort.com',
        'addr:housenumber': '9',
        'addr:street': 'Boulevard Main',
        'addr:postcode': '79000',
        'addr:city': 'Niort',
      }),
      niortContext,
    )!
    expect(shop).toMatchObject({
      territorySlug: 'niort-agglo',
      kind: 'commercant',
      categorySlug: 'sante',
      subcategorySlug: 'pharmacie',
      openingHours: 'Mo 10:00-19:30; Tu-Fr 09:00-19:30; Sa 09:00-12:30,14:00-19:00',
      openingHoursNote: null,
      phone: '+33549240041',
      website: 'http://www.pharmacie-niort.com',
      address: '9 Boulevard Main',
      postcode: '79000',
      communeInsee: '79191',
      communeName: 'Niort',
      source: 'osm',
      sourceRef: 'node/738106216',
      sourceAttribution: '© OpenStreetMap contributors',
    })
    expectNothingClaimed(shop)
  })

  it('leaves opening_hours empty when the tag is absent', () => {
    expect(mapOsmFeature(pharmacy({}), niortContext)?.openingHours).toBeNull()
  })

  it('drops unnamed places and features that are not pharmacies or cinemas', () => {
    expect(mapOsmFeature(pharmacy({ name: undefined }), niortContext)).toBeNull()
    expect(mapOsmFeature(pharmacy({ amenity: 'recycling' }), niortContext)).toBeNull()
  })

  it('places a building outline at its ring centroid', () => {
    const square = {
      type: 'Feature' as const,
      properties: { '@id': 'way/1', amenity: 'cinema', name: 'Cinéma' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [-0.46, 46.32],
            [-0.458, 46.32],
            [-0.458, 46.322],
            [-0.46, 46.322],
            [-0.46, 46.32],
          ],
        ],
      },
    }
    const shop = mapOsmFeature(square, niortContext)!
    expect(shop.location[0]).toBeCloseTo(-0.459, 9)
    expect(shop.location[1]).toBeCloseTo(46.321, 9)
    expect(shop.subcategorySlug).toBe('cinema')
  })

  it('keeps the node when a place is mapped twice nearby', () => {
    const node = mapOsmFeature(
      point(
        { '@id': 'node/2', amenity: 'pharmacy', name: 'Pharmacie du Géant' },
        [-0.38361, 46.34072],
      ),
      niortContext,
    )!
    const way = {
      ...node,
      sourceRef: 'way/1',
      name: 'Pharmacie du Geant',
      location: [-0.38372, 46.34108] as [number, number],
    }
    const far = { ...node, sourceRef: 'node/3', location: [-0.4, 46.34] as [number, number] }
    const { kept, dropped } = dropDuplicatePlaces([way, node, far])
    expect(kept.map((s) => s.sourceRef)).toEqual(['node/2', 'node/3'])
    expect(dropped.map((s) => s.sourceRef)).toEqual(['way/1'])
  })
})
