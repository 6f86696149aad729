import type { Map as MapLibreMap } from 'maplibre-gl'

const LABEL_ATTRIBUTES = ['title', 'aria-label'] as const

/**
 * Puts MapLibre's own labels (zoom buttons, attribution toggle, the canvas's name…) in another
 * language without rebuilding the map. MapLibre reads its `locale` option once, when the map is
 * built, and has no setter: its table (`_locale`, declared in its typings) is patched for what it
 * labels later, and the labels it has already written, in the map's container, are rewritten.
 */
export function setMapLocale(map: MapLibreMap, locale: Record<string, string>): void {
  const previous = map._locale
  const next = { ...previous, ...locale }
  map._locale = next
  // Each label MapLibre wrote, by its text in the previous table.
  const replacements = new Map<string, string>()
  for (const [key, before] of Object.entries(previous)) {
    const after = next[key]
    if (after !== undefined && after !== before) replacements.set(before, after)
  }
  if (replacements.size === 0) return
  const container = map.getContainer()
  for (const element of container.querySelectorAll('[title], [aria-label]')) {
    for (const attribute of LABEL_ATTRIBUTES) {
      const value = element.getAttribute(attribute)
      const replacement = value === null ? undefined : replacements.get(value)
      if (replacement !== undefined) element.setAttribute(attribute, replacement)
    }
  }
}
