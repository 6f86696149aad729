import { describe, expect, it } from 'vitest'
import {
  assertUniqueSeedKeys,
  renderSeedSql,
  type SeedModel,
} from '../../supabase/seed-generator/seed-builder'
import { model } from './fixtures'

/**
 * The database lets two territories hold the same (source, source_ref)
 * (supabase/migrations/20261207092000_keys_locks_and_limits.sql), but a seed shop's id is derived
 * from that key alone: the seed keeps every key once.
 */
describe('seed keys', () => {
  it('the seed built from supabase/data holds every key once', () => {
    const all = [
      ...model.equipements,
      ...model.laposte,
      ...model.osm,
      ...model.finess,
      ...model.demo,
    ]
    expect(() => assertUniqueSeedKeys(all)).not.toThrow()
  })

  it('a key in two territories is refused by name, not left to collide on the id', () => {
    const osm = model.osm[0]!
    const elsewhere = { ...osm, territorySlug: 'grand-poitiers', name: 'Même clé ailleurs' }
    const doubled: SeedModel = { ...model, osm: [...model.osm, elsewhere] }
    expect(() => renderSeedSql(doubled)).toThrow(
      `Two seed places share the key osm:${osm.sourceRef} (niort-agglo: "${osm.name}", ` +
        `grand-poitiers: "Même clé ailleurs")`,
    )
  })
})
