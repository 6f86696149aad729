import { describe, expect, it } from 'vitest'
import { clustersLayer } from '@/features/places/map/places-layers'
import { CLUSTER_COLOUR, DISPLAY_COLOURS } from '@/shop/status-style'

/** Relative luminance (WCAG 2) of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

/** Hue in degrees of a #rrggbb colour. */
function hue(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [
    number,
    number,
    number,
  ]
  const max = Math.max(r, g, b)
  const d = max - Math.min(r, g, b)
  if (d === 0) return 0
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4
  return (h * 60 + 360) % 360
}

describe('cluster bubbles', () => {
  it('are drawn in the cluster colour', () => {
    expect(clustersLayer.paint?.['circle-color']).toBe(CLUSTER_COLOUR)
  })

  it.each(Object.entries(DISPLAY_COLOURS))(
    'differ in hue from the %s status (%s), so that a group never reads as a status',
    (_, colour) => {
      const distance = Math.abs(hue(CLUSTER_COLOUR) - hue(colour))
      const grey = colour === DISPLAY_COLOURS.unknown
      // The unknown grey has no hue: the bubble must be clearly coloured instead.
      if (grey) expect(hue(CLUSTER_COLOUR)).toBeGreaterThan(0)
      else expect(Math.min(distance, 360 - distance)).toBeGreaterThan(60)
    },
  )

  it('carry a white count at 4.5:1 contrast or more', () => {
    expect((1 + 0.05) / (luminance(CLUSTER_COLOUR) + 0.05)).toBeGreaterThanOrEqual(4.5)
  })
})
