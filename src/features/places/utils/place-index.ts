import KDBush from 'kdbush'
import { SHOP_SERVICES, type Shop, type ShopService } from '@/backend/types'
import {
  chordSquaredToKm,
  kmToChordSquared,
  radiusBounds,
  RADIUS_TOLERANCE_KM,
  unitVector,
} from './distance'
import { searchWords } from './normalize-text'
import { parseOpeningHours, type OpeningHoursEvaluator } from './opening-hours'
import {
  hasLocation,
  merchantOpenNowState,
  merchantStatusTrustedUntil,
  NOTHING_KNOWN,
  searchText,
  type OpenNowState,
  type PlaceFilters,
} from './place-filters'

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

const SERVICE_BITS = new Map<ShopService, number>(
  SHOP_SERVICES.map((service, bit) => [service, 1 << bit]),
)
const DAY_MS = 24 * 60 * 60 * 1000
// Below this many survivors a comparison sort beats the radix sort's fixed cost.
const SMALL_SORT = 256
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

/**
 * Everything is stored by position in name order (French collation, ties in input order): the
 * unfiltered scan then reads memory sequentially and yields results already sorted by name.
 */
class IndexData implements PlaceIndex {
  readonly shops: readonly Shop[]
  readonly size: number
  /** The shops in name order: position p holds `byName[p]`. */
  readonly byName: Shop[]
  /** Folded name and commune, so that queries never fold a name again. */
  readonly searchText: string[]
  /** Two 32-bit words per place, see {@link pairSignature}. */
  readonly searchPairs: Uint32Array
  /** Services (bits 0–7), kind id (8–15) and category id (16–31): one read for three filters. */
  readonly facets: Uint32Array
  readonly categoryIds: Map<string, number>
  readonly kindIds: Map<string, number>
  /**
   * Per place: the unit vector's x, y, z (see {@link unitVector}) and the last moment the
   * merchant's status is believed. Side by side because a radius query needs both for places
   * scattered in memory, and each separate array would cost a cache miss of its own.
   */
  readonly geo: Float64Array
  readonly located: Uint8Array
  readonly spatial: KDBush | null
  /** KDBush numbers points in the order they were added; only located places are. */
  readonly spatialToPosition: Uint32Array
  readonly merchantState: OpenNowState[]
  /** Index into `evaluators`, or -1 without readable hours. */
  readonly hoursId: Int32Array
  readonly evaluators: OpeningHoursEvaluator[]
  // The hours' answer only changes at its next change, so it is kept between calls for as long
  // as it holds: [validFrom, validUntil).
  readonly hoursValidFrom: Float64Array
  readonly hoursValidUntil: Float64Array
  readonly hoursState: OpenNowState[]
  // Per-call scratch, reused so that a filter change allocates little more than its result.
  readonly survivors: Uint32Array
  readonly distance: Float64Array
  readonly state: OpenNowState[]
  /** The last entry made for each place: reused while its distance and state are unchanged. */
  readonly entries: (PlaceMatch | undefined)[]
  // Copies of each entry's fields, so that checking it needs no visit to the entry itself.
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
    const order = Array.from({ length: n }, (_, i) => i)
    order.sort((a, b) => collator.compare(shops[a]!.name, shops[b]!.name))
    this.byName = order.map((i) => shops[i]!)

    this.searchText = new Array<string>(n)
    this.searchPairs = new Uint32Array(2 * n)
    this.facets = new Uint32Array(n)
    this.categoryIds = new Map()
    this.kindIds = new Map()
    this.geo = new Float64Array(4 * n)
    this.located = new Uint8Array(n)
    this.merchantState = new Array<OpenNowState>(n).fill(NOTHING_KNOWN)
    this.hoursId = new Int32Array(n)
    this.evaluators = []
    const hoursIds = new Map<string, number>()
    let locatedCount = 0

    for (let p = 0; p < n; p += 1) {
      const shop = this.byName[p]!
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
      if (hasLocation(shop)) {
        this.geo.set(unitVector(shop.location.lon, shop.location.lat), 4 * p)
        this.located[p] = 1
        locatedCount += 1
      }
      const trustedUntil = merchantStatusTrustedUntil(shop)
      this.geo[4 * p + 3] = trustedUntil
      if (trustedUntil !== Number.NEGATIVE_INFINITY)
        this.merchantState[p] = merchantOpenNowState(shop)
      this.hoursId[p] = -1
      const parsed = parseOpeningHours(shop.openingHours)
      if (parsed.ok) {
        let id = hoursIds.get(parsed.evaluator.value)
        if (id === undefined) {
          id = this.evaluators.push(parsed.evaluator) - 1
          hoursIds.set(parsed.evaluator.value, id)
        }
        this.hoursId[p] = id
      }
    }

    this.spatialToPosition = new Uint32Array(locatedCount)
    if (locatedCount > 0) {
      const spatial = new KDBush(locatedCount, 64, Float64Array)
      for (let p = 0; p < n; p += 1) {
        const shop = this.byName[p]!
        if (this.located[p])
          this.spatialToPosition[spatial.add(shop.location.lon, shop.location.lat)] = p
      }
      this.spatial = spatial.finish()
    } else {
      this.spatial = null
    }

    const hoursCount = this.evaluators.length
    this.hoursValidFrom = new Float64Array(hoursCount).fill(Number.NaN)
    this.hoursValidUntil = new Float64Array(hoursCount).fill(Number.NaN)
    this.hoursState = new Array<OpenNowState>(hoursCount).fill(NOTHING_KNOWN)

    this.survivors = new Uint32Array(n)
    this.distance = new Float64Array(n)
    this.state = new Array<OpenNowState>(n).fill(NOTHING_KNOWN)
    this.entries = new Array<PlaceMatch | undefined>(n).fill(undefined)
    this.entryDistance = new Float64Array(n)
    this.entryState = new Array<OpenNowState | undefined>(n).fill(undefined)
  }

  openNowAt(p: number, time: number): OpenNowState {
    if (time <= this.geo[4 * p + 3]!) return this.merchantState[p]!
    const id = this.hoursId[p]!
    if (id < 0) return NOTHING_KNOWN
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

  /** `distanceKm` is NaN for "no distance", so that it fits the Float64Array of copies. */
  entry(p: number, distanceKm: number, openNow: OpenNowState): PlaceMatch {
    // Same object for an unchanged place, so that memoised rows and markers skip re-rendering.
    if (this.entryState[p] === openNow && Object.is(this.entryDistance[p], distanceKm))
      return this.entries[p]!
    const made: PlaceMatch = {
      shop: this.byName[p]!,
      distanceKm: Number.isNaN(distanceKm) ? null : distanceKm,
      openNow,
    }
    this.entries[p] = made
    this.entryState[p] = openNow
    this.entryDistance[p] = distanceKm
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

function idFor(ids: Map<string, number>, value: string): number {
  let id = ids.get(value)
  if (id === undefined) {
    id = ids.size
    ids.set(value, id)
  }
  return id
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

/** Positions are name ranks, so "by distance, then name" is "by distance, then position". */
function insertionSort(distance: Float64Array, order: Uint32Array, count: number): void {
  for (let k = 1; k < count; k += 1) {
    const x = order[k]!
    const dx = distance[x]!
    let j = k - 1
    while (j >= 0) {
      const y = order[j]!
      const dy = distance[y]!
      if (!(dx < dy || (dx === dy && x < y))) break
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
 * that share a quantum, in linear time since the input is nearly sorted.
 */
function sortByDistance(index: IndexData, count: number): void {
  const order = index.survivors
  const distance = index.distance
  if (count <= SMALL_SORT) {
    insertionSort(distance, order, count)
    return
  }
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
  insertionSort(distance, order, count)
}

/** The query's words with their pair signatures, see {@link pairSignature}. */
function queryPairs(words: readonly string[]): Uint32Array {
  const pairs = new Uint32Array(2)
  const one = new Uint32Array(2)
  for (const word of words) {
    pairSignature(word, one, 0)
    pairs[0]! |= one[0]!
    pairs[1]! |= one[1]!
  }
  return pairs
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
  const needed = queryPairs(words)
  // As signed 32-bit integers, like the result of `&` they are compared with.
  const neededLow = needed[0]! | 0
  const neededHigh = needed[1]! | 0
  const openNowOnly = filters.openNow
  const origin = filters.origin
  const radiusKm = origin ? filters.radiusKm : null

  const { facets, survivors, state, distance, geo, located } = index
  const texts = index.searchText
  const pairs = index.searchPairs
  let count = 0

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

  if (origin && radiusKm !== null) {
    if (!(radiusKm >= 0)) return []
    const [ox, oy, oz] = unitVector(origin.lon, origin.lat)
    const maxChordSquared = kmToChordSquared(radiusKm + RADIUS_TOLERANCE_KM)
    const bounds = index.spatial ? radiusBounds(origin, radiusKm) : null
    const candidates =
      bounds && index.spatial
        ? index.spatial.range(bounds[0], bounds[1], bounds[2], bounds[3])
        : Array.from(index.spatialToPosition.keys())
    for (const candidate of candidates) {
      const p = index.spatialToPosition[candidate]!
      if (!passesCheapFilters(p)) continue
      const dx = geo[4 * p]! - ox
      const dy = geo[4 * p + 1]! - oy
      const dz = geo[4 * p + 2]! - oz
      const chordSquared = dx * dx + dy * dy + dz * dz
      if (chordSquared > maxChordSquared) continue
      const openNow = index.openNowAt(p, time)
      if (openNowOnly && openNow.open !== true) continue
      state[p] = openNow
      distance[p] = chordSquaredToKm(chordSquared)
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
    if (origin) {
      const [ox, oy, oz] = unitVector(origin.lon, origin.lat)
      for (let k = 0; k < count; k += 1) {
        const p = survivors[k]!
        if (!located[p]) {
          distance[p] = Number.POSITIVE_INFINITY
          continue
        }
        const dx = geo[4 * p]! - ox
        const dy = geo[4 * p + 1]! - oy
        const dz = geo[4 * p + 2]! - oz
        distance[p] = chordSquaredToKm(dx * dx + dy * dy + dz * dz)
      }
    }
  }

  if (origin) sortByDistance(index, count)

  const results = new Array<PlaceMatch>(count)
  for (let k = 0; k < count; k += 1) {
    const p = survivors[k]!
    results[k] = index.entry(p, origin && located[p] ? distance[p]! : Number.NaN, state[p]!)
  }
  return results
}
