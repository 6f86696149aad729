import { boundsContain, representativePoint, type Position } from './geo'
import type { Feature } from './inputs'
import {
  cleanLine,
  cleanText,
  fitLength,
  normalizeEmail,
  normalizePhone,
  normalizePostcode,
  normalizeWebsite,
} from './normalize'
import { realPlace, type SeedShop, type ShopKind } from './shop'
import type { SeedCommune, SeedTerritory } from './territories'

export const EQUIPEMENTS_ATTRIBUTION =
  'Grand Poitiers Open Data – Équipements publics, mise à jour 2015'
export const EQUIPEMENTS_REF_PREFIX = 'equipements-publics-2015:'

interface Selection {
  kind: ShopKind
  categorySlug: string
  subcategorySlug: string
}

/**
 * The (Thème, Sous_thème) pairs taken from the 649 public facilities, and what they become.
 * Selected: places a visitor walks into to get food or culture —
 *   ENVIRONNEMENT/MARCHE (17 markets), CULTURE/BIBLIOTHEQUE (11), CULTURE/MEDIATHEQUE (9, one of
 *   them the city's ludothèque), CULTURE/CINEMA (2), CULTURE/THEATRE (3), CULTURE/GALERIE (3),
 *   CULTURE/MUSEE (1), SOCIAL/EPICERIE_SOCIALE (7).
 * Left out: CULTURE/CONSERVATOIRE (music schools, by enrolment), CULTURE/SOCIO_CULTUREL (community
 * centres and halls for hire; their hours are those of events, not of a venue), and every other
 * theme (town halls, schools, sports grounds, toilets, parks...), which are not shops.
 * Every non-market place is `service_public`: the file is a register of public facilities and
 * says nothing commercial about any of them (even the cinemas, one of them run by the commune).
 */
const SELECTED: Record<string, Selection> = {
  'ENVIRONNEMENT/MARCHE': {
    kind: 'marche',
    categorySlug: 'alimentation',
    subcategorySlug: 'marche',
  },
  'CULTURE/BIBLIOTHEQUE': {
    kind: 'service_public',
    categorySlug: 'culture',
    subcategorySlug: 'bibliotheque',
  },
  'CULTURE/MEDIATHEQUE': {
    kind: 'service_public',
    categorySlug: 'culture',
    subcategorySlug: 'bibliotheque',
  },
  'CULTURE/CINEMA': { kind: 'service_public', categorySlug: 'culture', subcategorySlug: 'cinema' },
  'CULTURE/THEATRE': {
    kind: 'service_public',
    categorySlug: 'culture',
    subcategorySlug: 'theatre',
  },
  'CULTURE/GALERIE': {
    kind: 'service_public',
    categorySlug: 'culture',
    subcategorySlug: 'galerie',
  },
  'CULTURE/MUSEE': { kind: 'service_public', categorySlug: 'culture', subcategorySlug: 'musee' },
  'SOCIAL/EPICERIE_SOCIALE': {
    kind: 'service_public',
    categorySlug: 'alimentation',
    subcategorySlug: 'epicerie-sociale',
  },
}

/** What a facility becomes, or null when it is not one of the selected kinds of place. */
export function selectEquipement(properties: Record<string, unknown>): Selection | null {
  const selection = SELECTED[`${properties['Thème']}/${properties['Sous_thème']}`]
  if (!selection) return null
  // The city files its toy library under MEDIATHEQUE; it lends games, not books.
  if (
    selection.subcategorySlug === 'bibliotheque' &&
    /LUDOTHEQUE/i.test(String(properties['Nom_de_l_équipement']))
  ) {
    return { ...selection, categorySlug: 'jeux-et-jouets', subcategorySlug: 'ludotheque' }
  }
  return selection
}

export interface PlaceContext {
  territory: SeedTerritory
  /** The territory's communes by INSEE code: a place outside them is not the territory's. */
  communes: ReadonlyMap<string, SeedCommune>
  /** The commune whose outline holds a point, when the territory has outlines. */
  communeAt?: (point: Position) => SeedCommune | undefined
  /** A commune's representative point (from its outline), when the territory has outlines. */
  communeCentre?: (inseeCode: string) => Position | undefined
}

export function mapEquipement(feature: Feature, context: PlaceContext): SeedShop | null {
  const p = feature.properties
  const selection = selectEquipement(p)
  if (!selection) return null
  const location = representativePoint(feature.geometry)
  const insee = cleanLine(p.code_insee)
  const commune = insee ? context.communes.get(insee) : undefined
  if (!location || !commune || !boundsContain(context.territory.bounds, location)) return null
  const name = fitLength(cleanLine(p['Nom_de_l_équipement']), 120)
  const objectId = p.OBJECTID
  if (!name || typeof objectId !== 'number') return null
  return realPlace({
    territorySlug: context.territory.slug,
    kind: selection.kind,
    name,
    categorySlug: selection.categorySlug,
    subcategorySlug: selection.subcategorySlug,
    description: fitLength(cleanText(p['Informations_complémentaires']), 2000),
    address: fitLength(cleanLine(p.Adresse), 200),
    postcode: normalizePostcode(p.Code_postal),
    communeInsee: commune.inseeCode,
    communeName: commune.name,
    location,
    phone: normalizePhone(p['Téléphone']),
    email: normalizeEmail(p['E-mail']),
    website: normalizeWebsite(p.Site_web),
    // French prose ("Samedis: 7h/14h"): kept word for word, never converted to OSM syntax.
    openingHours: null,
    openingHoursNote: fitLength(cleanText(p.Horaires_d_ouvertures), 1000),
    source: 'open_data',
    // OBJECTID rather than Identifiant_de_l_équipement: the latter repeats (669) and is once empty.
    sourceRef: `${EQUIPEMENTS_REF_PREFIX}${objectId}`,
    sourceAttribution: EQUIPEMENTS_ATTRIBUTION,
  })
}

export function mapEquipements(features: readonly Feature[], context: PlaceContext): SeedShop[] {
  return features
    .map((feature) => mapEquipement(feature, context))
    .filter((shop): shop is SeedShop => shop !== null)
}
