import type { LonLat } from '@/backend/types'

export type GeolocationFailure = 'denied' | 'unavailable' | 'timeout' | 'unsupported'

export class GeolocationError extends Error {
  readonly reason: GeolocationFailure
  constructor(reason: GeolocationFailure, message: string) {
    super(message)
    this.name = 'GeolocationError'
    this.reason = reason
  }
}

/**
 * Asks the browser for the user's position, only when they asked for it ("Autour de moi").
 * Every failure becomes a reason the UI can explain.
 */
export function locateUser(
  geolocation: Geolocation | undefined = globalThis.navigator?.geolocation,
  timeoutMs = 10_000,
): Promise<LonLat> {
  return new Promise((resolve, reject) => {
    if (!geolocation) {
      reject(new GeolocationError('unsupported', 'Geolocation is not available'))
      return
    }
    geolocation.getCurrentPosition(
      (position) => resolve({ lon: position.coords.longitude, lat: position.coords.latitude }),
      (error) => {
        const reason: GeolocationFailure =
          error.code === 1 ? 'denied' : error.code === 3 ? 'timeout' : 'unavailable'
        reject(new GeolocationError(reason, error.message))
      },
      { enableHighAccuracy: false, timeout: timeoutMs, maximumAge: 60_000 },
    )
  })
}
