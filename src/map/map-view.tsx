import { useRef, useState, type ReactNode } from 'react'
import { MapContext } from './map-context'
import { useMapInstance } from './use-map-instance'
import { bundledStyle } from './bundled-style'
import { resolveBasemap } from './resolve-basemap'
import { loadTerritoryOutlines } from './territory-outlines'

export interface MapViewProps {
  label: string
  bounds: [number, number, number, number]
  /** The territory's bundled commune outlines; a territory may have none. */
  communesUrl: string
  /** A remote vector style; null uses the bundled offline style only. */
  styleUrl: string | null
  attribution: string
  locale: Record<string, string>
  /** Said over the map when it has neither the remote style nor the territory's outlines. */
  noBasemapText: string
  children?: ReactNode
}

/** The shared map shell: a labelled region holding the map; layers come as children. */
export function MapView({
  label,
  bounds,
  communesUrl,
  styleUrl,
  attribution,
  locale,
  noBasemapText,
  children,
}: MapViewProps) {
  const containerRef = useRef<HTMLDivElement>(null)
  const [withoutBasemap, setWithoutBasemap] = useState(false)
  const map = useMapInstance(containerRef, {
    style: async () => {
      const remote = await resolveBasemap(styleUrl, null)
      if (remote) return remote
      // Offline (or the style failed): the outlines when the territory has them, else its bounds.
      const outlines = await loadTerritoryOutlines(communesUrl)
      if (!outlines) setWithoutBasemap(true)
      return bundledStyle(outlines, bounds)
    },
    bounds,
    attribution,
    locale,
  })
  return (
    <section className="map-view" role="region" aria-label={label}>
      <div ref={containerRef} className="map-view__canvas" />
      {withoutBasemap ? <p className="map-view__notice">{noBasemapText}</p> : null}
      <MapContext.Provider value={map}>{children}</MapContext.Provider>
    </section>
  )
}
