import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { CurrentTerritoryContext } from '@/lib/routes'
import { InvitationsNotice } from '@/features/merchant/components/invitations-notice'
import { createMemoryBackend } from '../../../fixtures/memory-backend'
import { renderWithProviders } from '../../../test-utils'

async function signIn(backend: ReturnType<typeof createMemoryBackend>) {
  await backend.signIn({ kind: 'demo', email: 'marchande@demo.vitrine.test' })
}

describe('InvitationsNotice', () => {
  it('says nothing to a visitor', async () => {
    const backend = createMemoryBackend()
    let asked = 0
    backend.acceptInvitations = async () => {
      asked += 1
      return []
    }
    const { container } = renderWithProviders(<InvitationsNotice />, backend)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(container).toBeEmptyDOMElement()
    expect(asked).toBe(0)
  })

  it('tells a merchant who signs in which shops they now manage', async () => {
    const backend = createMemoryBackend()
    backend.acceptInvitations = async () => ['shop-1', 'shop-2']
    await signIn(backend)
    renderWithProviders(
      <CurrentTerritoryContext.Provider value="niort-agglo">
        <InvitationsNotice />
      </CurrentTerritoryContext.Provider>,
      backend,
    )
    const notice = await screen.findByRole('status')
    expect(notice).toHaveTextContent('Vous gérez maintenant 2 commerces de plus, sur invitation')
    // In the territory being shown, never another one.
    expect(screen.getByRole('link', { name: 'Mon commerce' })).toHaveAttribute(
      'href',
      '/t/niort-agglo/mon-commerce',
    )
  })

  it('shows a failed check with a retry that works', async () => {
    const backend = createMemoryBackend()
    let fail = true
    backend.acceptInvitations = async () => {
      if (fail) throw new TypeError('Failed to fetch')
      return ['shop-1']
    }
    await signIn(backend)
    renderWithProviders(<InvitationsNotice />, backend)
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(
      'Vos invitations à gérer un commerce n’ont pas pu être vérifiées. Pas de connexion',
    )
    fail = false
    await userEvent.click(screen.getByRole('button', { name: 'Réessayer' }))
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Vous gérez maintenant un commerce de plus, sur invitation',
    )
  })
})
