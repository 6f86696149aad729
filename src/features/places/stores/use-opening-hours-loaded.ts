import { useEffect, useSyncExternalStore } from 'react'
import {
  isOpeningHoursLoaded,
  loadOpeningHours,
  onOpeningHoursLoaded,
} from '../utils/opening-hours'

/**
 * Whether the hours library is there, starting its download if not; the component renders again
 * when it arrives. A failed download is tried again when the device comes back online.
 */
export function useOpeningHoursLoaded(): boolean {
  const loaded = useSyncExternalStore(onOpeningHoursLoaded, isOpeningHoursLoaded)
  useEffect(() => {
    if (loaded) return
    const load = () => void loadOpeningHours().catch(() => {})
    load()
    window.addEventListener('online', load)
    return () => window.removeEventListener('online', load)
  }, [loaded])
  return loaded
}
