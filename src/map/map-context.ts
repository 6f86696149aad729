import { createContext, useContext } from 'react'
import type { Map as MapLibreMap } from 'maplibre-gl'

export const MapContext = createContext<MapLibreMap | null>(null)

/** The loaded map, or null while it starts. Only map layers use it. */
export function useMap(): MapLibreMap | null {
  return useContext(MapContext)
}
