import { StrictMode } from 'react'
import { act, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { BackendError } from '@/backend/errors'
import type { BackendChange, ShopInvitation } from '@/backend/types'
import { accountKeys } from '@/session/account-keys'
import { useSessionUser } from '@/session/get-session-user'
import { useAcceptInvitationsOnSignIn } from '@/features/merchant/api/accept-invitations'
import { createMemoryBackend } from '../../../fixtures/memory-backend'
import { makeShop } from '../../../fixtures/shops'
import { renderWithProviders } from '../../../test-utils'

const MERCHANT = 'marchande@demo.vitrine.test'

function invitation(overrides: Partial<ShopInvitation> = {}): ShopInvitation {
  return {
    id: 'inv-a',
    shopId: 'shop-a',
    email: MERCHANT,
    role: 'owner',
    createdAt: '2026-11-20T10:00:00.000Z',
    acceptedAt: null,
    ...overrides,
  }
}

/** Shows what the hook exposes, as a page using it would. */
function Probe() {
  const session = useSessionUser()
  const accept = useAcceptInvitationsOnSignIn()
  return (
    <div>
      <p>{session.isPending ? 'session…' : `session : ${session.data?.id ?? 'anonyme'}`}</p>
      <p>{`acceptation : ${accept.status}`}</p>
      {accept.isError ? <p role="alert">{accept.error?.message}</p> : null}
      <button type="button" onClick={accept.retry}>
        Réessayer
      </button>
    </div>
  )
}

/** Mounts the probe only once the session is known, as a page opened while signed in would. */
function ProbeOnceSessionKnown() {
  const session = useSessionUser()
  return session.isPending ? <p>session…</p> : <Probe />
}

async function setUp(
  invitations: ShopInvitation[] = [invitation()],
  { signedIn = false, late = false }: { signedIn?: boolean; late?: boolean } = {},
) {
  const backend = createMemoryBackend({
    shops: [makeShop({ id: 'shop-a', name: 'Épicerie Lumière' })],
    membership: { invitations },
  })
  if (signedIn) await backend.signIn({ kind: 'demo', email: MERCHANT })
  const accept = vi.spyOn(backend, 'acceptInvitations')
  const rendered = renderWithProviders(
    <StrictMode>{late ? <ProbeOnceSessionKnown /> : <Probe />}</StrictMode>,
    backend,
  )
  return { backend, accept, ...rendered }
}

describe('useAcceptInvitationsOnSignIn', () => {
  it('asks nothing for a visitor', async () => {
    const { accept } = await setUp()
    expect(await screen.findByText('session : anonyme')).toBeInTheDocument()
    expect(screen.getByText('acceptation : idle')).toBeInTheDocument()
    expect(accept).not.toHaveBeenCalled()
  })

  it('asks once when the page opens with a user already signed in', async () => {
    // StrictMode runs the mount effects twice: the second run must not ask again.
    const { accept } = await setUp([invitation()], { signedIn: true, late: true })
    expect(await screen.findByText('acceptation : success')).toBeInTheDocument()
    expect(accept).toHaveBeenCalledTimes(1)
    expect(await accept.mock.results[0]?.value).toEqual(['shop-a'])
  })

  it('accepts once per signed-in user, and the backend reports the shops joined', async () => {
    const { backend, accept, queryClient } = await setUp()
    // The cache follows from the report (tests/app/backend-changes.test.tsx).
    const reported: BackendChange[] = []
    backend.subscribe((change) => reported.push(change))
    await screen.findByText('session : anonyme')

    await act(() => backend.signIn({ kind: 'demo', email: MERCHANT }))
    expect(await screen.findByText('acceptation : success')).toBeInTheDocument()
    expect(accept).toHaveBeenCalledTimes(1)
    expect(await accept.mock.results[0]?.value).toEqual(['shop-a'])
    expect(reported).toContainEqual({ kind: 'members', shopIds: ['shop-a'], userIds: ['u1'] })

    // The same user's session read again: not asked again.
    await act(() => queryClient.invalidateQueries({ queryKey: accountKeys.all }))
    await screen.findByText('session : u1')
    expect(accept).toHaveBeenCalledTimes(1)

    // Another user: asked again, for them.
    vi.spyOn(backend, 'getSessionUser').mockResolvedValue({
      id: 'u2',
      email: 'autre@demo.vitrine.test',
      displayName: null,
    })
    await act(() => queryClient.invalidateQueries({ queryKey: accountKeys.all }))
    expect(await screen.findByText('session : u2')).toBeInTheDocument()
    await waitFor(() => expect(accept).toHaveBeenCalledTimes(2))
  })

  it('reports no change of shops when no invitation was waiting', async () => {
    const { backend, accept } = await setUp([])
    const reported: BackendChange[] = []
    backend.subscribe((change) => reported.push(change))
    await screen.findByText('session : anonyme')

    await act(() => backend.signIn({ kind: 'demo', email: MERCHANT }))
    expect(await screen.findByText('acceptation : success')).toBeInTheDocument()
    expect(accept).toHaveBeenCalledTimes(1)
    expect(reported.map((change) => change.kind)).toEqual(['session'])
  })

  it('shows a failure without breaking the page and tries again on retry and next sign-in', async () => {
    const { backend, accept } = await setUp()
    accept.mockRejectedValueOnce(new BackendError('network', 'Failed to fetch'))
    await screen.findByText('session : anonyme')

    await act(() => backend.signIn({ kind: 'demo', email: MERCHANT }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Failed to fetch')
    expect(accept).toHaveBeenCalledTimes(1)

    accept.mockRejectedValueOnce(new BackendError('network', 'Still offline'))
    await userEvent.click(screen.getByRole('button', { name: 'Réessayer' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Still offline')
    expect(accept).toHaveBeenCalledTimes(2)

    await act(() => backend.signOut())
    await screen.findByText('session : anonyme')
    expect(accept).toHaveBeenCalledTimes(2)
    await act(() => backend.signIn({ kind: 'demo', email: MERCHANT }))
    expect(await screen.findByText('acceptation : success')).toBeInTheDocument()
    expect(accept).toHaveBeenCalledTimes(3)
    expect(await accept.mock.results[2]?.value).toEqual(['shop-a'])
  })
})
