import { useRef, type ReactNode } from 'react'
import { MapContext } from './map-context'
import { useMapInstance } from './use-map-instance'
import { bundledStyle } from './bundled-style'
import { resolveBasemap } from './resolve-basemap'

export interface MapViewProps {
  label: string
  bounds: [number, number, number, number]
  communesUrl: string
  /** A remote vector style; null uses the bundled offline style only. */
  styleUrl: string | null
  attribution: string
  locale: Record<string, string>
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
  children,
}: MapViewProps) {
  const containerRef = useRef<HTMLDivElement>(null)
  const map = useMapInstance(containerRef, {
    style: () => resolveBasemap(styleUrl, bundledStyle(communesUrl)),
    bounds,
    attribution,
    locale,
  })
  return (
    <section className="map-view" role="region" aria-label={label}>
      <div ref={containerRef} className="map-view__canvas" />
      <MapContext.Provider value={map}>{children}</MapContext.Provider>
    </section>
  )
}
