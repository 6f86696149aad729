import { useEffect, useRef } from 'react'
import { useMap } from '@/map/map-context'
import type { Bounds } from '../utils/viewport-query'

/** Tells the page which area the map shows, once loaded and after each move. */
export function ViewportReporter({ onChange }: { onChange: (bounds: Bounds) => void }) {
  const map = useMap()
  const onChangeRef = useRef(onChange)
  useEffect(() => {
    onChangeRef.current = onChange
  }, [onChange])
  useEffect(() => {
    if (!map) return
    const report = () => {
      const bounds = map.getBounds()
      onChangeRef.current([
        bounds.getWest(),
        bounds.getSouth(),
        bounds.getEast(),
        bounds.getNorth(),
      ])
    }
    report()
    map.on('moveend', report)
    return () => {
      map.off('moveend', report)
    }
  }, [map])
  return null
}
