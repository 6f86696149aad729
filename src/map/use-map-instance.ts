import { useEffect, useRef, useState, type RefObject } from 'react'
import type { Map as MapLibreMap } from 'maplibre-gl'
import { createMap, type CreateMapOptions } from './create-map'

/**
 * Creates the map once per container, exposes it after its style has loaded, removes it on
 * unmount. Options are read at creation only: changing them never rebuilds the map.
 */
export function useMapInstance(
  containerRef: RefObject<HTMLElement | null>,
  options: Omit<CreateMapOptions, 'container'>,
): MapLibreMap | null {
  const [map, setMap] = useState<MapLibreMap | null>(null)
  const initialOptions = useRef(options)

  useEffect(() => {
    const container = containerRef.current
    if (!container) return
    const instance = createMap({ ...initialOptions.current, container })
    instance.on('load', () => setMap(instance))
    return () => {
      setMap(null)
      instance.remove()
    }
  }, [containerRef])

  return map
}
