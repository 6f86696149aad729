import { describe, expect, it } from 'vitest'
import { APP_ROUTE_PATTERNS, NEVER_THE_APP, installableApp } from '@/app/pwa-config'
import { PAGE_SEGMENTS, pagePath } from '@/lib/routes'

/** What the service worker answers with the app (index.html) for a navigation, offline too. */
const answeredWithTheApp = (path: string) =>
  APP_ROUTE_PATTERNS.some((pattern) => pattern.test(path)) &&
  !NEVER_THE_APP.some((pattern) => pattern.test(path))

describe('the service worker’s navigation fallback', () => {
  it('answers every page of the route table, and the first version’s paths', () => {
    expect(answeredWithTheApp('/')).toBe(true)
    expect(answeredWithTheApp(pagePath('niort-agglo'))).toBe(true)
    expect(answeredWithTheApp(`${pagePath('niort-agglo')}/`)).toBe(true)
    for (const segment of Object.values(PAGE_SEGMENTS)) {
      const page = (Object.keys(PAGE_SEGMENTS) as (keyof typeof PAGE_SEGMENTS)[]).find(
        (key) => PAGE_SEGMENTS[key] === segment,
      )!
      expect(answeredWithTheApp(pagePath('grand-poitiers', page))).toBe(true)
      expect(answeredWithTheApp(`/${segment}`)).toBe(true)
    }
  })

  it('never answers Supabase’s API, its sign-in callback or files with the app', () => {
    for (const path of [
      '/rest/v1/shops',
      '/auth/v1/verify',
      '/auth/v1/callback',
      '/storage/v1/object/x',
      '/functions/v1/geocode',
      '/assets/index.js',
      '/embedded/manifest.json',
      '/data/territories/grand-poitiers/communes.geojson',
      '/manifest.webmanifest',
      '/t/niort-agglo/mon-commerce/extra/deep',
    ]) {
      expect(answeredWithTheApp(path), path).toBe(false)
    }
  })

  it('is the configuration the build uses', () => {
    expect(installableApp.workbox?.navigateFallbackAllowlist).toBe(APP_ROUTE_PATTERNS)
    expect(installableApp.workbox?.navigateFallbackDenylist).toBe(NEVER_THE_APP)
    expect(installableApp.registerType).toBe('prompt')
  })
})
