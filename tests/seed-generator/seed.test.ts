import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  CATEGORIES,
  SERVICES,
  SUBCATEGORIES,
  subcategoryForOsmTags,
} from '../../supabase/seed-generator/categories'
import { DEMO_ACCOUNTS } from '../../supabase/seed-generator/demo-shops'
import { boundsContain, ringContains, type Position } from '../../supabase/seed-generator/geo'
import { buildSeed } from '../../supabase/seed-generator/seed-builder'
import { DATA_DIR, inputs, model } from './fixtures'

const repoRoot = join(import.meta.dirname, '..', '..')
const realPlaces = [...model.equipements, ...model.laposte, ...model.osm, ...model.finess]
const allShops = [...realPlaces, ...model.demo]

describe('generator output', () => {
  it('is byte-identical from one run to the next', () => {
    expect(buildSeed(DATA_DIR).sql).toBe(buildSeed(DATA_DIR).sql)
  })

  it('gives the same files when the command is run twice', () => {
    const dirs = [mkdtempSync(join(tmpdir(), 'seed-a-')), mkdtempSync(join(tmpdir(), 'seed-b-'))]
    try {
      for (const dir of dirs) {
        execFileSync(
          process.execPath,
          ['--import', 'tsx', 'supabase/seed-generator/build-seed.ts', '--out-dir', dir],
          {
            cwd: repoRoot,
            stdio: 'pipe',
          },
        )
      }
      for (const file of ['seed.sql', 'communes.geojson']) {
        const [a, b] = dirs.map((dir) => readFileSync(join(dir, file)))
        expect(a!.equals(b!), file).toBe(true)
      }
    } finally {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)

  it('matches the committed supabase/seed.sql and communes file (run `npm run seed` if not)', () => {
    const { sql, communesGeojson } = buildSeed(DATA_DIR)
    expect(readFileSync(join(repoRoot, 'supabase', 'seed.sql'), 'utf8')).toBe(sql)
    expect(
      readFileSync(
        join(repoRoot, 'public', 'data', 'territories', 'grand-poitiers', 'communes.geojson'),
        'utf8',
      ),
    ).toBe(communesGeojson)
  })

  it('is data only, wrapped in one transaction', () => {
    const { sql } = buildSeed(DATA_DIR)
    const statements = sql.replace(/--.*$/gm, '')
    expect(statements.trim().startsWith('begin;')).toBe(true)
    expect(statements.trim().endsWith('commit;')).toBe(true)
    expect(statements).not.toMatch(/\b(create|alter|drop|grant|revoke|truncate)\s/i)
  })
})

describe('reference data', () => {
  it('has the eight categories and kebab-case ASCII subcategories, 4 to 10 per category', () => {
    expect(CATEGORIES.map((c) => c.slug)).toEqual([
      'alimentation',
      'sante',
      'culture',
      'services',
      'jeux-et-jouets',
      'mode-et-beaute',
      'maison',
      'restauration',
    ])
    for (const category of CATEGORIES) {
      const count = SUBCATEGORIES.filter((s) => s.categorySlug === category.slug).length
      expect(count, category.slug).toBeGreaterThanOrEqual(4)
      expect(count, category.slug).toBeLessThanOrEqual(10)
    }
    for (const s of SUBCATEGORIES) expect(s.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    expect(new Set(SUBCATEGORIES.map((s) => s.slug)).size).toBe(SUBCATEGORIES.length)
  })

  it('maps each OSM tag to one subcategory at most', () => {
    const tags = SUBCATEGORIES.flatMap((s) => s.osmTags)
    expect(new Set(tags).size).toBe(tags.length)
    for (const tag of tags) expect(tag).toMatch(/^[a-z_:]+=[a-z_]+$/)
    expect(subcategoryForOsmTags({ shop: 'bakery' })?.slug).toBe('boulangerie')
    expect(subcategoryForOsmTags({ amenity: 'pharmacy', healthcare: 'pharmacy' })?.slug).toBe(
      'pharmacie',
    )
    expect(subcategoryForOsmTags({ amenity: 'library' })?.slug).toBe('bibliotheque')
    expect(subcategoryForOsmTags({ amenity: 'post_office' })?.slug).toBe('bureau-de-poste')
    expect(subcategoryForOsmTags({ shop: 'tobacco' })?.slug).toBe('tabac-presse')
    expect(subcategoryForOsmTags({ amenity: 'bench' })).toBeNull()
  })

  it('labels the seven services', () => {
    expect(SERVICES.map((s) => s.code)).toEqual([
      'click_and_collect',
      'delivery',
      'shipping',
      'gift_cards',
      'visit_by_appointment',
      'remote_ordering',
      'in_store',
    ])
  })
})

describe('territories and communes', () => {
  const [gp, niort] = model.territories

  it('bounds Grand Poitiers by its outline, slightly padded', () => {
    expect(gp!.slug).toBe('grand-poitiers')
    expect(gp!.bounds.west).toBeLessThan(-0.047)
    expect(gp!.bounds.west).toBeGreaterThan(-0.08)
    expect(gp!.bounds.east).toBeGreaterThan(0.7744)
    expect(gp!.bounds.east).toBeLessThan(0.8)
    expect(gp!.bounds.south).toBeLessThan(46.3049)
    expect(gp!.bounds.north).toBeGreaterThan(46.7852)
    expect(boundsContain(gp!.bounds, gp!.centre)).toBe(true)
  })

  it('marks the Niort Agglo bounds as an approximation', () => {
    expect(niort!.slug).toBe('niort-agglo')
    expect(niort!.note).toMatch(/APPROXIMATION/)
    expect(boundsContain(niort!.bounds, [-0.4594, 46.3238])).toBe(true)
  })

  it('lists the 40 Grand Poitiers communes and Niort', () => {
    const gpCommunes = model.communes.filter((c) => c.territorySlug === 'grand-poitiers')
    expect(gpCommunes).toHaveLength(40)
    expect(gpCommunes.find((c) => c.inseeCode === '86194')).toMatchObject({
      name: 'Poitiers',
      postcodes: ['86000'],
    })
    expect(
      gpCommunes.every((c) => c.population !== null && c.postcodes.every((p) => /^\d{5}$/.test(p))),
    ).toBe(true)
    expect(model.communes.find((c) => c.inseeCode === '79191')?.territorySlug).toBe('niort-agglo')
  })
})

describe('places', () => {
  it('has the 17 markets of the équipements file', () => {
    expect(model.equipements.filter((s) => s.kind === 'marche')).toHaveLength(17)
  })

  it('claims no status, service or ordering method for a real place', () => {
    for (const shop of realPlaces) {
      expect(shop.status, shop.sourceRef).toBe('unknown')
      expect(shop.services, shop.sourceRef).toEqual([])
      expect(shop.statusMessage).toBeNull()
      expect(shop.orderingInstructions).toBeNull()
      expect(shop.published).toBe(true)
      expect(shop.sourceAttribution).toBeTruthy()
    }
  })

  it('never converts the free-text hours of the open-data file', () => {
    expect(model.equipements.every((s) => s.openingHours === null)).toBe(true)
    const withNote = model.equipements.filter((s) => s.openingHoursNote !== null)
    expect(withNote.length).toBeGreaterThanOrEqual(17)
  })

  it('gives unique ids and unique (source, source_ref)', () => {
    expect(new Set(allShops.map((s) => s.id)).size).toBe(allShops.length)
    expect(new Set(allShops.map((s) => `${s.source}|${s.sourceRef}`)).size).toBe(allShops.length)
  })

  it('keeps every place inside its territory and its subcategory inside its category', () => {
    for (const shop of allShops) {
      const territory = model.territories.find((t) => t.slug === shop.territorySlug)!
      expect(boundsContain(territory.bounds, shop.location), shop.sourceRef).toBe(true)
      const sub = SUBCATEGORIES.find((s) => s.slug === shop.subcategorySlug)
      expect(sub?.categorySlug, shop.sourceRef).toBe(shop.categorySlug)
      expect(shop.name.length).toBeLessThanOrEqual(120)
    }
  })
})

describe('demo data', () => {
  const poitiers = inputs.communesGeojson.features.find((f) => f.properties.code_insee === '86194')!
  const ring = (poitiers.geometry.coordinates as Position[][])[0]!

  it('is clearly fictional and placed inside Poitiers', () => {
    expect(model.demo.length).toBeGreaterThanOrEqual(6)
    for (const shop of model.demo) {
      expect(shop.name.startsWith('Démo — ')).toBe(true)
      expect(shop.source).toBe('demo')
      expect(shop.address).toMatch(/fictive/)
      expect(ringContains(ring, shop.location), shop.name).toBe(true)
    }
  })

  it('covers every service, every status and one unpublished shop', () => {
    const services = new Set(model.demo.flatMap((s) => s.services))
    expect([...services].sort()).toEqual(SERVICES.map((s) => s.code).sort())
    expect(new Set(model.demo.map((s) => s.status))).toEqual(new Set(['open', 'closed', 'unknown']))
    expect(
      model.demo.some(
        (s) => s.status === 'closed' && s.statusMessage && s.closedUntilDaysAfterSeeding,
      ),
    ).toBe(true)
    expect(new Set(model.demo.map((s) => s.kind))).toEqual(
      new Set(['commercant', 'artisan', 'producteur']),
    )
    expect(model.demo.filter((s) => !s.published)).toHaveLength(1)
    expect(
      model.demo.every((s) => s.closedUntilDaysAfterSeeding === null || s.status === 'closed'),
    ).toBe(true)
  })

  it('gives Camille three shops and Bruno two', () => {
    const owned = (email: string) => {
      const userId = DEMO_ACCOUNTS.find((a) => a.email === email)!.userId
      return model.memberships.filter((m) => m.userId === userId && m.role === 'owner').length
    }
    expect(owned('marchande@demo.vitrine.test')).toBe(3)
    expect(owned('marchand@demo.vitrine.test')).toBe(2)
    expect(model.curators).toEqual([
      { territorySlug: 'grand-poitiers', userId: DEMO_ACCOUNTS[2]!.userId },
      { territorySlug: 'niort-agglo', userId: DEMO_ACCOUNTS[3]!.userId },
    ])
  })
})
