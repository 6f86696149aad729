import type { VitePWAOptions } from 'vite-plugin-pwa'

/** The app's paths that the service worker answers with the app when offline (src/lib/routes.ts). */
export const APP_ROUTE_PATTERNS = [
  /^\/$/,
  /^\/t\/[^/]+(\/[^/]*)?\/?$/,
  // The paths of the first version, redirected to a territory's page by the app.
  /^\/(mon-commerce|referencer|curation|embed)\/?$/,
]

/**
 * Never answered with the app, even if a host puts them on the same origin: Supabase's API,
 * its sign-in endpoints (the magic link's callback goes through `/auth/v1/verify`), and files.
 */
export const NEVER_THE_APP = [
  /^\/(rest|auth|storage|realtime|functions|graphql)\//,
  /^\/(assets|embedded|data|icons)\//,
]

/**
 * The installable app (vite-plugin-pwa, Workbox). The shell and the merchants' page are
 * precached, so "Mon commerce" opens offline; the big libraries (map, opening hours, the embedded
 * database) are cached when first used, and src/app/app-updates.tsx puts there those that the
 * first visit loaded before the service worker was in charge. A new version waits for the user:
 * "Nouvelle version disponible — Recharger", never a swap while someone types.
 */
/**
 * Hosts answer with `Vary: Origin` (vite preview does), and a module script's request carries an
 * Origin header that the page's own fetch did not: without this, a cached file is not found.
 */
const matchOptions = { ignoreVary: true }

export const installableApp: Partial<VitePWAOptions> = {
  registerType: 'prompt',
  injectRegister: false,
  manifest: {
    id: '/',
    name: 'Vitrine — les commerces ouverts près de chez vous',
    short_name: 'Vitrine',
    description:
      'La carte des commerces, artisans et producteurs ouverts près de chez vous, et leur espace pour dire ce qu’ils proposent.',
    lang: 'fr',
    dir: 'ltr',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'any',
    theme_color: '#0b5d4b',
    background_color: '#ffffff',
    categories: ['shopping', 'business', 'navigation'],
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      {
        src: '/icons/icon-maskable-512.png',
        sizes: '512x512',
        type: 'image/png',
        purpose: 'maskable',
      },
    ],
    shortcuts: [
      {
        name: 'Mon commerce',
        short_name: 'Mon commerce',
        description: 'Dire si mon commerce est ouvert, et ce qu’il propose aujourd’hui',
        url: '/mon-commerce',
        icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }],
      },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
    // Cached at run time instead: the map and hours libraries, the embedded database's worker,
    // the curators' and referencing pages (only their users pay for them), and data files.
    globIgnores: [
      '**/map-view-*',
      '**/maplibre-gl-worker-*',
      '**/opening_hours*',
      '**/embedded-worker-*',
      '**/curation-page-*',
      '**/referencing-page-*',
      // PGlite's file systems for Node and OPFS, which the app never uses.
      '**/nodefs-*',
      '**/opfs-ahp-*',
      '**/memfs2opfs-*',
      'screenshots/**',
      'data/**',
      'embedded/**',
    ],
    navigateFallback: '/index.html',
    navigateFallbackAllowlist: APP_ROUTE_PATTERNS,
    navigateFallbackDenylist: NEVER_THE_APP,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    // Each test is copied into the service worker as written: it may use nothing from here.
    runtimeCaching: [
      {
        // Hashed names: a file never changes, a new version has a new name.
        urlPattern: ({ url }) =>
          url.origin === self.location.origin && url.pathname.startsWith('/assets/'),
        handler: 'CacheFirst',
        options: {
          cacheName: 'vitrine-code',
          expiration: { maxEntries: 80, purgeOnQuotaError: true },
          cacheableResponse: { statuses: [200] },
          matchOptions,
        },
      },
      {
        // Names the current prepared database: the network when it answers, else the last one.
        urlPattern: ({ url }) =>
          url.origin === self.location.origin && url.pathname === '/embedded/manifest.json',
        handler: 'NetworkFirst',
        options: {
          cacheName: 'vitrine-embedded-manifest',
          networkTimeoutSeconds: 4,
          cacheableResponse: { statuses: [200] },
          matchOptions,
        },
      },
      {
        urlPattern: ({ url }) =>
          url.origin === self.location.origin && url.pathname.startsWith('/embedded/'),
        handler: 'CacheFirst',
        options: {
          cacheName: 'vitrine-embedded',
          expiration: { maxEntries: 12, purgeOnQuotaError: true },
          cacheableResponse: { statuses: [200] },
          matchOptions,
        },
      },
      {
        urlPattern: ({ url }) =>
          url.origin === self.location.origin && url.pathname.startsWith('/data/'),
        handler: 'StaleWhileRevalidate',
        options: {
          cacheName: 'vitrine-territory-data',
          expiration: { maxEntries: 40, purgeOnQuotaError: true },
          cacheableResponse: { statuses: [200] },
          matchOptions,
        },
      },
    ],
  },
}
