import type { CircleLayerSpecification } from 'maplibre-gl'
import { LAYER_IDS, SOURCE_IDS } from '@/map/layer-ids'
import { STATUS_COLOURS } from '../utils/status-style'

export const placesCircleLayer: CircleLayerSpecification = {
  id: LAYER_IDS.placesCircle,
  type: 'circle',
  source: SOURCE_IDS.places,
  paint: {
    'circle-color': [
      'match',
      ['get', 'status'],
      'open',
      STATUS_COLOURS.open,
      'closed',
      STATUS_COLOURS.closed,
      STATUS_COLOURS.unknown,
    ],
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 4, 14, 8],
    // Closed places get a thick dark ring, so the status does not rely on colour alone.
    'circle-stroke-width': ['match', ['get', 'status'], 'closed', 3, 1.5],
    'circle-stroke-color': ['match', ['get', 'status'], 'closed', '#3b1a00', '#ffffff'],
  },
}
