import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectRefused, openTestDatabase, REFUSED, type TestDatabase } from '../test-database'
import { ACTOR, ANON, SHOP, loadFixtures } from './fixtures'

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
  await loadFixtures(db)
})
afterAll(() => db.close())

const UPDATE = `select opening_hours, phone, email, website, social_links
  from public.update_shop_details($1, $2, $3, $4, $5, $6, $7, $8, $9)`

type Step = Parameters<Parameters<TestDatabase['session']>[0]>[0]
const tokenOf = async (step: Step, shop: string) =>
  (
    await step<{ t: string }>(
      'superuser',
      'select updated_at::text as t from public.shops where id = $1',
      [shop],
    )
  )[0]!.t

const details = (token: string, overrides: Partial<Record<string, unknown>> = {}) => {
  const values = {
    hours: 'Mo-Sa 08:00-19:30; PH off',
    ordering: 'Appelez la veille',
    description: 'Pain au levain',
    phone: '05 49 00 00 01',
    email: 'contact@example.org',
    website: 'https://example.org',
    social: ['https://www.instagram.com/demo'],
    ...overrides,
  }
  return [
    values.hours,
    values.ordering,
    values.description,
    values.phone,
    values.email,
    values.website,
    values.social,
    token,
  ]
}

describe('update_shop_details', () => {
  it.each(['ownerA', 'staffA', 'curatorX'] as const)('lets %s update shop A', async (name) => {
    await db.session(async (step) => {
      const [row] = await step(ACTOR[name], UPDATE, [
        SHOP.A,
        ...details(await tokenOf(step, SHOP.A)),
      ])
      expect(row).toMatchObject({
        opening_hours: 'Mo-Sa 08:00-19:30; PH off',
        email: 'contact@example.org',
      })
    })
  })

  it.each(['stranger', 'ownerB', 'curatorY'] as const)(
    'refuses %s, changing nothing',
    async (name) => {
      await db.session(async (step) => {
        const token = await tokenOf(step, SHOP.A)
        await expectRefused(
          step(ACTOR[name], UPDATE, [SHOP.A, ...details(token)]),
          REFUSED.privilege,
        )
        expect(await tokenOf(step, SHOP.A)).toBe(token)
      })
    },
  )

  it('refuses anon', async () => {
    await db.session(async (step) => {
      await expectRefused(
        step(ANON, UPDATE, [SHOP.A, ...details(await tokenOf(step, SHOP.A))]),
        REFUSED.privilege,
      )
    })
  })

  it('refuses a stale token with the distinct stale error', async () => {
    await db.session(async (step) => {
      await expectRefused(
        step(ACTOR.ownerA, UPDATE, [SHOP.A, ...details('2000-01-01T00:00:00Z')]),
        REFUSED.stale,
      )
    })
  })

  it.each([
    ['a malformed email', { email: 'pas-un-email' }],
    ['a javascript: website', { website: 'javascript:alert(1)' }],
    ['a data: social link', { social: ['data:text/html,<b>x</b>'] }],
    ['a control character in the description', { description: 'bell\u0007' }],
  ])('refuses %s through the CHECK constraints', async (_case, overrides) => {
    await db.session(async (step) => {
      await expectRefused(
        step(ACTOR.ownerA, UPDATE, [SHOP.A, ...details(await tokenOf(step, SHOP.A), overrides)]),
        REFUSED.check,
      )
    })
  })
})
