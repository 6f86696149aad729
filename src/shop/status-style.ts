import type { DisplayStatus } from './shop-status'

/**
 * Status colours chosen to stay distinct for the common colour-vision deficiencies
 * (Okabe–Ito palette); every status also has its own shape on the map and a word in the list.
 */
export const STATUS_COLOURS: Record<'open' | 'closed' | 'unknown', string> = {
  open: '#007A5A',
  closed: '#C04A00',
  unknown: '#6B6B6B',
}

export const DISPLAY_COLOURS: Record<DisplayStatus, string> = {
  ...STATUS_COLOURS,
  'to-confirm': '#8A6500',
}

/**
 * Groups of places on the map: a colour no status has (the brand's green read as "open"), dark
 * enough for the white count, and in the legend.
 */
export const CLUSTER_COLOUR = '#4B3F8F'

/**
 * The status colours as CSS custom properties (`--status-open`, `--status-closed`,
 * `--status-unknown`, `--status-to-confirm`) on the document, set once before the first render:
 * stylesheets use these, never a colour of their own, so that the map's markers, the list and the
 * merchant's switch show one colour per status.
 */
export function applyStatusColours(root: HTMLElement = document.documentElement): void {
  for (const [status, colour] of Object.entries(DISPLAY_COLOURS)) {
    root.style.setProperty(`--status-${status}`, colour)
  }
}

/** The map's marker shapes, as text for the list and the legend. */
export const DISPLAY_SYMBOLS: Record<DisplayStatus, string> = {
  open: '✔',
  closed: '✖',
  unknown: '◆',
  'to-confirm': '?',
}

export const DISPLAY_STATUSES: readonly DisplayStatus[] = [
  'open',
  'closed',
  'to-confirm',
  'unknown',
]
