import type { PGlite } from '@electric-sql/pglite'
import { packDatabaseError } from './worker-errors'

/**
 * The database as the worker serves it to the tabs: `syncToFs` is the durable flush the tabs ask
 * for after a write, and every `execProtocol…` method (the tabs' queries go through the stream
 * form) packs a refusal's SQLSTATE into its message, since the worker's RPC forwards only the
 * message (see worker-errors.ts).
 */
export function databaseForTabs(db: PGlite, flush: () => Promise<void>): PGlite {
  return new Proxy(db, {
    get(target, property) {
      if (property === 'syncToFs') return flush
      if (
        typeof property === 'string' &&
        property.startsWith('execProtocol') &&
        !property.endsWith('Sync')
      ) {
        const method = Reflect.get(target, property) as (...args: unknown[]) => unknown
        return async (...args: unknown[]) => {
          try {
            return await method.apply(target, args)
          } catch (error) {
            throw packDatabaseError(error)
          }
        }
      }
      const value: unknown = Reflect.get(target, property)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}
