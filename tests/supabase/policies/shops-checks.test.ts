import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectRefused, openTestDatabase, REFUSED, type TestDatabase } from '../test-database'
import { ACTOR, CATEGORY, INSIDE, SHOP, SUBCATEGORY, TERRITORY, loadFixtures } from './fixtures'
import { asStaleCheckedWrite, TOO_LONG_MESSAGE } from './helpers'

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
  await loadFixtures(db)
})
afterAll(() => db?.close())

/**
 * Each case runs as an actor who may otherwise write the field (a member for daily fields,
 * the territory's curator for curated ones), inside a declared stale-checked write (as the
 * functions that write shops run their UPDATE), so that only the constraint can refuse it.
 */
type Case = {
  label: string
  actor: 'ownerA' | 'curatorX'
  set: string
  params?: unknown[]
  shop?: string
}

const update = (c: Case) =>
  asStaleCheckedWrite(
    db,
    c.actor === 'ownerA' ? ACTOR.ownerA : ACTOR.curatorX,
    c.shop ?? SHOP.A,
    `update public.shops set ${c.set} where id = $1 returning id`,
    [c.shop ?? SHOP.A, ...(c.params ?? [])],
  )

const REFUSED_BY_CHECK: Case[] = [
  { label: 'status outside open/closed/unknown', actor: 'ownerA', set: `status = 'maybe'` },
  { label: 'status in another case', actor: 'ownerA', set: `status = 'OPEN'` },
  {
    label: 'status_message of 281 characters',
    actor: 'ownerA',
    set: 'status_message = $2',
    params: [TOO_LONG_MESSAGE],
  },
  {
    label: 'status_message with a control character',
    actor: 'ownerA',
    set: 'status_message = $2',
    params: ['Back\u0007soon'],
  },
  { label: 'email without @', actor: 'ownerA', set: `email = 'not-an-email'` },
  { label: 'email without a domain dot', actor: 'ownerA', set: `email = 'a@b'` },
  { label: 'email with a space', actor: 'ownerA', set: `email = 'a b@example.fr'` },
  { label: 'email with two @', actor: 'ownerA', set: `email = 'a@@example.fr'` },
  { label: 'website javascript:alert(1)', actor: 'ownerA', set: `website = 'javascript:alert(1)'` },
  { label: 'website ftp://', actor: 'ownerA', set: `website = 'ftp://example.fr/file'` },
  { label: 'website as plain text', actor: 'ownerA', set: `website = 'our website'` },
  { label: 'website without a scheme', actor: 'ownerA', set: `website = 'example.fr'` },
  {
    label: 'website data: URL',
    actor: 'ownerA',
    set: `website = 'data:text/html,<script>alert(1)</script>'`,
  },
  { label: 'website with a space', actor: 'ownerA', set: `website = 'https://exa mple.fr'` },
  {
    label: 'social link javascript:',
    actor: 'ownerA',
    set: `social_links = '{javascript:alert(1)}'`,
  },
  {
    label: 'social link among valid ones',
    actor: 'ownerA',
    set: `social_links = '{https://ok.example.fr,ftp://x.example.fr}'`,
  },
  {
    label: 'more than 10 social links',
    actor: 'ownerA',
    set: `social_links = array_fill('https://s.example.fr'::text, array[11])`,
  },
  { label: 'phone as words', actor: 'ownerA', set: `phone = 'call me'` },
  {
    label: 'closed_until while open',
    actor: 'ownerA',
    set: `status = 'open', closed_until = '2027-01-31'`,
  },
  {
    label: 'closed_until while unknown',
    actor: 'ownerA',
    set: `status = 'unknown', closed_until = '2027-01-31'`,
  },
  {
    label: 'description with an escape character',
    actor: 'ownerA',
    set: 'description = $2',
    params: ['Hello\u001b[31m'],
  },
  {
    label: 'location outside the territory (inside another)',
    actor: 'curatorX',
    set: `location = ${INSIDE.Y}`,
  },
  { label: 'location at (0, 0)', actor: 'curatorX', set: 'location = point(0, 0)' },
  { label: 'location with lat/lon swapped', actor: 'curatorX', set: 'location = point(45.5, 1.5)' },
  { label: 'kind outside the list', actor: 'curatorX', set: `kind = 'supermarche'` },
  {
    label: 'subcategory of another category',
    actor: 'curatorX',
    set: `subcategory_slug = '${SUBCATEGORY.pottery}'`,
  },
  {
    label: 'category changed under its subcategory',
    actor: 'curatorX',
    set: `category_slug = '${CATEGORY.craft}'`,
    shop: SHOP.B,
  },
  {
    label: 'name with a bell character',
    actor: 'curatorX',
    set: 'name = $2',
    params: ['Bad\u0007name'],
  },
  {
    label: 'name with an escape character',
    actor: 'curatorX',
    set: 'name = $2',
    params: ['Bad\u001bname'],
  },
  { label: 'name with DEL', actor: 'curatorX', set: 'name = $2', params: ['Bad\u007fname'] },
  {
    label: 'name with a vertical tab',
    actor: 'curatorX',
    set: 'name = $2',
    params: ['Bad\u000bname'],
  },
  { label: 'blank name', actor: 'curatorX', set: `name = '   '` },
  {
    label: 'name over 120 characters',
    actor: 'curatorX',
    set: 'name = $2',
    params: ['n'.repeat(121)],
  },
  { label: 'postcode of 4 digits', actor: 'curatorX', set: `postcode = '1000'` },
]

const ACCEPTED: Case[] = [
  {
    label: 'status_message of 280 characters',
    actor: 'ownerA',
    set: 'status_message = $2',
    params: ['x'.repeat(280)],
  },
  {
    label: 'status_message with newline and tab',
    actor: 'ownerA',
    set: 'status_message = $2',
    params: ['Line 1\nLine\t2'],
  },
  { label: 'a plain email', actor: 'ownerA', set: `email = 'contact+shop@example.fr'` },
  { label: 'an http:// website', actor: 'ownerA', set: `website = 'http://example.fr'` },
  {
    label: 'an https:// website with path, query and fragment',
    actor: 'ownerA',
    set: `website = 'https://example.fr/a/b?x=1#top'`,
  },
  { label: 'a website in capitals', actor: 'ownerA', set: `website = 'HTTPS://EXAMPLE.FR'` },
  {
    label: 'clearing website, email and phone',
    actor: 'ownerA',
    set: 'website = null, email = null, phone = null',
  },
  { label: 'a phone with spaces and +', actor: 'ownerA', set: `phone = '+33 (0)4 00-00.00.00'` },
  {
    label: 'closed_until while closed',
    actor: 'ownerA',
    set: `status = 'closed', closed_until = '2027-01-31'`,
  },
  {
    label: 'reopening clears closed_until',
    actor: 'ownerA',
    set: `status = 'open', closed_until = null`,
  },
  { label: 'location on the territory edge', actor: 'curatorX', set: 'location = point(2, 46)' },
  { label: 'another kind of the list', actor: 'curatorX', set: `kind = 'service_public'` },
  {
    label: 'a subcategory of the category',
    actor: 'curatorX',
    set: `subcategory_slug = '${SUBCATEGORY.bakery}'`,
  },
  {
    label: 'category and subcategory changed together',
    actor: 'curatorX',
    set: `category_slug = '${CATEGORY.craft}', subcategory_slug = '${SUBCATEGORY.pottery}'`,
  },
  {
    label: 'a name with accents and punctuation',
    actor: 'curatorX',
    set: `name = 'Boulangerie « Chez Léa » & fils'`,
  },
  // Corsica's INSEE codes start with 2A / 2B (Ajaccio is 2A004, Bastia 2B033).
  { label: 'a Corsican commune_insee (2A004)', actor: 'curatorX', set: `commune_insee = '2A004'` },
]

describe('shops: CHECK constraints and validation triggers', () => {
  it.each(REFUSED_BY_CHECK)('refuses $label (23514)', (c) =>
    expectRefused(update(c), REFUSED.check),
  )

  it.each(ACCEPTED)('accepts $label', async (c) => {
    expect(await update(c)).toHaveLength(1)
  })

  it.each([
    ['a service outside the enum', `'{teleportation}'`],
    ['an empty service name', `'{""}'`],
  ])('refuses %s (22P02)', (_label, services) =>
    expectRefused(
      asStaleCheckedWrite(
        db,
        ACTOR.ownerA,
        SHOP.A,
        `update public.shops set services = ${services} where id = $1`,
        [SHOP.A],
      ),
      REFUSED.enum,
    ),
  )

  it('refuses a null among the services (23514)', () =>
    expectRefused(
      asStaleCheckedWrite(
        db,
        ACTOR.ownerA,
        SHOP.A,
        `update public.shops set services = '{delivery,NULL}' where id = $1`,
        [SHOP.A],
      ),
      REFUSED.check,
    ))

  const insert = (values: Record<string, string>) => {
    const row: Record<string, string> = {
      territory_slug: `'${TERRITORY.X}'`,
      kind: `'commercant'`,
      name: `'Inserted'`,
      category_slug: `'${CATEGORY.food}'`,
      location: INSIDE.X,
      source: `'submission'`,
      ...values,
    }
    return db.as(
      ACTOR.curatorX,
      `insert into public.shops (${Object.keys(row).join(', ')}) values (${Object.values(row).join(', ')}) returning id`,
    )
  }

  it.each([
    ['location outside the territory', { location: INSIDE.Y }],
    ['status outside the list', { status: `'maybe'` }],
    ['kind outside the list', { kind: `'supermarche'` }],
    ['source outside the list', { source: `'scraped'` }],
    ['subcategory of another category', { subcategory_slug: `'${SUBCATEGORY.pottery}'` }],
    ['closed_until while unknown', { closed_until: `'2027-01-31'` }],
    ['website javascript:', { website: `'javascript:alert(1)'` }],
    ['malformed email', { email: `'a@b'` }],
  ])('an insert with %s is refused (23514)', (_label, values) =>
    expectRefused(insert(values), REFUSED.check),
  )

  it('a valid insert passes', async () => {
    expect(await insert({ status: `'closed'`, closed_until: `'2027-01-31'` })).toHaveLength(1)
  })

  it('the territory bounds also apply to the owner (the check is not a policy)', () =>
    expectRefused(
      db.session((step) =>
        step('superuser', `update public.shops set location = point(0, 0) where id = $1`, [SHOP.A]),
      ),
      REFUSED.check,
    ))
})
