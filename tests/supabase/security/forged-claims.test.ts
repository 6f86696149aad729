import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  claimsFor,
  impersonate,
  type Actor,
  type SqlConnection,
} from '../../../src/backend/embedded/impersonation'
import { openTestDatabase, type TestDatabase } from '../test-database'
import { SHOP, TERRITORY, USER } from '../policies/fixtures'
import { SUBMISSION, errorOf, loadCurationFixtures } from '../policies/curation-fixtures'

/**
 * A forged role in the JWT claims changes nothing. In the embedded backend the database role
 * comes from a closed union (anon or authenticated), never from the claims; the claims only
 * carry the user id, and rights come from shop_members and territory_curators. Here the claims
 * say `service_role` or `curator` in every place a claim could hide a role, for a visitor and
 * for a signed-in stranger, and every right is checked to be the plain user's.
 */

let db: TestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
  await loadCurationFixtures(db)
})
afterAll(() => db?.close())

const STRANGER = USER.stranger

/** Claims a client could forge: the role claim itself, and role-like metadata. */
const FORGED: [string, Record<string, unknown>][] = [
  ['role service_role', { role: 'service_role' }],
  ['role curator', { role: 'curator' }],
  ['app_metadata.role service_role', { app_metadata: { role: 'service_role' } }],
  ['app_metadata.role curator', { app_metadata: { role: 'curator', territories: [TERRITORY.X] } }],
  ['user_metadata.role curator', { user_metadata: { role: 'curator' } }],
  ['user_role curator', { user_role: 'curator', is_curator: true }],
]

/**
 * Runs `sql` as database role `dbRole` (what the embedded backend picks) with forged claims.
 * Several statements in one script, committed nowhere: the transaction is rolled back.
 */
async function forged<T = Record<string, unknown>>(
  dbRole: 'anon' | 'authenticated',
  claims: Record<string, unknown>,
  sql: string,
): Promise<T[]> {
  const json = JSON.stringify(claims).replaceAll("'", "''")
  try {
    return await db.superuser<T>(
      `begin;
       set local role ${dbRole};
       select set_config('request.jwt.claims', '${json}', true);
       ${sql}`,
    )
  } finally {
    await db.superuser('rollback')
  }
}

const readUnpublished = `select count(*)::int as n from public.shops where id = '${SHOP.U}'`
const curatedTerritories = `select count(*)::int as n from public.curator_territories()`
const renameShop = `update public.shops set name = 'Pris' where id = '${SHOP.B}' returning id`
const readSubmission = `select count(*)::int as n from public.shop_submissions where id = '${SUBMISSION.pendingX}'`

describe.each(FORGED)('claims with %s', (_label, extra) => {
  const asStranger = { sub: STRANGER, email: 'stranger@test.invalid', ...extra }
  const asVisitor = { ...extra }

  it('the database role stays authenticated and auth.uid() is the user', async () => {
    const [row] = await forged<{ who: string; uid: string }>(
      'authenticated',
      asStranger,
      `select current_user::text as who, auth.uid()::text as uid`,
    )
    expect(row).toEqual({ who: 'authenticated', uid: STRANGER })
  })

  it.each([
    ['a stranger', 'authenticated', asStranger],
    ['a visitor', 'anon', asVisitor],
  ] as const)('%s reads no unpublished shop and no submission', async (_who, role, claims) => {
    expect(await forged(role, claims, readUnpublished)).toEqual([{ n: 0 }])
    if (role === 'authenticated') {
      expect(await forged(role, claims, readSubmission)).toEqual([{ n: 0 }])
      expect(await forged(role, claims, curatedTerritories)).toEqual([{ n: 0 }])
    }
  })

  it('a stranger updates no shop', async () => {
    expect(await forged('authenticated', asStranger, renameShop)).toEqual([])
  })

  it('a visitor cannot update at all (42501)', async () => {
    const error = await errorOf(forged('anon', asVisitor, renameShop))
    expect(error?.code).toBe('42501')
  })

  it('a stranger cannot import, review or list members (42501)', async () => {
    for (const sql of [
      `select * from public.import_shops('${TERRITORY.X}', 'import', '[]', false)`,
      `select * from public.possible_duplicates('${SUBMISSION.pendingX}')`,
      `select * from public.shop_member_list('${SHOP.A}')`,
      `select * from public.refuse_submission('${SUBMISSION.pendingX}', 'non', now())`,
    ]) {
      const error = await errorOf(forged('authenticated', asStranger, sql))
      expect(error?.code, sql).toBe('42501')
    }
  })

  it('a stranger reads no status history of a shop they do not own', async () => {
    expect(
      await forged(
        'authenticated',
        asStranger,
        `select count(*)::int as n from public.shop_status_events where shop_id = '${SHOP.A}'`,
      ),
    ).toEqual([{ n: 0 }])
  })
})

describe('the embedded backend never takes the role from a session', () => {
  /** Records the statements and parameters impersonate sends. */
  function recorder() {
    const sent: { sql: string; params?: unknown[] }[] = []
    const conn: SqlConnection = {
      query: async (sql, params) => {
        sent.push({ sql, params })
        return { rows: [] }
      },
    }
    return { sent, conn }
  }

  it.each(['service_role', 'curator', 'postgres', 'authenticated; drop table public.shops'])(
    'an actor forged with role %s is impersonated as authenticated with a clean claim',
    async (role) => {
      const { sent, conn } = recorder()
      const actor = { role, userId: STRANGER, email: null } as unknown as Actor
      await impersonate(conn, actor)
      expect(sent[0]?.sql).toBe('set local role authenticated')
      const claims = JSON.parse(String(sent[1]?.params?.[0])) as Record<string, unknown>
      expect(claims.role).toBe('authenticated')
      expect(claimsFor(actor)).toEqual(claims)
    },
  )

  it('extra fields on the actor never reach the claims', () => {
    const actor = {
      role: 'authenticated',
      userId: STRANGER,
      email: 's@test.invalid',
      app_metadata: { role: 'service_role' },
      claims: { role: 'service_role' },
    } as unknown as Actor
    expect(Object.keys(claimsFor(actor)).sort()).toEqual(['aud', 'email', 'role', 'sub'])
  })
})
