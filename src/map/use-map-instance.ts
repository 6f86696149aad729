import { useEffect, useRef, useState, type RefObject } from 'react'
import type { Map as MapLibreMap, StyleSpecification } from 'maplibre-gl'
import { createMap, type CreateMapOptions } from './create-map'

type MapOptions = Omit<CreateMapOptions, 'container' | 'style'> & {
  style: () => Promise<StyleSpecification | string>
}

/**
 * Creates the map once per container, exposes it after its style has loaded, removes it on
 * unmount. Options are read at creation only: changing them never rebuilds the map.
 */
export function useMapInstance(
  containerRef: RefObject<HTMLElement | null>,
  options: MapOptions,
): MapLibreMap | null {
  const [map, setMap] = useState<MapLibreMap | null>(null)
  const initialOptions = useRef(options)

  useEffect(() => {
    const container = containerRef.current
    if (!container) return
    let instance: MapLibreMap | null = null
    let cancelled = false
    const { style, ...rest } = initialOptions.current
    void style().then((resolved) => {
      if (cancelled) return
      instance = createMap({ ...rest, style: resolved, container })
      const created = instance
      created.on('load', () => {
        // The compact attribution opens itself at start and covers a phone's map; the page
        // footer shows the same credits at all times, so start it folded.
        container
          .querySelector('.maplibregl-compact-show')
          ?.classList.remove('maplibregl-compact-show')
        setMap(created)
      })
    })
    return () => {
      cancelled = true
      setMap(null)
      instance?.remove()
    }
  }, [containerRef])

  return map
}
