import KDBush from 'kdbush'
import { SHOP_SERVICES, type Shop, type ShopService } from '@/backend/types'
import {
  chordSquaredToKm,
  kmToChordSquared,
  radiusBounds,
  RADIUS_TOLERANCE_KM,
  unitVector,
} from './distance'
import { searchWords } from '@/shop/normalize-text'
import { parseOpeningHoursIfLoaded, type OpeningHoursEvaluator } from '@/shop/opening-hours'
import { hasLocation, searchText, type PlaceFilters } from './place-filters'
import {
  merchantOpenNowState,
  merchantStatusTrustedUntil,
  NOTHING_KNOWN,
  type OpenNowState,
} from '@/shop/shop-status'

export interface PlaceMatch {
  readonly shop: Shop
  /** From the filters' origin; `null` without an origin or for a shop without a location. */
  readonly distanceKm: number | null
  readonly openNow: OpenNowState
}

/** What {@link filterPlaces} needs, computed once per list of shops. */
export interface PlaceIndex {
  readonly shops: readonly Shop[]
}

// Module-local copies: hot loops then read a constant, not an imported binding (which Vitest's
// module runner turns into a getter, skewing benchmarks).
const NONE = NOTHING_KNOWN
const chordToKm = chordSquaredToKm

const SERVICE_BITS = new Map<ShopService, number>(
  SHOP_SERVICES.map((service, bit) => [service, 1 << bit]),
)
const DAY_MS = 24 * 60 * 60 * 1000
// Up to this many survivors, insertion sort beats the radix sort's fixed cost.
const SMALL_SORT = 256
// Below one survivor in this many places, sorting their ranks beats sweeping every rank.
const FEW_SURVIVORS = 20
const RADIX_BITS = 11
const RADIX_SIZE = 1 << RADIX_BITS
const RADIX_MASK = RADIX_SIZE - 1
// Quantised distances use every 32-bit key but the last, which is kept for "no location".
const MAX_KEY = 0xfffffffe
const NO_LOCATION_KEY = 0xffffffff

const collator = new Intl.Collator('fr')

/** Six bits for a pair of characters: a 64-bit signature of the pairs a text contains. */
function pairBit(a: number, b: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77)) >>> 26
}

/**
 * Sets in `out` the signature bits of every pair of adjacent characters of `text` that belong to
 * one word. A word can only be in a text whose signature holds all of the word's bits, which
 * rules out most texts for the price of two integer tests instead of a substring search.
 */
function pairSignature(text: string, out: Uint32Array, at: number): void {
  let low = 0
  let high = 0
  for (let k = 1; k < text.length; k += 1) {
    const a = text.charCodeAt(k - 1)
    const b = text.charCodeAt(k)
    if (a === 32 || a === 10 || b === 32 || b === 10) continue
    const bit = pairBit(a, b)
    if (bit < 32) low |= 1 << bit
    else high |= 1 << (bit - 32)
  }
  out[at] = low >>> 0
  out[at + 1] = high >>> 0
}

function idFor(ids: Map<string, number>, value: string): number {
  let id = ids.get(value)
  if (id === undefined) {
    id = ids.size
    ids.set(value, id)
  }
  return id
}

/**
 * Places are stored by "position": located places in the spatial tree's order, then the others.
 * A radius query then reads memory that lies close together instead of scattered over
 * megabytes, which costs more than all of its arithmetic. Name order is a separate ranking, and
 * per-result caches are kept by rank so that the alphabetical list is also read in order.
 */
class IndexData implements PlaceIndex {
  readonly shops: readonly Shop[]
  readonly size: number
  readonly locatedCount: number
  /** Over the located places, added by position: item ids are positions. */
  readonly spatial: KDBush | null
  /** The shop of each rank in name order (French collation, ties in input order). */
  readonly byName: Shop[]
  /** Each position's rank in name order. */
  readonly nameRank: Uint32Array
  /** Folded name and commune, so that queries never fold a name again. */
  readonly searchText: string[]
  /** Two 32-bit words per place, see {@link pairSignature}. */
  readonly searchPairs: Uint32Array
  /** Services (bits 0–7), kind id (8–15) and category id (16–31): one read for three filters. */
  readonly facets: Uint32Array
  readonly categoryIds = new Map<string, number>()
  readonly kindIds = new Map<string, number>()
  /**
   * Per place: its unit vector's x, y, z (see {@link unitVector}) and the last moment the
   * merchant's status is believed, side by side since a radius query needs them together.
   */
  readonly geo: Float64Array
  readonly merchantState: OpenNowState[]
  /** Index into `evaluators`, or -1 without readable hours. */
  readonly hoursId: Int32Array
  readonly evaluators: OpeningHoursEvaluator[] = []
  // The hours' answer only changes at its next change, so it is kept between calls for as long
  // as it holds: [validFrom, validUntil).
  readonly hoursValidFrom: Float64Array
  readonly hoursValidUntil: Float64Array
  readonly hoursState: OpenNowState[]
  // Per-call scratch, reused so that a filter change allocates little more than its result.
  readonly survivors: Uint32Array
  readonly distance: Float64Array
  readonly state: OpenNowState[]
  readonly stateByRank: OpenNowState[]
  readonly rankMarks: Uint8Array
  // The last entry made for each rank, reused while its distance and state are unchanged, with
  // copies of both so that checking needs no visit to the entry itself.
  readonly entries: (PlaceMatch | undefined)[]
  readonly entryDistance: Float64Array
  readonly entryState: (OpenNowState | undefined)[]
  #radix: {
    keys: Uint32Array
    keysOut: Uint32Array
    positionsOut: Uint32Array
    counts: Uint32Array
  } | null = null

  constructor(shops: readonly Shop[]) {
    const n = shops.length
    this.shops = shops
    this.size = n

    const locatedInput: number[] = []
    const unlocatedInput: number[] = []
    for (let i = 0; i < n; i += 1) (hasLocation(shops[i]!) ? locatedInput : unlocatedInput).push(i)
    this.locatedCount = locatedInput.length
    // A first tree only to learn its order; the tree kept is built on positions in that order.
    let layout = unlocatedInput
    if (locatedInput.length > 0) {
      const draft = new KDBush(locatedInput.length, 64, Float64Array)
      for (const i of locatedInput) draft.add(shops[i]!.location.lon, shops[i]!.location.lat)
      draft.finish()
      layout = Array.from(draft.ids, (id) => locatedInput[id]!).concat(unlocatedInput)
    }
    const shopAt = layout.map((i) => shops[i]!)
    if (this.locatedCount > 0) {
      const spatial = new KDBush(this.locatedCount, 64, Float64Array)
      for (let p = 0; p < this.locatedCount; p += 1)
        spatial.add(shopAt[p]!.location.lon, shopAt[p]!.location.lat)
      this.spatial = spatial.finish()
    } else {
      this.spatial = null
    }

    const byName = Array.from({ length: n }, (_, p) => p)
    byName.sort(
      (a, b) => collator.compare(shopAt[a]!.name, shopAt[b]!.name) || layout[a]! - layout[b]!,
    )
    this.byName = byName.map((p) => shopAt[p]!)
    this.nameRank = new Uint32Array(n)
    for (let r = 0; r < n; r += 1) this.nameRank[byName[r]!] = r

    this.searchText = new Array<string>(n)
    this.searchPairs = new Uint32Array(2 * n)
    this.facets = new Uint32Array(n)
    this.geo = new Float64Array(4 * n)
    this.merchantState = new Array<OpenNowState>(n).fill(NONE)
    this.hoursId = new Int32Array(n)
    const hoursIds = new Map<string, number>()

    for (let p = 0; p < n; p += 1) {
      const shop = shopAt[p]!
      const text = searchText(shop)
      this.searchText[p] = text
      pairSignature(text, this.searchPairs, 2 * p)
      let mask = 0
      for (const service of shop.services) mask |= SERVICE_BITS.get(service) ?? 0
      const kind = idFor(this.kindIds, shop.kind)
      const category = idFor(this.categoryIds, shop.categorySlug)
      if (kind > 0xff || category > 0xffff)
        throw new RangeError('Too many kinds or categories to index')
      this.facets[p] = (mask | (kind << 8) | (category << 16)) >>> 0
      if (p < this.locatedCount)
        this.geo.set(unitVector(shop.location.lon, shop.location.lat), 4 * p)
      const trustedUntil = merchantStatusTrustedUntil(shop)
      this.geo[4 * p + 3] = trustedUntil
      if (trustedUntil !== Number.NEGATIVE_INFINITY)
        this.merchantState[p] = merchantOpenNowState(shop)
      this.hoursId[p] = -1
      // Before the hours library has loaded, the index is built without hours, then rebuilt.
      const parsed = parseOpeningHoursIfLoaded(shop.openingHours)
      if (parsed?.ok) {
        let id = hoursIds.get(parsed.evaluator.value)
        if (id === undefined) {
          id = this.evaluators.push(parsed.evaluator) - 1
          hoursIds.set(parsed.evaluator.value, id)
        }
        this.hoursId[p] = id
      }
    }

    const hoursCount = this.evaluators.length
    this.hoursValidFrom = new Float64Array(hoursCount).fill(Number.NaN)
    this.hoursValidUntil = new Float64Array(hoursCount).fill(Number.NaN)
    this.hoursState = new Array<OpenNowState>(hoursCount).fill(NONE)

    this.survivors = new Uint32Array(n)
    this.distance = new Float64Array(n)
    this.state = new Array<OpenNowState>(n).fill(NONE)
    this.stateByRank = new Array<OpenNowState>(n).fill(NONE)
    this.rankMarks = new Uint8Array(n)
    this.entries = new Array<PlaceMatch | undefined>(n).fill(undefined)
    this.entryDistance = new Float64Array(n)
    this.entryState = new Array<OpenNowState | undefined>(n).fill(undefined)
  }

  openNowAt(p: number, time: number): OpenNowState {
    if (time <= this.geo[4 * p + 3]!) return this.merchantState[p]!
    const id = this.hoursId[p]!
    if (id < 0) return NONE
    if (time >= this.hoursValidFrom[id]! && time < this.hoursValidUntil[id]!)
      return this.hoursState[id]!
    const state = this.evaluators[id]!.stateAt(new Date(time))
    const answer: OpenNowState = Object.freeze({
      open: state.unknown ? null : state.open,
      source: 'hours',
      until: state.nextChange,
    })
    this.hoursValidFrom[id] = time
    // Without a next change, look again tomorrow rather than trusting one evaluation for years.
    this.hoursValidUntil[id] = state.nextChange ? state.nextChange.getTime() : time + DAY_MS
    this.hoursState[id] = answer
    return answer
  }

  /** The result for the place of rank `rank`; `distanceKm` is NaN for "no distance". */
  entry(rank: number, distanceKm: number, openNow: OpenNowState): PlaceMatch {
    const previous = this.entryDistance[rank]!
    // The same object for an unchanged place, so that memoised rows and markers skip rendering.
    const same = previous === distanceKm || (previous !== previous && distanceKm !== distanceKm)
    if (same && this.entryState[rank] === openNow) return this.entries[rank]!
    const made: PlaceMatch = {
      shop: this.byName[rank]!,
      distanceKm: distanceKm === distanceKm ? distanceKm : null,
      openNow,
    }
    this.entries[rank] = made
    this.entryState[rank] = openNow
    this.entryDistance[rank] = distanceKm
    return made
  }

  radix() {
    this.#radix ??= {
      keys: new Uint32Array(this.size),
      keysOut: new Uint32Array(this.size),
      positionsOut: new Uint32Array(this.size),
      counts: new Uint32Array(RADIX_SIZE),
    }
    return this.#radix
  }
}

/** Precomputes what filtering needs; build it again when the list of shops changes. */
export function createPlaceIndex(shops: readonly Shop[]): PlaceIndex {
  return new IndexData(shops)
}

/** A lookup table of the wanted ids, or `null` for "any"; an empty table matches nothing. */
function wantedIds(ids: Map<string, number>, wanted: readonly string[]): Uint8Array | null {
  if (wanted.length === 0) return null
  const table = new Uint8Array(ids.size)
  for (const value of wanted) {
    const id = ids.get(value)
    if (id !== undefined) table[id] = 1
  }
  return table
}

/** By distance, then name; linear on input that is already nearly in order. */
function insertionSort(
  distance: Float64Array,
  rank: Uint32Array,
  order: Uint32Array,
  count: number,
): void {
  for (let k = 1; k < count; k += 1) {
    const x = order[k]!
    const dx = distance[x]!
    let j = k - 1
    while (j >= 0) {
      const y = order[j]!
      const dy = distance[y]!
      if (!(dx < dy || (dx === dy && rank[x]! < rank[y]!))) break
      order[j + 1] = y
      j -= 1
    }
    order[j + 1] = x
  }
}

/**
 * Sorts the first `count` survivors by distance, then name. Large sets go through a stable LSD
 * radix sort on distances quantised to 32 bits (a comparison sort of 100,000 places costs tens
 * of milliseconds here); an insertion pass then restores the exact order among the few places
 * that share a quantum.
 */
function sortByDistance(index: IndexData, count: number): void {
  const order = index.survivors
  const distance = index.distance
  if (count > SMALL_SORT) {
    const { keys, keysOut, positionsOut, counts } = index.radix()
    let maxDistance = 0
    for (let k = 0; k < count; k += 1) {
      const d = distance[order[k]!]!
      if (d !== Number.POSITIVE_INFINITY && d > maxDistance) maxDistance = d
    }
    const scale = maxDistance > 0 ? MAX_KEY / maxDistance : 0
    for (let k = 0; k < count; k += 1) {
      const d = distance[order[k]!]!
      keys[k] =
        d === Number.POSITIVE_INFINITY ? NO_LOCATION_KEY : Math.min(MAX_KEY, Math.floor(d * scale))
    }
    let keysIn = keys
    let positionsIn = order
    let keysTo = keysOut
    let positionsTo = positionsOut
    for (let shift = 0; shift < 32; shift += RADIX_BITS) {
      counts.fill(0)
      for (let k = 0; k < count; k += 1) counts[(keysIn[k]! >>> shift) & RADIX_MASK]! += 1
      let total = 0
      for (let b = 0; b < RADIX_SIZE; b += 1) {
        const c = counts[b]!
        counts[b] = total
        total += c
      }
      for (let k = 0; k < count; k += 1) {
        const key = keysIn[k]!
        const slot = counts[(key >>> shift) & RADIX_MASK]!++
        keysTo[slot] = key
        positionsTo[slot] = positionsIn[k]!
      }
      ;[keysIn, keysTo] = [keysTo, keysIn]
      ;[positionsIn, positionsTo] = [positionsTo, positionsIn]
    }
    if (positionsIn !== order) order.set(positionsIn.subarray(0, count))
  }
  insertionSort(distance, index.nameRank, order, count)
}

/** The query's words as one pair signature, see {@link pairSignature}. */
function queryPairs(words: readonly string[]): [number, number] {
  const one = new Uint32Array(2)
  let low = 0
  let high = 0
  for (const word of words) {
    pairSignature(word, one, 0)
    low |= one[0]!
    high |= one[1]!
  }
  // Signed, like the result of the `&` they are compared with.
  return [low | 0, high | 0]
}

/**
 * Applies every filter at `now`. With an origin, results come nearest first (ties by name), with
 * their distance; shops without a location then come last, or not at all once a radius applies.
 * Without an origin, results come in French alphabetical order of names.
 *
 * Cheap tests run first (bit masks, ids, folded text), "open now" only for what passed them, and
 * distances only for survivors, so that a filter change stays well under a frame.
 */
export function filterPlaces(
  placeIndex: PlaceIndex,
  filters: PlaceFilters,
  now: Date,
): PlaceMatch[] {
  if (!(placeIndex instanceof IndexData))
    throw new TypeError('filterPlaces needs an index from createPlaceIndex')
  const index = placeIndex
  const time = now.getTime()

  let servicesNeeded = 0
  for (const service of filters.services) {
    const bit = SERVICE_BITS.get(service)
    if (bit === undefined) return []
    servicesNeeded |= bit
  }
  const categories = wantedIds(index.categoryIds, filters.categories)
  const kinds = wantedIds(index.kindIds, filters.kinds)
  const words = searchWords(filters.query)
  const wordCount = words.length
  const [neededLow, neededHigh] = queryPairs(words)
  const openNowOnly = filters.openNow
  const origin = filters.origin
  const radiusKm = origin ? filters.radiusKm : null

  const { facets, survivors, state, distance, geo, nameRank } = index
  const texts = index.searchText
  const pairs = index.searchPairs

  // Everything but the radius and "open now"; written once, inlined by the engine.
  const passesCheapFilters = (p: number): boolean => {
    const facet = facets[p]!
    if ((facet & servicesNeeded) !== servicesNeeded) return false
    if (kinds !== null && kinds[(facet >>> 8) & 0xff] !== 1) return false
    if (categories !== null && categories[facet >>> 16] !== 1) return false
    if (wordCount > 0) {
      if (
        (pairs[2 * p]! & neededLow) !== neededLow ||
        (pairs[2 * p + 1]! & neededHigh) !== neededHigh
      )
        return false
      const text = texts[p]!
      for (let w = 0; w < wordCount; w += 1) if (!text.includes(words[w]!)) return false
    }
    return true
  }

  if (!origin) {
    // Memory order to test, name order to answer: survivors are collected by rank, then put in
    // order by sorting them when they are few, or by one sweep over all ranks.
    const { stateByRank, rankMarks } = index
    const ranks = survivors
    let count = 0
    for (let p = 0; p < index.size; p += 1) {
      if (!passesCheapFilters(p)) continue
      const openNow = index.openNowAt(p, time)
      if (openNowOnly && openNow.open !== true) continue
      const rank = nameRank[p]!
      stateByRank[rank] = openNow
      ranks[count++] = rank
    }
    if (count * FEW_SURVIVORS < index.size) {
      ranks.subarray(0, count).sort()
    } else {
      for (let k = 0; k < count; k += 1) rankMarks[ranks[k]!] = 1
      let k = 0
      for (let rank = 0; k < count; rank += 1) {
        if (rankMarks[rank] === 0) continue
        rankMarks[rank] = 0
        ranks[k++] = rank
      }
    }
    const results = new Array<PlaceMatch>(count)
    for (let k = 0; k < count; k += 1) {
      const rank = ranks[k]!
      results[k] = index.entry(rank, Number.NaN, stateByRank[rank]!)
    }
    return results
  }

  const [ox, oy, oz] = unitVector(origin.lon, origin.lat)
  let count = 0
  if (radiusKm !== null) {
    if (!(radiusKm >= 0)) return []
    const maxChordSquared = kmToChordSquared(radiusKm + RADIUS_TOLERANCE_KM)
    const bounds = index.spatial ? radiusBounds(origin, radiusKm) : null
    const candidates =
      bounds && index.spatial
        ? index.spatial.range(bounds[0], bounds[1], bounds[2], bounds[3])
        : Array.from({ length: index.locatedCount }, (_, p) => p)
    for (const p of candidates) {
      if (!passesCheapFilters(p)) continue
      const dx = geo[4 * p]! - ox
      const dy = geo[4 * p + 1]! - oy
      const dz = geo[4 * p + 2]! - oz
      const chordSquared = dx * dx + dy * dy + dz * dz
      if (chordSquared > maxChordSquared) continue
      const openNow = index.openNowAt(p, time)
      if (openNowOnly && openNow.open !== true) continue
      state[p] = openNow
      distance[p] = chordToKm(chordSquared)
      survivors[count++] = p
    }
  } else {
    for (let p = 0; p < index.size; p += 1) {
      if (!passesCheapFilters(p)) continue
      const openNow = index.openNowAt(p, time)
      if (openNowOnly && openNow.open !== true) continue
      state[p] = openNow
      survivors[count++] = p
    }
    for (let k = 0; k < count; k += 1) {
      const p = survivors[k]!
      if (p >= index.locatedCount) {
        distance[p] = Number.POSITIVE_INFINITY
        continue
      }
      const dx = geo[4 * p]! - ox
      const dy = geo[4 * p + 1]! - oy
      const dz = geo[4 * p + 2]! - oz
      distance[p] = chordToKm(dx * dx + dy * dy + dz * dz)
    }
  }

  sortByDistance(index, count)
  const results = new Array<PlaceMatch>(count)
  for (let k = 0; k < count; k += 1) {
    const p = survivors[k]!
    const d = distance[p]!
    results[k] = index.entry(
      nameRank[p]!,
      d === Number.POSITIVE_INFINITY ? Number.NaN : d,
      state[p]!,
    )
  }
  return results
}
