import { useEffect, useSyncExternalStore } from 'react'
import { isOpeningHoursLoaded, loadOpeningHours, onOpeningHoursLoaded } from '@/shop/opening-hours'

/**
 * Whether the hours library is there, starting its download if not (once `start` is true: the
 * shoppers' page waits for its first places, so that the library does not compete with them on
 * a slow network); the component renders again when it arrives. A failed download is tried
 * again when the device comes back online.
 */
export function useOpeningHoursLoaded(start = true): boolean {
  const loaded = useSyncExternalStore(onOpeningHoursLoaded, isOpeningHoursLoaded)
  useEffect(() => {
    if (loaded || !start) return
    const load = () => void loadOpeningHours().catch(() => {})
    load()
    window.addEventListener('online', load)
    return () => window.removeEventListener('online', load)
  }, [loaded, start])
  return loaded
}
