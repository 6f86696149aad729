import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  expectRefused,
  openTestDatabase,
  REFUSED,
  type SessionStep,
  type TestDatabase,
} from '../test-database'
import { CATEGORY, SHOP, SUBCATEGORY, TERRITORY } from './fixtures'
import { CACTOR, errorOf, loadCurationFixtures } from './curation-fixtures'
import { expectPermissionDenied } from './helpers'

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
  await loadCurationFixtures(db)
})
afterAll(() => db?.close())

/** One line as the importers send it (camelCase keys, as src/features/import-export reads files). */
type ImportLine = {
  onDuplicate?: string
  positionApproximate?: boolean
  line: number
  sourceRef: string | null
  kind: string | null
  name: string | null
  categorySlug: string | null
  subcategorySlug: string | null
  description: string | null
  address: string | null
  postcode: string | null
  communeInsee: string | null
  communeName: string | null
  lon: number | null
  lat: number | null
  phone: string | null
  email: string | null
  website: string | null
  socialLinks: string[]
  openingHours: string | null
  openingHoursNote: string | null
  orderingInstructions: string | null
  services: string[]
}

/** A valid line for test-x; each line number gets its own place about 1 km from the others. */
function line(n: number, overrides: Partial<ImportLine> = {}): ImportLine {
  return {
    line: n,
    sourceRef: `questionnaire/${n}`,
    kind: 'commercant',
    name: `Boutique importée ${n}`,
    categorySlug: CATEGORY.food,
    subcategorySlug: SUBCATEGORY.bakery,
    description: `Description ${n}`,
    address: `${n} rue de l’Import`,
    postcode: '00100',
    communeInsee: '00001',
    communeName: 'Testville X',
    lon: Number((1.1 + n * 0.01).toFixed(4)),
    lat: 45.2,
    // Each place its own number: a shared number says "the same place" (a possible duplicate).
    phone: `05 49 ${String(Math.floor(n / 100) % 100).padStart(2, '0')} ${String(n % 100).padStart(2, '0')} 00`,
    email: `boutique${n}@example.org`,
    website: `https://boutique${n}.example.org`,
    socialLinks: [`https://social.example/boutique${n}`],
    openingHours: 'Mo-Sa 09:00-19:00',
    openingHoursNote: null,
    orderingInstructions: 'Par téléphone',
    services: ['in_store', 'click_and_collect'],
    ...overrides,
  }
}

type Report = { line: number; action: string; shop_id: string | null; message: string | null }

const IMPORT = `select line, action, shop_id, message
  from public.import_shops($1::text, $2::text, $3::jsonb, $4::boolean)`

const run = (
  step: SessionStep,
  lines: unknown[],
  options: {
    actor?: keyof typeof CACTOR
    source?: string
    territory?: string
    dryRun?: boolean | null
  } = {},
) =>
  step<Report>(CACTOR[options.actor ?? 'curatorX'], IMPORT, [
    options.territory ?? TERRITORY.X,
    options.source ?? 'import',
    JSON.stringify(lines),
    options.dryRun === undefined ? false : options.dryRun,
  ])

/** Everything an import may touch, as text, to prove that nothing changed. */
const snapshot = async (step: SessionStep) => {
  const [row] = await step<{ s: string }>(
    'superuser',
    `select jsonb_build_array(
       (select jsonb_agg(to_jsonb(s) order by s.id) from public.shops s),
       (select count(*) from public.shop_status_events))::text as s`,
  )
  return row!.s
}

const shopByRef = (step: SessionStep, ref: string, source = 'import') =>
  step<Record<string, unknown>>(
    'superuser',
    `select id, territory_slug, kind, name, category_slug, subcategory_slug, description, address,
            postcode, commune_insee, commune_name, location[0] as lon, location[1] as lat, phone,
            email, website, social_links, opening_hours, opening_hours_note,
            ordering_instructions, services::text, status, published, source, source_attribution,
            updated_at::text
       from public.shops where source = $1 and source_ref = $2`,
    [source, ref],
  )

describe('import_shops: who may import', () => {
  it.each(['stranger', 'ownerA', 'staffA', 'merchant', 'curatorY'] as const)(
    '%s cannot import into test-x (42501 before any work)',
    async (actor) => {
      await db.session(async (step) => {
        const before = await snapshot(step)
        const error = await errorOf(run(step, [line(2)], { actor }))
        expect(error?.code).toBe(REFUSED.privilege)
        expect(error?.message).toBe('Seuls les curateurs du territoire peuvent importer des lieux.')
        expect(await snapshot(step)).toBe(before)
      })
    },
  )

  it('curatorX cannot import into test-y (42501), even with rows that would fit there', () =>
    expectRefused(
      db.session((step) =>
        run(
          step,
          [line(2, { lon: 3.5, lat: 47.5, categorySlug: CATEGORY.craft, subcategorySlug: null })],
          {
            territory: TERRITORY.Y,
          },
        ),
      ),
      REFUSED.privilege,
    ))

  it('an unknown territory: 42501', () =>
    expectRefused(
      db.session((step) => run(step, [line(2)], { territory: 'test-nowhere' })),
      REFUSED.privilege,
    ))

  it('the privilege check comes before the size check', () =>
    expectRefused(
      db.session((step) =>
        run(
          step,
          Array.from({ length: 10_001 }, (_, i) => ({ line: i + 2 })),
          { actor: 'stranger' },
        ),
      ),
      REFUSED.privilege,
    ))

  it('anon cannot execute it (42501)', () =>
    expectPermissionDenied(
      db.as(CACTOR.anon, IMPORT, [TERRITORY.X, 'import', JSON.stringify([line(2)]), true]),
      'function import_shops',
    ))

  it('is security invoker, so that the shops policies decide', async () => {
    const [row] = await db.superuser<{ definer: boolean }>(
      `select prosecdef as definer from pg_proc where oid = 'public.import_shops(text, text, jsonb, boolean)'::regprocedure`,
    )
    expect(row).toEqual({ definer: false })
  })
})

describe('import_shops: arguments', () => {
  it('more than 10,000 rows are refused with a clear message (54000)', async () => {
    const error = await db.session((step) =>
      errorOf(
        run(
          step,
          Array.from({ length: 10_001 }, (_, i) => ({ line: i + 2 })),
        ),
      ),
    )
    expect(error).toMatchObject({
      code: '54000',
      message: 'Trop de lignes : 10000 au plus par import (ce fichier en a 10001).',
    })
  })

  it('an unknown source is refused (22023)', () =>
    expectRefused(
      db.session((step) => run(step, [line(2)], { source: 'open_data' })),
      '22023',
    ))

  it.each([
    ['an object', { line: 2 }],
    ['null', null],
  ])('rows that are %s are refused (22023)', (_label, rows) =>
    expectRefused(
      db.session((step) =>
        step(CACTOR.curatorX, IMPORT, [TERRITORY.X, 'import', JSON.stringify(rows), false]),
      ),
      '22023',
    ),
  )

  it('no rows: an empty report', async () => {
    expect(await db.session((step) => run(step, []))).toEqual([])
  })
})

describe('import_shops: create, re-import, update', () => {
  it('creates published shops with their source and key; status unknown', async () => {
    await db.session(async (step) => {
      const report = await run(step, [line(2), line(3, { subcategorySlug: null, services: [] })])
      expect(report).toEqual([
        { line: 2, action: 'create', shop_id: expect.any(String), message: null },
        { line: 3, action: 'create', shop_id: expect.any(String), message: null },
      ])
      const [shop] = await shopByRef(step, 'questionnaire/2')
      expect(shop).toEqual({
        id: report[0]!.shop_id,
        territory_slug: TERRITORY.X,
        kind: 'commercant',
        name: 'Boutique importée 2',
        category_slug: CATEGORY.food,
        subcategory_slug: SUBCATEGORY.bakery,
        description: 'Description 2',
        address: '2 rue de l’Import',
        postcode: '00100',
        commune_insee: '00001',
        commune_name: 'Testville X',
        lon: 1.12,
        lat: 45.2,
        phone: '05 49 00 02 00',
        email: 'boutique2@example.org',
        website: 'https://boutique2.example.org',
        social_links: ['https://social.example/boutique2'],
        opening_hours: 'Mo-Sa 09:00-19:00',
        opening_hours_note: null,
        ordering_instructions: 'Par téléphone',
        services: '{click_and_collect,in_store}',
        status: 'unknown',
        published: true,
        source: 'import',
        source_attribution: null,
        updated_at: expect.any(String),
      })
      // Visitors see it at once.
      expect(
        await step(CACTOR.anon, 'select name from public.shops where id = $1', [
          report[1]!.shop_id,
        ]),
      ).toEqual([{ name: 'Boutique importée 3' }])
    })
  })

  it('an OpenStreetMap import credits its contributors', async () => {
    await db.session(async (step) => {
      const report = await run(step, [line(2, { sourceRef: 'node/42' })], { source: 'osm' })
      expect(report).toMatchObject([{ action: 'create' }])
      expect(await shopByRef(step, 'node/42', 'osm')).toMatchObject([
        { source: 'osm', source_attribution: '© OpenStreetMap contributors', published: true },
      ])
    })
  })

  it('importing the same rows twice: every line unchanged, nothing written, updated_at kept', async () => {
    await db.session(async (step) => {
      const lines = [line(2), line(3), line(4, { subcategorySlug: null, socialLinks: [] })]
      const first = await run(step, lines)
      const before = await snapshot(step)
      const second = await run(step, lines)
      expect(second).toEqual(
        first.map((r) => ({
          line: r.line,
          action: 'unchanged',
          shop_id: r.shop_id,
          message: null,
        })),
      )
      expect(await snapshot(step)).toBe(before)
      // And once more, in another order and with extra blanks that are trimmed away.
      const third = await run(step, [
        { ...lines[2]!, name: '  Boutique importée 4  ' },
        lines[1]!,
        { ...lines[0]!, services: ['click_and_collect', 'in_store', 'in_store'] },
      ])
      expect(third.map((r) => r.action)).toEqual(['unchanged', 'unchanged', 'unchanged'])
      expect(await snapshot(step)).toBe(before)
    })
  })

  it('the same values written differently are unchanged: phone, web address, position within 1 m', async () => {
    await db.session(async (step) => {
      const original = line(2, { phone: '+33549000000', website: 'http://Boutique2.example.org/' })
      await run(step, [original])
      const before = await snapshot(step)
      // About 50 cm east, the national format, https and no trailing slash.
      const rewritten = {
        ...original,
        lon: original.lon! + 0.0000065,
        phone: '05 49 00 00 00',
        website: 'https://boutique2.example.org',
      }
      expect((await run(step, [rewritten])).map((r) => r.action)).toEqual(['unchanged'])
      expect(await snapshot(step)).toBe(before)
      // Two metres away is another position; another path is another page.
      const moved = await run(step, [{ ...original, lon: original.lon! + 0.000026 }])
      expect(moved.map((r) => [r.action, r.message])).toEqual([['update', 'Modifié : emplacement']])
      const otherPage = await run(step, [
        { ...original, website: 'https://boutique2.example.org/Contact' },
      ])
      expect(otherPage.map((r) => r.action)).toEqual(['update'])
    })
  })

  it('a changed value updates the shop, says what changed, and leaves its status alone', async () => {
    await db.session(async (step) => {
      await run(step, [line(2)])
      const [created] = await shopByRef(step, 'questionnaire/2')
      await step('superuser', `update public.shops set status = 'open' where id = $1`, [
        created!.id,
      ])
      const report = await run(step, [
        line(2, { phone: '05 49 11 11 11', openingHours: 'Mo-Fr 09:00-18:00', lat: 45.21 }),
      ])
      expect(report).toEqual([
        {
          line: 2,
          action: 'update',
          shop_id: created!.id,
          message: 'Modifié : emplacement, téléphone, horaires',
        },
      ])
      const [updated] = await shopByRef(step, 'questionnaire/2')
      expect(updated).toMatchObject({
        phone: '05 49 11 11 11',
        opening_hours: 'Mo-Fr 09:00-18:00',
        lat: 45.21,
        status: 'open',
      })
      expect(updated!.updated_at).not.toBe(created!.updated_at)
    })
  })

  it('an unpublished shop of the territory is published again by its import', async () => {
    await db.session(async (step) => {
      const report = await run(step, [
        line(2, {
          sourceRef: 'test-policies/U',
          name: 'Test shop U',
          kind: 'producteur',
          subcategorySlug: null,
          lon: 1.6,
          lat: 45.6,
        }),
      ])
      expect(report).toMatchObject([{ action: 'update', shop_id: SHOP.U }])
      expect(report[0]!.message).toMatch(/publication/)
      expect(await shopByRef(step, 'test-policies/U')).toMatchObject([{ published: true }])
    })
  })

  it('a line without a line number is numbered by its position', async () => {
    const report = await db.session((step) => run(step, [line(7), { ...line(8), line: undefined }]))
    expect(report.map((r) => r.line)).toEqual([7, 2])
  })
})

describe('import_shops: shops managed by a merchant', () => {
  /** Shop A (members ownerA and staffA) as the file would describe it. */
  const shopA = (overrides: Partial<ImportLine> = {}) =>
    line(2, {
      sourceRef: 'test-policies/A',
      kind: 'commercant',
      name: 'Test shop A',
      categorySlug: CATEGORY.food,
      subcategorySlug: null,
      address: '1 rue A',
      postcode: '00100',
      communeInsee: '00001',
      communeName: 'Testville X',
      lon: 1.5,
      lat: 45.5,
      ...overrides,
    })

  const MANAGED = 'Fiche gérée par le commerçant : ses informations sont conservées'

  it('only the curated columns change; the merchant’s hours, contacts and services are kept', async () => {
    await db.session(async (step) => {
      const [before] = await shopByRef(step, 'test-policies/A')
      const report = await run(step, [
        shopA({ name: 'Test shop A (renamed)', address: '2 rue A', lon: 1.501 }),
      ])
      expect(report).toEqual([{ line: 2, action: 'update', shop_id: SHOP.A, message: MANAGED }])
      const [after] = await shopByRef(step, 'test-policies/A')
      expect(after).toEqual({
        ...before,
        name: 'Test shop A (renamed)',
        address: '2 rue A',
        lon: 1.501,
        // A questionnaire import credits no one (OpenStreetMap imports credit their contributors).
        source_attribution: null,
        updated_at: expect.any(String),
      })
      // What the merchant set is still there, not the file's values.
      expect(after).toMatchObject({
        description: 'Shop A',
        phone: '+33 1 00 00 00 01',
        email: 'a@example.fr',
        website: 'https://a.example.fr',
        opening_hours: 'Mo-Sa 08:00-19:00',
        services: '{in_store}',
        status: 'closed',
      })
    })
  })

  it('when only the merchant’s fields differ, the line is unchanged and nothing is written', async () => {
    await db.session(async (step) => {
      // The fixture's credit line would otherwise differ from a questionnaire import's (none).
      await step('superuser', 'update public.shops set source_attribution = null where id = $1', [
        SHOP.A,
      ])
      const before = await snapshot(step)
      const report = await run(step, [shopA()])
      expect(report).toEqual([{ line: 2, action: 'unchanged', shop_id: SHOP.A, message: MANAGED }])
      expect(await snapshot(step)).toBe(before)
    })
  })

  it('a shop without members takes every imported field', async () => {
    await db.session(async (step) => {
      await run(step, [line(2)])
      const report = await run(step, [line(2, { name: 'Nouveau nom', phone: null })])
      expect(report).toMatchObject([{ action: 'update', message: 'Modifié : nom, téléphone' }])
      expect(await shopByRef(step, 'questionnaire/2')).toMatchObject([
        { name: 'Nouveau nom', phone: null },
      ])
    })
  })
})

describe('import_shops: all or nothing', () => {
  it('a dry run reports what would happen and changes nothing', async () => {
    await db.session(async (step) => {
      await run(step, [line(3)])
      const [existing] = await shopByRef(step, 'questionnaire/3')
      const before = await snapshot(step)
      const report = await run(step, [line(2), line(3, { name: 'Renommée' }), line(4)], {
        dryRun: true,
      })
      expect(report).toEqual([
        { line: 2, action: 'create', shop_id: null, message: null },
        { line: 3, action: 'update', shop_id: existing!.id, message: 'Modifié : nom' },
        { line: 4, action: 'create', shop_id: null, message: null },
      ])
      expect(await snapshot(step)).toBe(before)
    })
  })

  it('dry_run null is taken as a dry run', async () => {
    await db.session(async (step) => {
      const before = await snapshot(step)
      expect(await run(step, [line(2)], { dryRun: null })).toMatchObject([{ action: 'create' }])
      expect(await snapshot(step)).toBe(before)
    })
  })

  it('one bad line: every line is reported and nothing is committed', async () => {
    await db.session(async (step) => {
      await run(step, [line(5)])
      const before = await snapshot(step)
      const report = await run(step, [
        line(2),
        line(3, { phone: 'pas un numéro' }),
        line(4),
        line(5, { name: 'Renommée' }),
      ])
      expect(report).toEqual([
        { line: 2, action: 'create', shop_id: null, message: null },
        { line: 3, action: 'error', shop_id: null, message: 'Téléphone invalide' },
        { line: 4, action: 'create', shop_id: null, message: null },
        { line: 5, action: 'update', shop_id: expect.any(String), message: 'Modifié : nom' },
      ])
      expect(await snapshot(step)).toBe(before)
    })
  })

  it('several bad lines are all reported', async () => {
    const report = await db.session((step) =>
      run(step, [
        line(2, { categorySlug: 'test-nope' }),
        line(3),
        line(4, { website: 'ftp://boutique.example.org' }),
      ]),
    )
    expect(report.map((r) => [r.line, r.action])).toEqual([
      [2, 'error'],
      [3, 'create'],
      [4, 'error'],
    ])
  })

  it('the same key twice in the file', async () => {
    await db.session(async (step) => {
      const before = await snapshot(step)
      const report = await run(step, [line(2), line(3), line(4, { sourceRef: 'questionnaire/2' })])
      expect(report).toEqual([
        { line: 2, action: 'create', shop_id: null, message: null },
        { line: 3, action: 'create', shop_id: null, message: null },
        {
          line: 4,
          action: 'error',
          shop_id: null,
          message: 'Doublon dans le fichier : même clé que la ligne 2',
        },
      ])
      expect(await snapshot(step)).toBe(before)
    })
  })
})

describe('import_shops: possible duplicates', () => {
  it('a new key with the name of a shop within 150 m updates that shop by default, and says so', async () => {
    await db.session(async (step) => {
      // Shop A is at (1.5, 45.5); 0.001° of latitude is about 111 m.
      const report = await run(step, [line(2, { name: 'TEST  shop-a', lon: 1.5, lat: 45.501 })])
      expect(report).toEqual([
        {
          line: 2,
          action: 'update',
          shop_id: SHOP.A,
          message: expect.stringMatching(
            // Shop A has members: its curated fields are updated, the merchant's kept.
            /^Doublon possible de « Test shop A » \(import, 111 m\) : fiche existante : Fiche gérée par le commerçant/,
          ),
        },
      ])
      // The place keeps its own source and key; no second place appears.
      const [a] = await step<{ source_ref: string; n: number }>(
        'superuser',
        `select source_ref, (select count(*)::int from public.shops where source_ref = 'questionnaire/2') as n
           from public.shops where id = $1`,
        [SHOP.A],
      )
      expect(a).toEqual({ source_ref: 'test-policies/A', n: 0 })
    })
  })

  it('a possible duplicate is created anew or ignored when the line says so', async () => {
    await db.session(async (step) => {
      const near = { name: 'Test shop A', lon: 1.5, lat: 45.501 }
      const ignored = await run(step, [line(2, { ...near, onDuplicate: 'ignore' })])
      expect(ignored).toEqual([
        {
          line: 2,
          action: 'unchanged',
          shop_id: SHOP.A,
          message: 'Doublon possible de « Test shop A » (import, 111 m) : ligne ignorée',
        },
      ])
      const created = await run(step, [line(2, { ...near, onDuplicate: 'create' })])
      expect(created).toEqual([
        {
          line: 2,
          action: 'create',
          shop_id: expect.any(String),
          message: 'Doublon possible de « Test shop A » (import, 111 m) : nouvelle fiche créée',
        },
      ])
      expect(created[0]!.shop_id).not.toBe(SHOP.A)
      const unknown = await run(step, [line(3, { ...near, onDuplicate: 'merge' })])
      expect(unknown[0]!.message).toBe(
        'Choix inconnu pour un doublon : « merge » (update, create ou ignore).',
      )
    })
  })

  it('the same name and address is the same place at any distance; so is the same phone', async () => {
    await db.session(async (step) => {
      const sameAddress = await run(step, [
        line(2, {
          name: 'Test shop A',
          address: '1 rue A',
          postcode: '00100',
          lon: 1.1,
          lat: 45.2,
        }),
      ])
      expect(sameAddress.map((r) => [r.action, r.shop_id])).toEqual([['update', SHOP.A]])
      const samePhone = await run(step, [line(4, { name: 'Autre nom', phone: '01 00 00 00 01' })])
      expect(samePhone.map((r) => [r.action, r.shop_id])).toEqual([['update', SHOP.A]])
    })
  })

  it('a place updated as a duplicate keeps its own source’s credit', async () => {
    await db.session(async (step) => {
      await run(step, [line(2, { name: 'Test shop A', lon: 1.5, lat: 45.501 })], { source: 'osm' })
      const [a] = await step<{ source: string; source_attribution: string }>(
        'superuser',
        'select source, source_attribution from public.shops where id = $1',
        [SHOP.A],
      )
      expect(a).toEqual({ source: 'import', source_attribution: 'Test data' })
    })
  })

  it('a position only guessed (the commune’s centre) never moves the place it updates', async () => {
    await db.session(async (step) => {
      await run(step, [
        line(2, { name: 'Test shop A', lon: 1.5, lat: 45.501, positionApproximate: true }),
      ])
      const [a] = await step<{ lon: number; lat: number }>(
        'superuser',
        'select location[0] as lon, location[1] as lat from public.shops where id = $1',
        [SHOP.A],
      )
      expect(a).toEqual({ lon: 1.5, lat: 45.5 })
    })
  })

  it('a new place at a guessed position is flagged approximate; an exact one clears the flag', async () => {
    await db.session(async (step) => {
      const flagOf = async () => {
        const [row] = await step<{ approximate: boolean; lon: number }>(
          'superuser',
          `select location_approximate as approximate, location[0] as lon from public.shops
            where source = 'import' and source_ref = 'questionnaire/2'`,
        )
        return row
      }
      await run(step, [line(2, { positionApproximate: true })])
      expect(await flagOf()).toEqual({ approximate: true, lon: 1.12 })
      // Guessed again elsewhere (the geocoder still fails): neither the position nor the flag move.
      expect(await run(step, [line(2, { positionApproximate: true, lon: 1.13 })])).toMatchObject([
        { action: 'unchanged' },
      ])
      expect(await flagOf()).toEqual({ approximate: true, lon: 1.12 })
      // Placed exactly at last: the place moves there and is no longer approximate.
      const [exact] = await run(step, [line(2, { lon: 1.125 })])
      expect(exact).toMatchObject({ action: 'update', message: 'Modifié : emplacement' })
      expect(await flagOf()).toEqual({ approximate: false, lon: 1.125 })
    })
  })

  it('a duplicate found from a guessed position is named without a distance', async () => {
    const [report] = await db.session((step) =>
      run(
        step,
        [
          line(2, {
            name: 'Test shop A',
            address: '1 rue A',
            postcode: '00100',
            phone: null,
            lon: 1.6,
            positionApproximate: true,
          }),
        ],
        { dryRun: true },
      ),
    )
    expect(report?.message).toMatch(/^Doublon possible de « Test shop A » \([^,)]+\)/)
  })

  it("La Poste's abbreviation names the same place: « TEST SHOP RP » is « Relais poste Test shop »", async () => {
    await db.session(async (step) => {
      const [created] = await run(step, [line(2, { name: 'Relais poste Test shop', phone: null })])
      const [again] = await run(
        step,
        [line(3, { name: 'TEST SHOP RP', phone: null, lon: 1.1205 })],
        { dryRun: true },
      )
      expect(again).toMatchObject({ action: 'update', shop_id: created!.shop_id })
      expect(again?.message).toMatch(/^Doublon possible de « Relais poste Test shop »/)
    })
  })

  it('the same name 200 m away is another place', async () => {
    const report = await db.session((step) =>
      run(step, [line(2, { name: 'Test shop A', lon: 1.5, lat: 45.5018 })]),
    )
    expect(report).toMatchObject([{ action: 'create' }])
  })

  it('the 150 m boundary: 149 m is the same place, 151 m another; accents and case do not count', async () => {
    // 1 m of latitude is 1 / 111,195 degree on the haversine sphere of private.distance_m.
    const metres = (m: number) => 45.5 + m / 111195
    // Dry runs, one line each: an update would move shop A.
    const near = await db.session((step) =>
      run(step, [line(2, { name: 'TÉST shop À', lon: 1.5, lat: metres(149) })], { dryRun: true }),
    )
    const far = await db.session((step) =>
      run(step, [line(3, { name: 'Test shop A', lon: 1.5, lat: metres(151) })], { dryRun: true }),
    )
    expect([...near, ...far].map((r) => [r.line, r.action, r.shop_id === SHOP.A])).toEqual([
      [2, 'update', true],
      [3, 'create', false],
    ])
  })

  it('two new lines of the file for the same place', async () => {
    const report = await db.session((step) =>
      run(step, [line(2), line(3, { name: 'boutique importee 2', lon: 1.1201 })]),
    )
    expect(report[1]).toEqual({
      line: 3,
      action: 'error',
      shop_id: null,
      message: 'Doublon possible de « Boutique importée 2 » (ligne 2 du fichier)',
    })
  })

  it('an existing key is updated, not reported as its own duplicate', async () => {
    await db.session(async (step) => {
      await run(step, [line(2)])
      expect(await run(step, [line(2, { name: 'Boutique importée 2 bis' })])).toMatchObject([
        { action: 'update' },
      ])
    })
  })
})

describe('import_shops: line errors, in French', () => {
  it.each([
    ['an unknown category', { categorySlug: 'test-nope' }, 'Catégorie inconnue : « test-nope »'],
    ['a missing category', { categorySlug: null }, 'Catégorie manquante'],
    [
      'an unknown subcategory',
      { subcategorySlug: 'test-nope' },
      'Sous-catégorie inconnue : « test-nope »',
    ],
    [
      'a subcategory of another category',
      { subcategorySlug: SUBCATEGORY.pottery },
      'La sous-catégorie « test-pottery » n’appartient pas à la catégorie « test-food »',
    ],
    [
      'a location outside the territory',
      { lon: 3.5, lat: 47.5 },
      'Emplacement hors du territoire (lon 3.5, lat 47.5)',
    ],
    ['missing coordinates', { lon: null }, 'Coordonnées manquantes ou invalides (lon, lat)'],
    [
      'coordinates as text',
      { lat: '45.5' as unknown as number },
      'Coordonnées manquantes ou invalides (lon, lat)',
    ],
    ['a malformed phone', { phone: 'appelez-nous' }, 'Téléphone invalide'],
    ['a malformed e-mail', { email: 'pas-un-email' }, 'E-mail invalide'],
    [
      'a website without http(s)',
      { website: 'www.example.org' },
      'Site web invalide (http ou https)',
    ],
    [
      'a javascript: website',
      { website: 'javascript:alert(1)' },
      'Site web invalide (http ou https)',
    ],
    [
      'a name over 120 characters',
      { name: 'x'.repeat(121) },
      'Nom manquant ou trop long (120 caractères au plus)',
    ],
    ['a blank name', { name: '  ' }, 'Nom manquant ou trop long (120 caractères au plus)'],
    ['a postcode of 4 digits', { postcode: '8600' }, 'Code postal invalide (5 chiffres)'],
    ['a malformed INSEE code', { communeInsee: '8A000' }, 'Code INSEE de la commune invalide'],
    [
      'a data: social link',
      { socialLinks: ['data:text/html,x'] },
      'Liens invalides (http ou https, 10 au plus)',
    ],
    [
      'a description over 2000 characters',
      { description: 'x'.repeat(2001) },
      'Description trop longue (2 000 caractères au plus) ou caractères invalides',
    ],
    [
      'a control character in the description',
      { description: 'bell\u0007' },
      'Description trop longue (2 000 caractères au plus) ou caractères invalides',
    ],
    [
      'opening hours over 500 characters',
      { openingHours: 'x'.repeat(501) },
      'Horaires trop longs (500 caractères au plus) ou caractères invalides',
    ],
    [
      'ordering instructions over 1000 characters',
      { orderingInstructions: 'x'.repeat(1001) },
      'Marche à suivre trop longue (1 000 caractères au plus) ou caractères invalides',
    ],
    [
      'a kind outside the list',
      { kind: 'boutique' },
      'Type de lieu inconnu (commercant, artisan, producteur, marche ou service_public)',
    ],
    ['a missing kind', { kind: null }, 'Type de lieu manquant'],
    ['an unknown service', { services: ['teleportation'] }, 'Service inconnu : « teleportation »'],
    ['a missing key', { sourceRef: null }, 'Clé de la ligne manquante (sourceRef).'],
    [
      'a key over 200 characters',
      { sourceRef: 'k'.repeat(201) },
      'Clé de la ligne trop longue (200 caractères au plus)',
    ],
  ] as [string, Partial<ImportLine>, string][])('%s', async (_label, overrides, message) => {
    const report = await db.session((step) => run(step, [line(2, overrides)]))
    expect(report).toEqual([{ line: 2, action: 'error', shop_id: null, message }])
  })

  it('a line that is not an object', async () => {
    const report = await db.session((step) => run(step, [line(2), 'oops']))
    expect(report[1]).toEqual({
      line: 2,
      action: 'error',
      shop_id: null,
      message: 'Ligne illisible : un objet est attendu.',
    })
  })

  // Keys are unique per territory (20261207092000_keys_locks_and_limits.sql): another
  // territory's key names another place, and says nothing about it.
  it.each([
    ['published', 'test-policies/Y1'],
    ['unpublished (invisible to curatorX)', 'test-policies/YU'],
  ])('a key of a %s shop of the other territory is a new place here', async (_label, ref) => {
    const report = await db.session((step) => run(step, [line(2, { sourceRef: ref })]))
    expect(report).toEqual([
      { line: 2, action: 'create', shop_id: expect.any(String), message: null },
    ])
  })
})

describe('import_shops: a larger file', () => {
  it('imports 1,000 lines, then reports them all unchanged', async () => {
    await db.session(async (step) => {
      const lines = Array.from({ length: 1000 }, (_, i) =>
        line(i + 2, { lon: 1.05 + (i % 40) * 0.02, lat: 45.05 + Math.floor(i / 40) * 0.02 }),
      )
      const first = await run(step, lines)
      expect(first.filter((r) => r.action !== 'create')).toEqual([])
      const second = await run(step, lines)
      expect(second.filter((r) => r.action !== 'unchanged')).toEqual([])
    })
  })
})
