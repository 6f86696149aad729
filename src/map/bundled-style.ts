import type { StyleSpecification } from 'maplibre-gl'
import { LAYER_IDS, SOURCE_IDS } from './layer-ids'

/**
 * The basemap that always works: the territory's communes from a file bundled with the app,
 * no tiles, no glyphs, no network. Used offline, in tests, and when a remote style fails.
 */
export function bundledStyle(communesUrl: string): StyleSpecification {
  return {
    version: 8,
    name: 'Vitrine hors ligne',
    sources: {
      [SOURCE_IDS.communes]: {
        type: 'geojson',
        data: communesUrl,
        attribution: 'Communes : IGN Admin Express 2018, DGCL BANATIC 2025 (Licence Ouverte)',
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
