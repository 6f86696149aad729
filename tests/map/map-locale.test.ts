import type { Map as MapLibreMap } from 'maplibre-gl'
import { describe, expect, it } from 'vitest'
import { MAP_CONTROL_LOCALE } from '@/lib/i18n'
import { setMapLocale } from '@/map/map-locale'

/** What setMapLocale uses of a map: its label table and its container, as MapLibre fills them. */
function fakeMap(locale: Record<string, string>) {
  const container = document.createElement('div')
  container.innerHTML = `
    <canvas class="maplibregl-canvas" aria-label="${locale['Map.Title']}"></canvas>
    <button class="maplibregl-ctrl-zoom-in" title="${locale['NavigationControl.ZoomIn']}"
      aria-label="${locale['NavigationControl.ZoomIn']}"></button>
    <button class="maplibregl-ctrl-zoom-out" title="${locale['NavigationControl.ZoomOut']}"
      aria-label="${locale['NavigationControl.ZoomOut']}"></button>
    <summary class="maplibregl-ctrl-attrib-button"
      title="${locale['AttributionControl.ToggleAttribution']}"
      aria-label="${locale['AttributionControl.ToggleAttribution']}"></summary>
    <span class="cluster-label" title="12 lieux regroupés : touchez pour zoomer"></span>`
  const map = {
    _locale: { 'ScaleControl.Meters': 'm', ...locale },
    getContainer: () => container,
  }
  return { map: map as unknown as MapLibreMap, container }
}

const labels = (container: HTMLElement) =>
  [...container.querySelectorAll('[title], [aria-label]')].map((element) => [
    element.getAttribute('title'),
    element.getAttribute('aria-label'),
  ])

describe('setMapLocale', () => {
  it('relabels the controls MapLibre drew in French, and back, without touching the app’s labels', () => {
    const { map, container } = fakeMap(MAP_CONTROL_LOCALE.fr)
    setMapLocale(map, MAP_CONTROL_LOCALE.en)
    expect(labels(container)).toEqual([
      [null, 'Map'],
      ['Zoom in', 'Zoom in'],
      ['Zoom out', 'Zoom out'],
      ['Show the credits', 'Show the credits'],
      ['12 lieux regroupés : touchez pour zoomer', null],
    ])
    // What MapLibre labels later reads the new table; strings the app does not give stay.
    expect(map._locale['NavigationControl.ZoomIn']).toBe('Zoom in')
    expect(map._locale['ScaleControl.Meters']).toBe('m')

    setMapLocale(map, MAP_CONTROL_LOCALE.fr)
    expect(labels(container)).toEqual([
      [null, 'Carte'],
      ['Zoomer', 'Zoomer'],
      ['Dézoomer', 'Dézoomer'],
      ['Afficher les crédits', 'Afficher les crédits'],
      ['12 lieux regroupés : touchez pour zoomer', null],
    ])
  })

  it('gives both languages the same MapLibre strings', () => {
    expect(Object.keys(MAP_CONTROL_LOCALE.en).sort()).toEqual(
      Object.keys(MAP_CONTROL_LOCALE.fr).sort(),
    )
  })
})
