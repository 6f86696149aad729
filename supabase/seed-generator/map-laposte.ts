import { boundsContain, type Position } from './geo'
import type { PlaceContext } from './map-equipements'
import { cleanLine, fitLength, normalizePhone, normalizePostcode } from './normalize'
import { realPlace, type SeedShop, type ShopKind } from './shop'

export const LAPOSTE_ATTRIBUTION = 'La Poste – points de contact du réseau postal (2016)'
export const LAPOSTE_REF_PREFIX = 'laposte-points-de-contact-2016:'

const BUREAU = 'Bureau de Poste'
const AGENCE = 'Agence postale communale'
const RELAIS = 'Relais poste commerçant'

interface Classification {
  kind: ShopKind
  categorySlug: string
  subcategorySlug: string
}

/**
 * A relais poste is an ordinary shop. Its category is read from the shop name only when the name
 * says it outright; otherwise it stays a postal service point, which is all La Poste tells us.
 */
export function classifyRelaisShop(shopName: string | null): Classification {
  const name = (shopName ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
  if (/\b(BOULANGER|PATISSER)/.test(name)) {
    return { kind: 'commercant', categorySlug: 'alimentation', subcategorySlug: 'boulangerie' }
  }
  if (/\b(TABAC|PRESSE|JOURNAUX)\b/.test(name)) {
    return { kind: 'commercant', categorySlug: 'services', subcategorySlug: 'tabac-presse' }
  }
  if (/\b(SPAR|VIVAL|EPICERIE|SUPERETTE|SUPERMARCHE|PROXI|COCCINELLE|CARREFOUR)\b/.test(name)) {
    return { kind: 'commercant', categorySlug: 'alimentation', subcategorySlug: 'epicerie' }
  }
  return { kind: 'commercant', categorySlug: 'services', subcategorySlug: 'relais-poste' }
}

/** La Poste suffixes its site labels with the type (BP, AP, RP); the name states the type. */
function siteLabel(label: string | null, suffix: string): string {
  return (label ?? '').replace(new RegExp(`\\s+${suffix}$`), '').trim()
}

function coordinate(value: string | undefined): number | null {
  const text = cleanLine(value)
  if (text === null) return null
  const number = Number(text.replace(',', '.'))
  return Number.isFinite(number) ? number : null
}

export function mapLaPosteRow(row: Record<string, string>, context: PlaceContext): SeedShop | null {
  const lat = coordinate(row.Latitude)
  const lon = coordinate(row.Longitude)
  const id = cleanLine(row.Identifiant_du_site)
  if (lat === null || lon === null || !id) return null
  const location: Position = [lon, lat]
  if (!boundsContain(context.territory.bounds, location)) return null
  const insee = cleanLine(row.Code_INSEE)
  // The 2016 file predates the 2017 mergers (Saint-Cyr into Beaumont Saint-Cyr, Marigny-Brizay
  // into Jaunay-Marigny): an unknown code is resolved by the commune outline holding the point.
  const commune = (insee ? context.communes.get(insee) : undefined) ?? context.communeAt?.(location)
  if (!commune) return null

  const type = cleanLine(row['Caractéristique_du_site'])
  const label = cleanLine(row['Libellé_du_site'])
  const complement = cleanLine(row['Complément_d_adresse'])
  let classification: Classification
  let name: string
  let description: string | null = null
  // For a relais the complement is the shop's name (as La Poste published it), not an address.
  let addressComplement = complement
  if (type === BUREAU) {
    classification = {
      kind: 'service_public',
      categorySlug: 'services',
      subcategorySlug: 'bureau-de-poste',
    }
    name = `Bureau de poste ${siteLabel(label, 'BP')}`
  } else if (type === AGENCE) {
    classification = {
      kind: 'service_public',
      categorySlug: 'services',
      subcategorySlug: 'agence-postale',
    }
    name = `Agence postale communale ${siteLabel(label, 'AP')}`
  } else if (type === RELAIS) {
    classification = classifyRelaisShop(complement)
    name = complement ?? `Relais poste ${siteLabel(label, 'RP')}`
    description = 'Relais poste commerçant (point de contact La Poste).'
    addressComplement = null
  } else {
    return null
  }
  const address = [cleanLine(row.Adresse), addressComplement, cleanLine(row.Lieu_dit)]
    .filter((part): part is string => part !== null)
    .join(', ')

  return realPlace({
    territorySlug: context.territory.slug,
    ...classification,
    name: fitLength(name.trim(), 120)!,
    description,
    address: fitLength(address || null, 200),
    postcode: normalizePostcode(row.Code_postal),
    communeInsee: commune.inseeCode,
    communeName: commune.name,
    location,
    // The file only carries 3631, La Poste's national short number: not the place's own line,
    // and too short for the schema; normalizePhone drops it.
    phone: normalizePhone(row['Numéro_de_téléphone']),
    email: null,
    website: null,
    openingHours: null,
    openingHoursNote: null,
    source: 'open_data',
    sourceRef: `${LAPOSTE_REF_PREFIX}${id}`,
    sourceAttribution: LAPOSTE_ATTRIBUTION,
  })
}

export function mapLaPosteRows(
  rows: readonly Record<string, string>[],
  context: PlaceContext,
): SeedShop[] {
  return rows
    .map((row) => mapLaPosteRow(row, context))
    .filter((shop): shop is SeedShop => shop !== null)
}
