import type { Plugin } from 'vite'
export function embeddedDatabaseAssets(): Plugin {
  return { name: 'vitrine-embedded-database-assets' }
}
