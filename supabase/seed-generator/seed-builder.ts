import { CATEGORIES, SERVICES, SUBCATEGORIES } from './categories'
import {
  DEMO_ACCOUNTS,
  demoCurators,
  demoMemberships,
  demoShops,
  type DemoMembership,
} from './demo-shops'
import { round } from './geo'
import { readSeedInputs, type FeatureCollection, type SeedInputs } from './inputs'
import { mapEquipements, EQUIPEMENTS_ATTRIBUTION, type PlaceContext } from './map-equipements'
import {
  FINESS_ATTRIBUTION,
  FINESS_REF_PREFIX,
  mapFinessRows,
  OSM_FINESS_ATTRIBUTION,
  osmFinessRefs,
  type FinessTerritoryReport,
} from './map-finess'
import { mapLaPosteRows, LAPOSTE_ATTRIBUTION } from './map-laposte'
import { mapOsmFeatures, OSM_ATTRIBUTION } from './map-osm'
import { compareNatural, type SeedShop } from './shop'
import {
  sqlBoolean,
  sqlBox,
  sqlInsert,
  sqlInteger,
  sqlJsonb,
  sqlNullableString,
  sqlPoint,
  sqlString,
  sqlTextArray,
  sqlUuid,
} from './sql'
import {
  collectPostcodes,
  communeCentres,
  communeLocator,
  grandPoitiersCommunes,
  grandPoitiersTerritory,
  niortCommunes,
  niortTerritory,
  type SeedCommune,
  type SeedTerritory,
} from './territories'

/** Everything seed.sql holds, before rendering; the tests inspect it directly. */
export interface SeedModel {
  territories: SeedTerritory[]
  communes: SeedCommune[]
  equipements: SeedShop[]
  laposte: SeedShop[]
  /** OSM places; a pharmacy found in the FINESS register carries its address and phone. */
  osm: SeedShop[]
  /** OSM features left out, with why, for the report at the end of seed.sql. */
  osmLeftOut: { ref: string; reason: string }[]
  /** FINESS pharmacies not mapped in OSM, each territory in turn. */
  finess: SeedShop[]
  /** What the FINESS register gave each territory. */
  finessReports: FinessTerritoryReport[]
  demo: SeedShop[]
  memberships: DemoMembership[]
  curators: { territorySlug: string; userId: string }[]
}

export function buildSeedModel(inputs: SeedInputs): SeedModel {
  const grandPoitiers = grandPoitiersTerritory(inputs.epciGeojson)
  const niort = niortTerritory(inputs.niortOsm)

  // Commune postcodes come from the La Poste points only, once each point is placed in its current
  // commune. The équipements file adds nothing right: its only codes La Poste lacks are CEDEX
  // codes (86006, 86960...), INSEE codes typed as postcodes (86133, 86297) and codes of the
  // neighbouring commune.
  const gpCommunesWithoutPostcodes = grandPoitiersCommunes(inputs.communesCsv, new Map())
  const locate = communeLocator(
    inputs.communesGeojson,
    new Map(gpCommunesWithoutPostcodes.map((c) => [c.inseeCode, c])),
  )
  const gpCodes = new Set(gpCommunesWithoutPostcodes.map((c) => c.inseeCode))
  const postcodes = collectPostcodes(
    inputs.laposte.map((row) => {
      const point: [number, number] = [Number(row.Longitude), Number(row.Latitude)]
      const insee = gpCodes.has(row.Code_INSEE ?? '') ? row.Code_INSEE : locate(point)?.inseeCode
      return { insee, postcode: row.Code_postal }
    }),
  )
  const gpCommunes = grandPoitiersCommunes(inputs.communesCsv, postcodes)
  const niortPostcodes = inputs.niortOsm.features
    .filter(
      (f) =>
        f.properties['addr:city'] === 'Niort' && typeof f.properties['addr:postcode'] === 'string',
    )
    .map((f) => f.properties['addr:postcode'] as string)
  const nCommunes = niortCommunes(niortPostcodes)

  const gpCommunesByCode = new Map(gpCommunes.map((c) => [c.inseeCode, c]))
  const gpContext: PlaceContext = {
    territory: grandPoitiers,
    communes: gpCommunesByCode,
    communeAt: communeLocator(inputs.communesGeojson, gpCommunesByCode),
    communeCentre: communeCentres(inputs.communesGeojson, gpCommunesByCode),
  }
  const niortContext: PlaceContext = {
    territory: niort,
    communes: new Map(nCommunes.map((c) => [c.inseeCode, c])),
  }
  const bySourceRef = (a: SeedShop, b: SeedShop) => compareNatural(a.sourceRef, b.sourceRef)

  const osm = mapOsmFeatures(inputs.niortOsm.features, niortContext)
  // Every pharmacy of the register in each territory's communes; in Niort, merged into the OSM
  // pharmacy that carries its FINESS number.
  const gpFiness = mapFinessRows(inputs.finess, gpContext)
  const niortFiness = mapFinessRows(inputs.finess, niortContext, {
    shops: osm.kept,
    refs: osmFinessRefs(inputs.niortOsm.features),
  })
  return {
    territories: [grandPoitiers, niort],
    communes: [...gpCommunes, ...nCommunes],
    equipements: mapEquipements(inputs.equipements.features, gpContext).sort(bySourceRef),
    laposte: mapLaPosteRows(inputs.laposte, gpContext).sort(bySourceRef),
    osm: niortFiness.osm,
    osmLeftOut: [
      ...osm.unnamed.map((ref) => ({ ref, reason: 'no name tag' })),
      ...osm.dropped.map((shop) => ({
        ref: shop.sourceRef,
        reason: `second mapping of "${shop.name}"`,
      })),
    ],
    finess: [...gpFiness.added, ...niortFiness.added],
    finessReports: [gpFiness.report, niortFiness.report],
    demo: demoShops(),
    memberships: demoMemberships(),
    curators: demoCurators(),
  }
}

const SHOP_COLUMNS = [
  'id',
  'territory_slug',
  'kind',
  'name',
  'category_slug',
  'subcategory_slug',
  'description',
  'address',
  'postcode',
  'commune_insee',
  'commune_name',
  'location',
  'location_approximate',
  'phone',
  'email',
  'website',
  'opening_hours',
  'opening_hours_note',
  'ordering_instructions',
  'services',
  'status',
  'status_message',
  'closed_until',
  'published',
  'source',
  'source_ref',
  'source_attribution',
] as const

function shopValues(shop: SeedShop): string[] {
  return [
    sqlUuid(shop.id),
    sqlString(shop.territorySlug),
    sqlString(shop.kind),
    sqlString(shop.name),
    sqlString(shop.categorySlug),
    sqlNullableString(shop.subcategorySlug),
    sqlNullableString(shop.description),
    sqlNullableString(shop.address),
    sqlNullableString(shop.postcode),
    sqlNullableString(shop.communeInsee),
    sqlNullableString(shop.communeName),
    sqlPoint(shop.location[0], shop.location[1]),
    sqlBoolean(shop.locationApproximate),
    sqlNullableString(shop.phone),
    sqlNullableString(shop.email),
    sqlNullableString(shop.website),
    sqlNullableString(shop.openingHours),
    sqlNullableString(shop.openingHoursNote),
    sqlNullableString(shop.orderingInstructions),
    `${sqlTextArray(shop.services)}::public.shop_service[]`,
    sqlString(shop.status),
    sqlNullableString(shop.statusMessage),
    shop.closedUntilDaysAfterSeeding === null
      ? 'null'
      : `current_date + ${sqlInteger(shop.closedUntilDaysAfterSeeding)}`,
    sqlBoolean(shop.published),
    sqlString(shop.source),
    sqlString(shop.sourceRef),
    sqlNullableString(shop.sourceAttribution),
  ]
}

function insertShops(shops: readonly SeedShop[]): string {
  return sqlInsert('public.shops', SHOP_COLUMNS, shops.map(shopValues))
}

function countBy<T>(items: readonly T[], key: (item: T) => string): string {
  const counts = new Map<string, number>()
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1)
  return [...counts.entries()]
    .sort(([a], [b]) => compareNatural(a, b))
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')
}

/**
 * The database allows the same (source, source_ref) in two territories (each has its own place
 * for it), but a seed shop's id is derived from (source, source_ref) alone (ids.ts: fixed, so
 * that re-seeding keeps every id). Two seed places sharing a key would share an id: refuse them
 * here, by name, rather than let the seed fail on the primary key.
 */
export function assertUniqueSeedKeys(shops: readonly SeedShop[]): void {
  const seen = new Map<string, SeedShop>()
  for (const shop of shops) {
    const key = `${shop.source}:${shop.sourceRef}`
    const first = seen.get(key)
    if (first)
      throw new Error(
        `Two seed places share the key ${key} (${first.territorySlug}: "${first.name}", ` +
          `${shop.territorySlug}: "${shop.name}"); seed ids derive from the key, keep one.`,
      )
    seen.set(key, shop)
  }
}

export function renderSeedSql(model: SeedModel): string {
  const allShops = [
    ...model.equipements,
    ...model.laposte,
    ...model.osm,
    ...model.finess,
    ...model.demo,
  ]
  assertUniqueSeedKeys(allShops)
  const sum = (pick: (r: FinessTerritoryReport) => number) =>
    model.finessReports.reduce((total, r) => total + pick(r), 0)
  const joined = sum((r) => r.joinedWithOsm)
  const approximate = sum((r) => r.approximate)
  const atCommune = sum((r) => r.placedAtCommune)
  const unplaced = model.finessReports.flatMap((r) => r.unplaced).join(', ') || 'none'
  const finessByTerritory = model.finessReports
    .map(
      (r) =>
        `${r.territorySlug}: ${r.registerRows} register rows, ${r.added} added, ` +
        `${r.joinedWithOsm} joined with OSM`,
    )
    .join('; ')
  const parts: string[] = []
  parts.push(`-- Vitrine seed data. GENERATED by supabase/seed-generator (npm run seed): do not edit.
-- Built from the public data files in supabase/data (sources, licences and changes in
-- supabase/data/PROVENANCE.md) plus clearly fictional demo accounts and shops.
-- Data only: runs after the migrations, as the database owner.

begin;
`)

  parts.push('-- Territories')
  for (const t of model.territories) parts.push(`-- ${t.slug}: bounds = ${t.note}`)
  parts.push(
    sqlInsert(
      'public.territories',
      ['slug', 'name', 'centre', 'bounds', 'sort_order'],
      model.territories.map((t) => [
        sqlString(t.slug),
        sqlString(t.name),
        sqlPoint(t.centre[0], t.centre[1]),
        sqlBox(t.bounds),
        sqlInteger(t.sortOrder),
      ]),
    ),
  )

  parts.push(`-- Communes: the 40 members of the CU du Grand Poitiers (DGCL BANATIC 2025, populations
-- légales INSEE; postcodes from the La Poste points located in each commune, '{}' where La Poste
-- has none), and Niort (postcode from OSM addresses; no population file for it).`)
  parts.push(
    sqlInsert(
      'public.communes',
      ['insee_code', 'territory_slug', 'name', 'postcodes', 'population'],
      model.communes.map((c) => [
        sqlString(c.inseeCode),
        sqlString(c.territorySlug),
        sqlString(c.name),
        sqlTextArray(c.postcodes),
        sqlInteger(c.population),
      ]),
    ),
  )

  parts.push('-- Categories, subcategories (with the OSM tags that map to them) and service labels')
  parts.push(
    sqlInsert(
      'public.categories',
      ['slug', 'name_fr', 'name_en', 'sort_order'],
      CATEGORIES.map((c, i) => [
        sqlString(c.slug),
        sqlString(c.nameFr),
        sqlString(c.nameEn),
        sqlInteger(i + 1),
      ]),
    ),
  )
  parts.push(
    sqlInsert(
      'public.subcategories',
      ['slug', 'category_slug', 'name_fr', 'name_en', 'osm_tags', 'sort_order'],
      SUBCATEGORIES.map((s) => [
        sqlString(s.slug),
        sqlString(s.categorySlug),
        sqlString(s.nameFr),
        sqlString(s.nameEn),
        sqlTextArray(s.osmTags),
        sqlInteger(SUBCATEGORIES.filter((o) => o.categorySlug === s.categorySlug).indexOf(s) + 1),
      ]),
    ),
  )
  parts.push(
    sqlInsert(
      'public.services',
      ['code', 'name_fr', 'name_en', 'sort_order'],
      SERVICES.map((s, i) => [
        sqlString(s.code),
        sqlString(s.nameFr),
        sqlString(s.nameEn),
        sqlInteger(i + 1),
      ]),
    ),
  )

  parts.push(`-- Demo accounts (fictional; @demo.vitrine.test never receives mail). Only the columns that
-- exist both in Supabase's auth.users and in the local stand-in.`)
  parts.push(
    sqlInsert(
      'auth.users',
      [
        'instance_id',
        'id',
        'aud',
        'role',
        'email',
        'email_confirmed_at',
        'raw_app_meta_data',
        'raw_user_meta_data',
        'created_at',
        'updated_at',
      ],
      DEMO_ACCOUNTS.map((a) => [
        sqlUuid('00000000-0000-0000-0000-000000000000'),
        sqlUuid(a.userId),
        sqlString('authenticated'),
        sqlString('authenticated'),
        sqlString(a.email),
        'now()',
        sqlJsonb({ provider: 'email', providers: ['email'] }),
        sqlJsonb({ display_name: a.displayName }),
        'now()',
        'now()',
      ]),
    ),
  )

  parts.push(`-- Real places. Published, status 'unknown' and no services: the sources say nothing about
-- whether a place is open now or what it offers, so nothing is claimed.

-- Grand Poitiers Open Data, Équipements publics (2015), Licence Ouverte: ${model.equipements.length} places.
-- Selected by (Thème, Sous_thème): ENVIRONNEMENT/MARCHE -> marche; CULTURE/BIBLIOTHEQUE and
-- CULTURE/MEDIATHEQUE -> bibliotheque (the LUDOTHEQUE -> jeux-et-jouets/ludotheque); CULTURE/CINEMA,
-- CULTURE/THEATRE, CULTURE/GALERIE, CULTURE/MUSEE; SOCIAL/EPICERIE_SOCIALE -> epicerie-sociale.
-- Left out: CONSERVATOIRE, SOCIO_CULTUREL and every non-shop theme. Free-text hours are kept as
-- written in opening_hours_note. source_ref = OBJECTID.
-- Attribution: ${EQUIPEMENTS_ATTRIBUTION}`)
  parts.push(insertShops(model.equipements))

  parts.push(`-- La Poste, points de contact du réseau postal (2016), Licence Ouverte: ${model.laposte.length} places,
-- the rows whose Code_INSEE is a Grand Poitiers commune, plus the two rows whose pre-2017 code
-- (86219 Saint-Cyr, 86146 Marigny-Brizay) lies in a commune since merged into a Grand Poitiers one
-- (resolved by the commune outlines). Positions are La Poste's own geocoding (Latitude/Longitude).
-- The phone column only holds 3631 (La Poste's national short number): dropped.
-- A relais poste is named after its shop (Complément_d_adresse, as published).
-- Attribution: ${LAPOSTE_ATTRIBUTION}`)
  parts.push(insertShops(model.laposte))

  parts.push(`-- OpenStreetMap, Niort overpass export (2019-02), ODbL: ${model.osm.length} places (amenity=pharmacy,
-- amenity=cinema). Building outlines are placed at their ring centroid; opening_hours copied as tagged.
-- Left out: ${model.osmLeftOut.map((o) => `${o.ref} (${o.reason})`).join('; ') || 'none'}.
-- ${joined} pharmacies whose ref:FR:FINESS is a row of the FINESS register (below) in the territory's
-- communes are one place with it: OSM's key, name, position and opening_hours, the register's
-- address, postcode, commune and phone (OSM's phone where the register has none).
-- Attribution: ${OSM_ATTRIBUTION} (the joined pharmacies: ${OSM_FINESS_ATTRIBUTION})`)
  parts.push(insertShops(model.osm))

  parts.push(`-- FINESS, pharmacies (catégorie 620) of the Vienne and the Deux-Sèvres, extract of 2026-10-05,
-- Licence Ouverte 2.0: every row whose citycode is a commune of a territory; ${model.finess.length} places
-- (${finessByTerritory}).
-- Name as registered (blanks folded); address = the street part of the register's
-- "street, postcode COMMUNE"; commune name from the communes above. No hours, no services: the
-- register has none. Positions are the register's BAN geocoding; location_approximate where the
-- register calls it approximate (${approximate}) or has no position (placed at the commune's point
-- from its outline: ${atCommune}; without an outline, left out: ${unplaced}).
-- source = 'open_data', source_ref = '${FINESS_REF_PREFIX}<finess_id>'.
-- Attribution: ${FINESS_ATTRIBUTION}`)
  parts.push(insertShops(model.finess))

  parts.push(`-- Demo shops: fictional, named "Démo — ...", source 'demo'. Together they cover every service,
-- every status (closed_until is relative to the day of seeding) and one unpublished shop.`)
  parts.push(insertShops(model.demo))

  parts.push('-- Demo merchants own their demo shops; demo curators curate one territory each.')
  parts.push(
    sqlInsert(
      'public.shop_members',
      ['shop_id', 'user_id', 'role'],
      model.memberships.map((m) => [sqlUuid(m.shopId), sqlUuid(m.userId), sqlString(m.role)]),
    ),
  )
  parts.push(
    sqlInsert(
      'public.territory_curators',
      ['territory_slug', 'user_id'],
      model.curators.map((c) => [sqlString(c.territorySlug), sqlUuid(c.userId)]),
    ),
  )

  parts.push('commit;\n')
  parts.push(`-- Counts
--   territories: ${model.territories.length}; communes: ${model.communes.length} (${countBy(model.communes, (c) => c.territorySlug)})
--   categories: ${CATEGORIES.length}; subcategories: ${SUBCATEGORIES.length}; services: ${SERVICES.length}
--   auth.users: ${DEMO_ACCOUNTS.length}; shop_members: ${model.memberships.length}; territory_curators: ${model.curators.length}
--   shops: ${allShops.length}
--     by source: ${countBy(allShops, (s) => s.source)}
--     by dataset: equipements-publics-2015 ${model.equipements.length}, laposte-2016 ${model.laposte.length}, osm-niort-2019 ${model.osm.length} (${joined} joined with FINESS), finess-2026 ${model.finess.length}, demo ${model.demo.length}
--     location_approximate: ${allShops.filter((s) => s.locationApproximate).length}
--     by kind: ${countBy(allShops, (s) => s.kind)}
--     by territory: ${countBy(allShops, (s) => s.territorySlug)}
--     by category: ${countBy(allShops, (s) => s.categorySlug)}
--     unpublished: ${allShops.filter((s) => !s.published).length}
`)
  return parts.join('\n')
}

/** The communes outline the offline map draws: 5 decimals (about 1 m), code and name only. */
export function renderCommunesGeojson(communes: FeatureCollection): string {
  const roundDeep = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(roundDeep)
      : typeof value === 'number'
        ? round(value, 5)
        : value
  const features = communes.features.map((f) =>
    JSON.stringify({
      type: 'Feature',
      properties: { code_insee: f.properties.code_insee, nom: f.properties.nom },
      geometry: { type: f.geometry.type, coordinates: roundDeep(f.geometry.coordinates) },
    }),
  )
  return `{"type":"FeatureCollection","features":[\n${features.join(',\n')}\n]}\n`
}

export interface SeedOutput {
  sql: string
  communesGeojson: string
  model: SeedModel
}

export function buildSeed(dataDir: string): SeedOutput {
  const inputs = readSeedInputs(dataDir)
  const model = buildSeedModel(inputs)
  return {
    sql: renderSeedSql(model),
    communesGeojson: renderCommunesGeojson(inputs.communesGeojson),
    model,
  }
}
