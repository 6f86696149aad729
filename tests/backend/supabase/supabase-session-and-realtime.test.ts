import { afterEach, describe, expect, it, vi } from 'vitest'
import { backendWith, json } from './fake-supabase'
import type { BackendChange } from '@/backend/types'

// Supabase Auth and Realtime, spoken to at the protocol level: Auth over a fake fetch, Realtime
// over a fake WebSocket that answers like the Realtime server (Phoenix protocol, version 2).

type PhoenixMessage = [string | null, string | null, string, string, Record<string, unknown>]

/** The Realtime server's side of one socket. */
class FakeRealtimeSocket {
  static instances: FakeRealtimeSocket[] = []
  static readonly CONNECTING = 0
  static readonly OPEN = 1
  static readonly CLOSING = 2
  static readonly CLOSED = 3
  readonly url: string
  readyState = FakeRealtimeSocket.CONNECTING
  binaryType = 'arraybuffer'
  sent: PhoenixMessage[] = []
  onopen: ((event: unknown) => void) | null = null
  onmessage: ((event: { data: string }) => void) | null = null
  onclose: ((event: unknown) => void) | null = null
  onerror: ((event: unknown) => void) | null = null

  constructor(url: string) {
    this.url = url
    FakeRealtimeSocket.instances.push(this)
    setTimeout(() => {
      this.readyState = FakeRealtimeSocket.OPEN
      this.onopen?.({})
    }, 0)
  }

  send(data: string) {
    const message = JSON.parse(data) as PhoenixMessage
    this.sent.push(message)
    const [joinRef, ref, topic, event, payload] = message
    if (event === 'phx_join') {
      // The server confirms each postgres_changes binding and gives it an id.
      const config = payload.config as { postgres_changes?: Record<string, unknown>[] }
      const bindings = (config.postgres_changes ?? []).map((binding, index) => ({
        ...binding,
        id: index + 1,
      }))
      this.receive([
        joinRef,
        ref,
        topic,
        'phx_reply',
        { status: 'ok', response: { postgres_changes: bindings } },
      ])
    } else if (ref !== null) {
      this.receive([joinRef, ref, topic, 'phx_reply', { status: 'ok', response: {} }])
    }
  }

  receive(message: PhoenixMessage) {
    setTimeout(() => this.onmessage?.({ data: JSON.stringify(message) }), 0)
  }

  close() {
    this.readyState = FakeRealtimeSocket.CLOSED
    this.onclose?.({ code: 1000 })
  }
}

const USER = {
  id: '6d1c1d6e-0000-4000-8000-000000000001',
  aud: 'authenticated',
  role: 'authenticated',
  email: 'camille@example.fr',
  email_confirmed_at: '2026-11-22T08:00:00Z',
  app_metadata: { provider: 'email' },
  user_metadata: { display_name: 'Camille' },
  created_at: '2026-11-22T08:00:00Z',
}

afterEach(() => {
  FakeRealtimeSocket.instances = []
})

describe('Supabase adapter: sign-in with a six-digit code', () => {
  it('verifies the code, then calls the database as the signed-in user', async () => {
    const { backend, calls } = backendWithRealtime((url) => {
      if (url.pathname === '/auth/v1/verify') {
        return json({
          access_token: 'user-jwt',
          token_type: 'bearer',
          expires_in: 3600,
          expires_at: Math.floor(Date.now() / 1000) + 3600,
          refresh_token: 'refresh',
          user: USER,
        })
      }
      return json([])
    })
    const result = await backend.signIn({
      kind: 'email-code-verify',
      email: 'camille@example.fr',
      code: '123456',
    })
    expect(result).toMatchObject({ kind: 'signed-in', user: { id: USER.id } })
    const verify = calls.find((call) => call.url.pathname === '/auth/v1/verify')!
    expect(JSON.parse(String(verify.init.body))).toMatchObject({
      email: 'camille@example.fr',
      token: '123456',
      type: 'email',
    })

    await backend.listMyShops()
    const rpc = calls.find((call) => call.url.pathname === '/rest/v1/rpc/my_shops')!
    expect(new Headers(rpc.init.headers).get('Authorization')).toBe('Bearer user-jwt')
    // The plain reads of the shoppers' lists carry the same user's token.
    await backend.listShops('grand-poitiers')
    const list = calls.find((call) => call.url.pathname === '/rest/v1/shops')!
    expect(new Headers(list.init.headers).get('Authorization')).toBe('Bearer user-jwt')
  })

  it('reports the new user once: Auth’s own events for the same user add nothing', async () => {
    const { backend } = backendWithRealtime((url) =>
      url.pathname === '/auth/v1/verify'
        ? json({
            access_token: 'user-jwt',
            token_type: 'bearer',
            expires_in: 3600,
            expires_at: Math.floor(Date.now() / 1000) + 3600,
            refresh_token: 'refresh',
            user: USER,
          })
        : url.pathname === '/auth/v1/logout'
          ? new Response(null, { status: 204 })
          : json([]),
    )
    const changes: BackendChange[] = []
    const unsubscribe = backend.subscribe((change) => changes.push(change))
    await backend.signIn({ kind: 'email-code-verify', email: 'camille@example.fr', code: '1' })
    // Auth's listener joins once the page is idle, and hears the session it starts with.
    await new Promise((resolve) => setTimeout(resolve, 1200))
    expect(changes).toEqual([
      {
        kind: 'session',
        user: { id: USER.id, email: 'camille@example.fr', displayName: 'Camille' },
      },
    ])
    await backend.signOut()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(changes.slice(1)).toEqual([{ kind: 'session', user: null }])
    unsubscribe()
  })

  it('refuses a wrong code with the server’s error, signed out', async () => {
    const { backend } = backendWithRealtime(() =>
      json({ code: 403, error_code: 'otp_expired', msg: 'Token has expired or is invalid' }, 403),
    )
    await expect(
      backend.signIn({ kind: 'email-code-verify', email: 'camille@example.fr', code: '000000' }),
    ).rejects.toThrow()
    await expect(backend.getSessionUser()).resolves.toBeNull()
  })
})

describe('Supabase adapter: realtime changes', () => {
  it('subscribes to every change of the shops table and reports each one', async () => {
    const { backend } = backendWithRealtime(() => json([]))
    const changes: BackendChange[] = []
    const unsubscribe = backend.subscribe((change) => changes.push(change))

    // Realtime connects once the page is idle (after a second at most without idle callbacks).
    await vi.waitFor(
      () => {
        const socket = FakeRealtimeSocket.instances[0]
        expect(socket?.sent.some((message) => message[3] === 'phx_join')).toBe(true)
      },
      { timeout: 5000 },
    )
    const socket = FakeRealtimeSocket.instances[0]!
    expect(new URL(socket.url).pathname).toBe('/realtime/v1/websocket')
    const join = socket.sent.find((message) => message[3] === 'phx_join')!
    expect(join[2]).toBe('realtime:vitrine-shops')
    expect(join[4].config).toMatchObject({
      postgres_changes: [{ event: '*', schema: 'public', table: 'shops' }],
    })

    socket.receive(
      shopUpdated(
        'realtime:vitrine-shops',
        { id: 'shop-1', territory_slug: 'grand-poitiers', status: 'closed' },
        '2026-11-22T09:00:00Z',
      ),
    )
    await vi.waitFor(() =>
      expect(changes).toContainEqual({
        kind: 'shops',
        territorySlug: 'grand-poitiers',
        shopId: 'shop-1',
      }),
    )

    // A deleted row only carries its key: every territory's lists are refreshed.
    socket.receive([
      null,
      null,
      'realtime:vitrine-shops',
      'postgres_changes',
      {
        ids: [1],
        data: {
          schema: 'public',
          table: 'shops',
          commit_timestamp: '2026-11-22T09:01:00Z',
          type: 'DELETE',
          columns: [{ name: 'id', type: 'uuid' }],
          record: null,
          old_record: { id: 'shop-2' },
          errors: null,
        },
      },
    ])
    await vi.waitFor(() =>
      expect(changes).toContainEqual({ kind: 'shops', territorySlug: null, shopId: 'shop-2' }),
    )

    unsubscribe()
    await vi.waitFor(() =>
      expect(socket.sent.some((message) => message[3] === 'phx_leave')).toBe(true),
    )
  })
})

describe('Supabase adapter: the merchant’s own shops, live from another device', () => {
  it('joins a channel filtered to the watched shops and reports their changes to every listener', async () => {
    const { backend } = backendWithRealtime(() => json([]))
    const changes: BackendChange[] = []
    const unsubscribe = backend.subscribe((change) => changes.push(change))
    const stopWatching = backend.watchShops!(['shop-b', 'shop-a'])

    await vi.waitFor(
      () => {
        const sockets = FakeRealtimeSocket.instances.flatMap((socket) => socket.sent)
        expect(sockets.some((m) => m[3] === 'phx_join' && m[2].includes('vitrine-my-shops'))).toBe(
          true,
        )
      },
      { timeout: 5000 },
    )
    const socket = FakeRealtimeSocket.instances.find((s) =>
      s.sent.some((m) => m[2].includes('vitrine-my-shops')),
    )!
    const join = socket.sent.find((m) => m[3] === 'phx_join' && m[2].includes('vitrine-my-shops'))!
    expect(join[4].config).toMatchObject({
      postgres_changes: [
        { event: '*', schema: 'public', table: 'shops', filter: 'id=in.(shop-a,shop-b)' },
      ],
    })
    socket.receive(
      shopUpdated(
        join[2],
        { id: 'shop-a', territory_slug: 'grand-poitiers' },
        '2026-12-07T09:00:00Z',
      ),
    )
    await vi.waitFor(() =>
      expect(changes).toContainEqual({
        kind: 'shops',
        territorySlug: 'grand-poitiers',
        shopId: 'shop-a',
      }),
    )

    stopWatching()
    await vi.waitFor(() =>
      expect(socket.sent.some((m) => m[3] === 'phx_leave' && m[2] === join[2])).toBe(true),
    )
    unsubscribe()
  })
})

/** The Realtime server's message for an UPDATE of a shops row on a channel. */
function shopUpdated(
  topic: string,
  record: Record<string, unknown>,
  commitTimestamp: string,
): PhoenixMessage {
  return [
    null,
    null,
    topic,
    'postgres_changes',
    {
      ids: [1],
      data: {
        schema: 'public',
        table: 'shops',
        commit_timestamp: commitTimestamp,
        type: 'UPDATE',
        columns: Object.keys(record).map((name) => ({
          name,
          type: name === 'id' ? 'uuid' : 'text',
        })),
        record,
        old_record: { id: record.id },
        errors: null,
      },
    },
  ]
}

/** With Realtime over the fake socket. */
function backendWithRealtime(respond: (url: URL, init: RequestInit) => Response) {
  return backendWith(respond, {
    realtime: { transport: FakeRealtimeSocket as unknown as typeof WebSocket },
  })
}
