import type { FeatureCollection } from 'geojson'
import type { StyleSpecification } from 'maplibre-gl'
import { LAYER_IDS, SOURCE_IDS } from './layer-ids'

const OUTLINES_CREDIT = 'Communes : IGN Admin Express 2018, DGCL BANATIC 2025 (Licence Ouverte)'

/** The territory's bounds as a closed ring: what the map can draw when it has no outlines. */
function boundsOutline([west, south, east, north]: readonly number[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [west!, south!],
              [east!, south!],
              [east!, north!],
              [west!, north!],
              [west!, south!],
            ],
          ],
        },
      },
    ],
  }
}

/**
 * The basemap that always works: no tiles, no glyphs, no network. With the territory's commune
 * outlines (bundled with the build for some territories) it draws them; without, a plain
 * background and the territory's bounds, so that the markers still have a frame. Used offline,
 * in tests, and when a remote style fails.
 */
export function bundledStyle(
  outlines: FeatureCollection | null,
  bounds: readonly [number, number, number, number],
): StyleSpecification {
  return {
    version: 8,
    name: 'Vitrine hors ligne',
    sources: {
      [SOURCE_IDS.communes]: {
        type: 'geojson',
        data: outlines ?? boundsOutline(bounds),
        ...(outlines ? { attribution: OUTLINES_CREDIT } : {}),
      },
    },
    layers: [
      { id: LAYER_IDS.background, type: 'background', paint: { 'background-color': '#eef0eb' } },
      {
        id: LAYER_IDS.communesFill,
        type: 'fill',
        source: SOURCE_IDS.communes,
        paint: { 'fill-color': '#fbfaf6', 'fill-opacity': 1 },
      },
      {
        id: LAYER_IDS.communesLine,
        type: 'line',
        source: SOURCE_IDS.communes,
        paint: {
          'line-color': '#a8a293',
          'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.5, 14, 2],
        },
      },
    ],
  }
}
