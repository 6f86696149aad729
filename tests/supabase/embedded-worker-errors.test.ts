import { PGlite } from '@electric-sql/pglite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toBackendError } from '@/backend/errors'
import { packDatabaseError, unpackDatabaseError } from '@/backend/embedded/worker-errors'
import { databaseForTabs } from '@/backend/embedded/worker-database'

// PGlite's worker sends only `message` to the tab (its RPC answers `{ message }`): what the
// embedded adapter receives is rebuilt here exactly so, from a real PGlite error.
function acrossTheWorker(error: unknown): Error {
  const packed = packDatabaseError(error) as Error
  const received = new Error(packed.message)
  Object.assign(received, { message: packed.message })
  return received
}

let db: PGlite
beforeAll(async () => {
  db = await PGlite.create()
  await db.exec(`
    create table shops (id int primary key, phone text check (phone ~ '^[0-9 ]+$'));
    create function stale() returns void language plpgsql as $$
    begin
      raise exception 'stale_update: the shop changed since it was loaded'
        using errcode = 'PT409', detail = '2026-12-07 08:00:00+00';
    end $$;
  `)
})
afterAll(async () => {
  await db?.close()
})

async function refusal(sql: string): Promise<unknown> {
  try {
    await db.query(sql)
  } catch (error) {
    return error
  }
  throw new Error(`expected a refusal: ${sql}`)
}

describe('embedded adapter: a database refusal keeps its SQLSTATE across the worker', () => {
  it('a stale write (PT409) is a stale-update error, as with Supabase', async () => {
    const error = toBackendError(
      unpackDatabaseError(acrossTheWorker(await refusal('select stale()'))),
    )
    expect(error.kind).toBe('stale-update')
    expect(error.code).toBe('PT409')
    expect(error.detail).toBe('2026-12-07 08:00:00+00')
  })

  it('a check violation is invalid, naming the column', async () => {
    const error = toBackendError(
      unpackDatabaseError(acrossTheWorker(await refusal(`insert into shops values (1, 'abc')`))),
    )
    expect(error.kind).toBe('invalid')
    expect(error.field).toBe('phone')
  })

  it('without the packing, the tab would only get the English message', async () => {
    const raw = await refusal('select stale()')
    const unpacked = toBackendError(new Error((raw as Error).message))
    expect(unpacked.kind).toBe('unknown')
  })

  it('leaves an error that is not the database’s as it is', () => {
    const plain = new Error('worker crashed')
    expect(packDatabaseError(plain)).toBe(plain)
    expect(unpackDatabaseError(plain)).toBe(plain)
  })
})

/** A simple-query protocol message ('Q', length, text, NUL), as the tabs send over the RPC. */
function simpleQuery(sql: string): Uint8Array {
  const text = new TextEncoder().encode(`${sql}\0`)
  const message = new Uint8Array(5 + text.length)
  message[0] = 'Q'.charCodeAt(0)
  new DataView(message.buffer).setInt32(1, 4 + text.length)
  message.set(text, 5)
  return message
}

describe('the worker’s database: every protocol method the tabs call keeps the SQLSTATE', () => {
  it.each(['execProtocol', 'execProtocolStream'] as const)('%s', async (method) => {
    const served = databaseForTabs(db, async () => undefined)
    let caught: unknown = null
    try {
      await served[method](simpleQuery('select stale()'))
    } catch (error) {
      caught = error
    }
    const received = new Error((caught as Error).message)
    expect(toBackendError(unpackDatabaseError(received))).toMatchObject({
      kind: 'stale-update',
      code: 'PT409',
    })
  })
})
