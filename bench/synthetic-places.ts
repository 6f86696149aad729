import type { LonLat, Shop, ShopKind, ShopService, ShopStatus } from '@/backend/types'

/** The moment benchmarks evaluate at: a Wednesday morning, outside any public holiday. */
export const BENCH_NOW = new Date('2026-07-15T10:00:00+02:00')

export const POITIERS_CENTRE: LonLat = { lon: 0.3404, lat: 46.5802 }

/** Grand Poitiers' extent: [west, south, east, north]. */
export const GRAND_POITIERS_BOUNDS = [-0.05, 46.3, 0.78, 46.79] as const

/** Mulberry32: tiny, fast and good enough for test data; the same seed gives the same places. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)]!
}

function weighted<T>(random: () => number, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0)
  let roll = random() * total
  for (const [value, weight] of choices) {
    roll -= weight
    if (roll < 0) return value
  }
  return choices[choices.length - 1]![0]
}

// Real OpenStreetMap values (from supabase/data/opening_hours/osm-real-values.json and the demo
// shops), including holidays, lunch breaks, past-midnight ranges and one unreadable value.
const OPENING_HOURS_POOL = [
  'Mo-Sa 09:00-19:00',
  'Mo-Sa 09:00-12:30,13:45-19:15',
  'Tu-Sa 09:00-12:00, 14:00-19:00; Su 09:30-12:30',
  'Tu-Sa 07:00-19:30; Su 07:00-13:00; PH off',
  'Mo 14:00-19:00; Tu-Sa 10:00-19:00; PH off',
  'Mo-Sa 10:00-12:30,14:00-19:00; PH off',
  'Mo-Fr 11:30-14:30,18:30-22:00; Sa 18:30-22:30',
  'We 16:00-19:00; Sa 09:00-12:30',
  'Mo-Fr 09:00-12:30,14:00-19:00; Sa 09:00-12:30',
  'Mo-Sa 08:00-20:00; Su 08:00-13:00',
  'Mo-Th 11:00-23:00; Fr 11:00-02:00; Sa 18:00-02:00; Su 18:00-23:00',
  'Tu-Fr 12:00-14:00, 18:00-22:00; Sa-Su 18:00-22:00',
  'Mo-Fr 08:30-12:00, 13:00-16:30',
  'Tu-Sa 09:30-12:00, 14:00-18:30',
  'Mo-Su 10:30-24:00',
  'We-Mo 08:00-00:00',
  'Mo 09:00-12:30,13:30-18:00; Tu-Fr 09:00-12:30,13:30-19:00; Sa 09:00-12:30,13:30-18:00',
  'Mo-Fr 09:00-18:00; Sa 09:00-12:00 unknown "sur rendez-vous"',
  'Mo-Wed 8:30-12-30; Mo-Wed 13:30-18:30',
] as const

const CATEGORIES = [
  ['alimentation', 30],
  ['restauration', 18],
  ['services', 14],
  ['mode-et-beaute', 12],
  ['sante', 8],
  ['maison', 8],
  ['culture', 6],
  ['jeux-et-jouets', 4],
] as const

const TRADES: Record<string, readonly string[]> = {
  alimentation: [
    'Boulangerie',
    'Boucherie',
    'Fromagerie',
    'Épicerie',
    'Primeur',
    'Cave',
    'Poissonnerie',
  ],
  restauration: ['Café', 'Restaurant', 'Brasserie', 'Crêperie', 'Pizzeria', 'Salon de thé'],
  services: ['Cordonnerie', 'Pressing', 'Garage', 'Serrurerie', 'Agence', 'Atelier vélo'],
  'mode-et-beaute': ['Salon de coiffure', 'Institut', 'Boutique', 'Mercerie', 'Chaussures'],
  sante: ['Pharmacie', 'Optique', 'Audition', 'Herboristerie'],
  maison: ['Quincaillerie', 'Fleuriste', 'Brocante', 'Décoration', 'Céramique'],
  culture: ['Librairie', 'Disquaire', 'Galerie', 'Papeterie'],
  'jeux-et-jouets': ['Jouets', 'Jeux de société', 'Maquettes'],
}

const NAMES = [
  'du Centre',
  'des Halles',
  'Saint-Hilaire',
  'du Clain',
  'Notre-Dame',
  'Dupont',
  'Martin',
  'Lefèvre',
  'Mélusine',
  'Aliénor',
  'L’Atelier',
  'du Pont-Neuf',
  'de la Gare',
  'Chez Élodie',
  'Les Trois Piliers',
  'Montierneuf',
  'Blossac',
  'Sainte-Radegonde',
] as const

// Commune names are real; the INSEE codes beside them only need to look like codes here.
const COMMUNES = [
  ['86194', 'Poitiers'],
  ['86041', 'Buxerolles'],
  ['86062', 'Chasseneuil-du-Poitou'],
  ['86158', 'Migné-Auxances'],
  ['86214', 'Saint-Benoît'],
  ['86133', 'Ligugé'],
  ['86297', 'Vouneuil-sous-Biard'],
  ['86027', 'Biard'],
  ['86100', 'Fontaine-le-Comte'],
  ['86088', 'Croutelle'],
  ['86115', 'Jaunay-Marigny'],
  ['86070', 'Chauvigny'],
  ['86139', 'Lusignan'],
  ['86293', 'Vivonne'],
  ['86261', 'Sèvres-Anxaumont'],
  ['86157', 'Mignaloux-Beauvoir'],
  ['86163', 'Montamisé'],
  ['86222', 'Saint-Georges-lès-Baillargeaux'],
] as const

const KINDS: readonly (readonly [ShopKind, number])[] = [
  ['commercant', 70],
  ['artisan', 15],
  ['producteur', 8],
  ['marche', 4],
  ['service_public', 3],
]

const SERVICE_ODDS: readonly (readonly [ShopService, number])[] = [
  ['in_store', 0.7],
  ['click_and_collect', 0.25],
  ['gift_cards', 0.2],
  ['delivery', 0.15],
  ['remote_ordering', 0.15],
  ['shipping', 0.1],
  ['visit_by_appointment', 0.08],
]

const STATUSES: readonly (readonly [ShopStatus, number])[] = [
  ['unknown', 60],
  ['open', 25],
  ['closed', 15],
]

const DAY_MS = 24 * 60 * 60 * 1000

function isoDay(time: number): string {
  const date = new Date(time)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** A point around Poitiers' centre (where shops crowd) or anywhere in the territory. */
function location(random: () => number): LonLat {
  const [west, south, east, north] = GRAND_POITIERS_BOUNDS
  if (random() < 0.5) {
    // Box–Muller; about 3 km of spread around the centre.
    const radius = Math.sqrt(-2 * Math.log(1 - random())) * 0.03
    const angle = 2 * Math.PI * random()
    return {
      lon: Math.min(east, Math.max(west, POITIERS_CENTRE.lon + radius * Math.cos(angle) * 1.45)),
      lat: Math.min(north, Math.max(south, POITIERS_CENTRE.lat + radius * Math.sin(angle))),
    }
  }
  return { lon: west + random() * (east - west), lat: south + random() * (north - south) }
}

/** `count` shops with a realistic mix of every field the filters read; same seed, same shops. */
export function syntheticPlaces(count: number, seed = 1): Shop[] {
  const random = seededRandom(seed)
  const now = BENCH_NOW.getTime()
  const shops: Shop[] = []
  for (let i = 0; i < count; i += 1) {
    const categorySlug = weighted(random, CATEGORIES)
    const [communeInsee, communeName] = random() < 0.55 ? COMMUNES[0] : pick(random, COMMUNES)
    const status = weighted(random, STATUSES)
    const updatedAt = status === 'unknown' ? null : now - random() * 20 * DAY_MS
    const closedUntil =
      status === 'closed' && random() < 0.4
        ? isoDay(now + Math.round(random() * 35 - 5) * DAY_MS)
        : null
    const created = new Date(now - 400 * DAY_MS).toISOString()
    shops.push({
      id: `synthetic-${seed}-${i}`,
      territorySlug: 'grand-poitiers',
      locationApproximate: false,
      kind: weighted(random, KINDS),
      name: `${pick(random, TRADES[categorySlug] ?? ['Commerce'])} ${pick(random, NAMES)}`,
      categorySlug,
      subcategorySlug: null,
      description: null,
      address: null,
      postcode: null,
      communeInsee,
      communeName,
      location: location(random),
      phone: null,
      email: null,
      website: null,
      socialLinks: [],
      openingHours: random() < 0.7 ? pick(random, OPENING_HOURS_POOL) : null,
      openingHoursNote: null,
      orderingInstructions: null,
      services: SERVICE_ODDS.filter(([, odds]) => random() < odds).map(([service]) => service),
      status,
      statusMessage: null,
      closedUntil,
      statusUpdatedAt: updatedAt === null ? null : new Date(updatedAt).toISOString(),
      published: true,
      source: 'demo',
      sourceRef: null,
      sourceAttribution: null,
      createdAt: created,
      updatedAt: created,
    })
  }
  return shops
}
