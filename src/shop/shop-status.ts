/**
 * What a shop's status means now: how long a merchant's word is believed, the status a shopper is
 * shown, whether it is open now and by whose word, and the story told when the merchant's status
 * and the hours disagree. Used by the shoppers' map, the merchant's page and the curators'
 * dashboard alike.
 */
import type { Shop } from '@/backend/types'
import { parseOpeningHoursIfLoaded, type OpeningHoursEvaluator } from '@/shop/opening-hours'

/** How long a merchant's "open" or "closed" is believed without being confirmed again. */
export const STATUS_FRESH_DAYS = 7
const STATUS_FRESH_MS = STATUS_FRESH_DAYS * 24 * 60 * 60 * 1000

export type DisplayStatus = 'open' | 'closed' | 'unknown' | 'to-confirm'

export interface OpenNowState {
  /** `null` when nobody knows: such places never pass the "open now" filter. */
  readonly open: boolean | null
  /** Whose word it is: the merchant's status, the opening hours, or neither. */
  readonly source: 'merchant' | 'hours' | 'none'
  /** When the answer next changes (the hours' next change, or the end of `closedUntil`). */
  readonly until: Date | null
}

/** Local midnight after the `YYYY-MM-DD` day, as epoch milliseconds; NaN when not a date. */
export function endOfLocalDay(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate.trim())
  if (!match) return Number.NaN
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1).getTime()
}

/**
 * The last moment (epoch ms, inclusive) at which the merchant's own "open"/"closed" is still
 * believed, or -Infinity when it never is.
 *
 * A status is believed for {@link STATUS_FRESH_DAYS} after it was set. A "closed until" date
 * replaces that rule both ways: the merchant said when it ends, so it holds to the end of that
 * day however old it is (a month of holidays announced once), and not a moment longer.
 */
export function merchantStatusTrustedUntil(shop: Shop): number {
  if (shop.status !== 'open' && shop.status !== 'closed') return Number.NEGATIVE_INFINITY
  if (shop.status === 'closed' && shop.closedUntil) {
    const end = endOfLocalDay(shop.closedUntil)
    if (!Number.isNaN(end)) return end - 1
  }
  const updated = shop.statusUpdatedAt ? Date.parse(shop.statusUpdatedAt) : Number.NaN
  return Number.isNaN(updated) ? Number.NEGATIVE_INFINITY : updated + STATUS_FRESH_MS
}

/** Whether the merchant's "open" or "closed" can be shown as is at `now`. */
export function isStatusFresh(shop: Shop, now: Date): boolean {
  return now.getTime() <= merchantStatusTrustedUntil(shop)
}

/** The status to show: the merchant's, or "to confirm" once it is too old or its end passed. */
export function displayStatus(shop: Shop, now: Date): DisplayStatus {
  if (shop.status === 'unknown') return 'unknown'
  return isStatusFresh(shop, now) ? shop.status : 'to-confirm'
}

export const MERCHANT_OPEN: OpenNowState = Object.freeze({
  open: true,
  source: 'merchant',
  until: null,
})
export const MERCHANT_CLOSED: OpenNowState = Object.freeze({
  open: false,
  source: 'merchant',
  until: null,
})
export const NOTHING_KNOWN: OpenNowState = Object.freeze({
  open: null,
  source: 'none',
  until: null,
})

/** The merchant's own answer while it is believed, `null` otherwise. */
export function merchantOpenNowState(shop: Shop): OpenNowState {
  if (shop.status === 'open') return MERCHANT_OPEN
  const end = shop.closedUntil ? endOfLocalDay(shop.closedUntil) : Number.NaN
  return Number.isNaN(end)
    ? MERCHANT_CLOSED
    : Object.freeze({ open: false, source: 'merchant', until: new Date(end) })
}

/**
 * "Open now": the merchant's word while it is believed — even against the hours, since the
 * merchant knows about today's exception — otherwise the opening hours, otherwise nothing.
 */
export function openNowState(shop: Shop, now: Date): OpenNowState {
  if (isStatusFresh(shop, now)) return merchantOpenNowState(shop)
  // While the hours library downloads, nothing is known from the hours yet.
  const parsed = parseOpeningHoursIfLoaded(shop.openingHours)
  if (!parsed?.ok) return NOTHING_KNOWN
  const state = parsed.evaluator.stateAt(now)
  return { open: state.unknown ? null : state.open, source: 'hours', until: state.nextChange }
}

/**
 * The words a place's status is shown with: the merchant's status (see {@link displayStatus})
 * unless the opening hours decide "open now" (see {@link openNowState}), whose verdict is then
 * shown as such.
 */
export type StatusLabel = DisplayStatus | 'open-by-hours' | 'closed-by-hours'

/**
 * The one rule the list, the sheet and the markers share: the hours' verdict when they decide
 * "open now" (the merchant's status is not fresh), the merchant's status otherwise. Before the
 * hours library has loaded, `openNow` knows nothing from the hours and the merchant's status
 * shows as before.
 */
export function statusLabel(display: DisplayStatus, openNow: OpenNowState): StatusLabel {
  if (openNow.source !== 'hours' || openNow.open === null) return display
  return openNow.open ? 'open-by-hours' : 'closed-by-hours'
}

/** The marker (shape and colour) of a label: the hours' verdict marks the place open or closed. */
export function labelMarker(label: StatusLabel): DisplayStatus {
  if (label === 'open-by-hours') return 'open'
  if (label === 'closed-by-hours') return 'closed'
  return label
}

/** What the usual hours say when the merchant's fresh status says otherwise. */
export interface OverriddenHours {
  readonly open: boolean
  /** When the hours' answer next changes; `null` when it does not within five years. */
  readonly nextChange: Date | null
  /**
   * When closed: `'today'` when the hours open at no moment of the day, `'weekly'` when they do
   * not on the same weekday a week later either but do open within the week (a weekly closing
   * day), `null` when they are only closed at this time of day.
   */
  readonly closedDay: 'today' | 'weekly' | null
}

/** What the sheet and the list say about a place's status, from one rule. */
export interface PlaceStatusStory {
  /** The merchant's status, as {@link displayStatus} gives it. */
  readonly display: DisplayStatus
  /** The words shown, see {@link statusLabel}. */
  readonly label: StatusLabel
  /** The marker's shape and colour, see {@link labelMarker}. */
  readonly marker: DisplayStatus
  /**
   * {@link openNowState}; when the merchant's fresh "open" agrees with the hours, `until` is the
   * hours' next change (the merchant did not say until when).
   */
  readonly openNow: OpenNowState
  /** The hours' verdict when the merchant's fresh status overrides it; `null` otherwise. */
  readonly overriddenHours: OverriddenHours | null
}

/** Whether the hours open at no moment of `day`'s local day, and, if so, when they do next. */
function closedAllDay(evaluator: OpeningHoursEvaluator, day: Date): Date | null | false {
  const start = new Date(day.getFullYear(), day.getMonth(), day.getDate())
  const end = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1)
  const state = evaluator.stateAt(start)
  if (state.open || state.unknown) return false
  if (state.nextChange !== null && state.nextChange < end) return false
  return state.nextChange
}

function closedDayOf(evaluator: OpeningHoursEvaluator, now: Date): OverriddenHours['closedDay'] {
  const reopens = closedAllDay(evaluator, now)
  if (reopens === false) return null
  const sameDayNextWeek = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 7)
  // A day off every week opens again within the week; a month of holidays does not.
  const weekly = reopens !== null && reopens < sameDayNextWeek
  return weekly && closedAllDay(evaluator, sameDayNextWeek) !== false ? 'weekly' : 'today'
}

/**
 * The place's status as the sheet and the list tell it at `now`: which word wins, the merchant's
 * fresh status or the usual hours (see {@link openNowState}), and what the other one says.
 */
export function placeStatusStory(shop: Shop, now: Date): PlaceStatusStory {
  const display = displayStatus(shop, now)
  const openNow = openNowState(shop, now)
  const label = statusLabel(display, openNow)
  const story: PlaceStatusStory = {
    display,
    label,
    marker: labelMarker(label),
    openNow,
    overriddenHours: null,
  }
  if (openNow.source !== 'merchant') return story
  const parsed = parseOpeningHoursIfLoaded(shop.openingHours)
  if (!parsed?.ok) return story
  const hours = parsed.evaluator.stateAt(now)
  if (hours.unknown) return story
  if (hours.open === openNow.open) {
    return openNow.open
      ? { ...story, openNow: Object.freeze({ ...openNow, until: hours.nextChange }) }
      : story
  }
  return {
    ...story,
    overriddenHours: {
      open: hours.open,
      nextChange: hours.nextChange,
      closedDay: hours.open ? null : closedDayOf(parsed.evaluator, now),
    },
  }
}
