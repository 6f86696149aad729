import type { Plugin } from 'vite'
import { buildEmbeddedAssets, type EmbeddedAssets } from './build-embedded-database.ts'
import { EMBEDDED_DIR } from '../../src/backend/embedded/embedded-manifest.ts'

const CONTENT_TYPES: Record<string, string> = {
  json: 'application/json',
  sql: 'text/plain; charset=utf-8',
  gz: 'application/gzip',
}

/**
 * Serves (dev) or emits (build) the embedded backend's prepared database, seed and snapshots
 * under `embedded/`. Only added to the build when no Supabase project is configured.
 */
export function embeddedDatabaseAssets(): Plugin {
  let assets: Promise<EmbeddedAssets> | null = null
  const load = () => (assets ??= buildEmbeddedAssets())
  return {
    name: 'vitrine-embedded-database-assets',
    configureServer(server) {
      void load().catch((error) => server.config.logger.error(String(error)))
      server.middlewares.use(async (req, res, next) => {
        const base = server.config.base.replace(/\/$/, '')
        const prefix = `${base}/${EMBEDDED_DIR}/`
        const path = (req.url ?? '').split('?')[0] ?? ''
        if (!path.startsWith(prefix)) return next()
        try {
          const file = (await load()).files.get(path.slice(prefix.length))
          if (!file) return next()
          const extension = path.split('.').pop() ?? ''
          res.setHeader('Content-Type', CONTENT_TYPES[extension] ?? 'application/octet-stream')
          res.setHeader(
            'Cache-Control',
            path.endsWith('manifest.json') ? 'no-cache' : 'max-age=31536000, immutable',
          )
          res.end(file)
        } catch (error) {
          next(error)
        }
      })
    },
    async generateBundle() {
      for (const [name, source] of (await load()).files) {
        this.emitFile({ type: 'asset', fileName: `${EMBEDDED_DIR}/${name}`, source })
      }
    },
  }
}
