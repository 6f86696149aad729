import { useEffect, useRef, useState, type RefObject } from 'react'
import type { Map as MapLibreMap, StyleSpecification } from 'maplibre-gl'
import { createMap, type CreateMapOptions } from './create-map'
import { setMapLocale } from './map-locale'

type MapOptions = Omit<CreateMapOptions, 'container' | 'style'> & {
  style: () => Promise<StyleSpecification | string>
}

/**
 * Creates the map once per container, exposes it after its style has loaded, removes it on
 * unmount. Options are read at creation only: changing them never rebuilds the map. The
 * exception is `locale`, MapLibre's own labels, which follow the page's language.
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
      // The compact attribution opens itself when the style's credits arrive and covers a
      // phone's map; the page footer shows the same credits at all times, so it stays folded.
      // Folded in the same task as MapLibre opens it, before anything is painted: once shown,
      // its long text was the page's largest paint, and the last.
      const fold = () =>
        container
          .querySelector('.maplibregl-compact-show')
          ?.classList.remove('maplibregl-compact-show')
      created.on('styledata', fold)
      created.on('sourcedata', fold)
      created.once('load', () => {
        fold()
        created.off('styledata', fold)
        created.off('sourcedata', fold)
        setMap(created)
      })
    })
    return () => {
      cancelled = true
      setMap(null)
      instance?.remove()
    }
  }, [containerRef])

  // The map may have been built in the other language (chosen since, or while its style loaded).
  const { locale } = options
  useEffect(() => {
    if (map) setMapLocale(map, locale)
  }, [map, locale])

  return map
}
