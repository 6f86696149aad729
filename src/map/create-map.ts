import {
  Map as MapLibreMap,
  NavigationControl,
  setWorkerUrl,
  type LngLatBoundsLike,
  type StyleSpecification,
} from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import 'maplibre-gl/dist/maplibre-gl.css'

// MapLibre looks for its worker next to its own module, which bundling moves; point it at the
// worker file that Vite emits.
setWorkerUrl(workerUrl)

export interface CreateMapOptions {
  container: HTMLElement
  style: StyleSpecification | string
  /** [west, south, east, north] framed at first load */
  bounds: [number, number, number, number]
  attribution: string
  locale: Record<string, string>
}

/** Builds the map. Lifecycle lives in use-map-instance.ts, layers in the features' map/ folders. */
export function createMap(options: CreateMapOptions): MapLibreMap {
  const map = new MapLibreMap({
    container: options.container,
    style: options.style,
    bounds: options.bounds as LngLatBoundsLike,
    fitBoundsOptions: { padding: 24 },
    maxBounds: padBounds(options.bounds, 0.6),
    attributionControl: { compact: true, customAttribution: options.attribution },
    cooperativeGestures: false,
    dragRotate: false,
    pitchWithRotate: false,
    locale: options.locale,
    // Labels appear at once instead of fading in: fewer frames to draw on a slow phone.
    fadeDuration: 0,
  })
  map.touchZoomRotate.disableRotation()
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right')
  return map
}

function padBounds(
  [west, south, east, north]: [number, number, number, number],
  ratio: number,
): LngLatBoundsLike {
  const dx = (east - west) * ratio
  const dy = (north - south) * ratio
  return [west - dx, south - dy, east + dx, north + dy]
}
