import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BackendError } from '@/backend/errors'
import { ShopStatusPanel } from '@/features/merchant/components/shop-status-panel'
import { useStatusOutboxSender } from '@/features/merchant/api/use-status-outbox-sender'
import { useStatusOutboxStore } from '@/features/merchant/stores/status-outbox-store'
import { createMemoryBackend } from '../../../fixtures/memory-backend'
import { makeShop } from '../../../fixtures/shops'
import { renderWithProviders } from '../../../test-utils'

function Merchant({ shopId }: { shopId: string }) {
  useStatusOutboxSender()
  return <ShopStatusPanel shopId={shopId} />
}

function setOnline(online: boolean) {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online })
}

const shop = () =>
  makeShop({
    id: 'shop-a',
    name: 'Démo — Boulangerie',
    status: 'open',
    statusUpdatedAt: new Date().toISOString(),
  })

beforeEach(() => {
  useStatusOutboxStore.setState({ pending: {}, problems: {} })
  setOnline(true)
})
afterEach(() => setOnline(true))

describe('ShopStatusPanel', () => {
  it('answers a tap at once and sends it', async () => {
    const backend = createMemoryBackend({ shops: [shop()] })
    const send = vi.spyOn(backend, 'setShopStatus')
    renderWithProviders(<Merchant shopId="shop-a" />, backend)
    const toggle = await screen.findByRole('switch', { name: /Ouvert/ })
    await userEvent.click(toggle)
    expect(screen.getByRole('switch')).toHaveAccessibleName(/Fermé/)
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1))
    expect(send.mock.calls[0]![0]).toMatchObject({ shopId: 'shop-a', status: 'closed' })
    await waitFor(() => expect(screen.queryByText(/En attente d’envoi/)).not.toBeInTheDocument())
    expect((await backend.getShop('shop-a'))?.status).toBe('closed')
  })

  it('asks a shop that never said whether it is open, with neither answer preselected', async () => {
    const backend = createMemoryBackend({
      shops: [makeShop({ id: 'shop-a', name: 'Nouveau', status: 'unknown' })],
    })
    const send = vi.spyOn(backend, 'setShopStatus')
    renderWithProviders(<Merchant shopId="shop-a" />, backend)
    const choice = await screen.findByRole('group', {
      name: 'Votre commerce est-il ouvert en ce moment ?',
    })
    expect(screen.queryByRole('switch')).toBeNull()
    expect(screen.getByText(/les clients voient « statut inconnu »/)).toBeInTheDocument()
    await userEvent.click(within(choice).getByRole('button', { name: 'Ouvert' }))
    expect(await screen.findByRole('switch')).toHaveAccessibleName(/Ouvert/)
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1))
    expect(send.mock.calls[0]![0]).toMatchObject({ shopId: 'shop-a', status: 'open' })
  })

  it('keeps an offline tap on the device and sends it once when back online', async () => {
    const backend = createMemoryBackend({ shops: [shop()] })
    const send = vi.spyOn(backend, 'setShopStatus')
    setOnline(false)
    renderWithProviders(<Merchant shopId="shop-a" />, backend)
    await userEvent.click(await screen.findByRole('switch'))
    expect(screen.getByRole('switch')).toHaveAccessibleName(/Fermé/)
    expect(screen.getByText('En attente d’envoi…')).toBeInTheDocument()
    expect(send).not.toHaveBeenCalled()
    expect(
      JSON.parse(localStorage.getItem('vitrine.status-outbox') ?? '{}').state.pending['shop-a']
        .input.status,
    ).toBe('closed')
    setOnline(true)
    await act(async () => {
      window.dispatchEvent(new Event('online'))
    })
    await waitFor(() => expect(screen.queryByText(/En attente d’envoi/)).not.toBeInTheDocument())
    expect(send).toHaveBeenCalledTimes(1)
    expect((await backend.getShop('shop-a'))?.status).toBe('closed')
  })

  it('rolls back with a visible message when the server refuses', async () => {
    const backend = createMemoryBackend({ shops: [shop()] })
    backend.setShopStatus = async () => {
      throw new BackendError('forbidden', 'not allowed to change the status of this shop', '42501')
    }
    renderWithProviders(<Merchant shopId="shop-a" />, backend)
    await userEvent.click(await screen.findByRole('switch'))
    expect(await screen.findByRole('alert')).toHaveTextContent('Changement refusé')
    expect(screen.getByRole('switch')).toHaveAccessibleName(/Ouvert/)
  })

  it('shows "modifié ailleurs" with the newer state instead of overwriting it', async () => {
    const backend = createMemoryBackend({ shops: [shop()] })
    renderWithProviders(<Merchant shopId="shop-a" />, backend)
    const toggle = await screen.findByRole('switch')
    // Another phone closes the shop with a message after this screen was loaded.
    const current = (await backend.getShop('shop-a'))!
    await backend.setShopStatus({
      shopId: 'shop-a',
      status: 'closed',
      message: 'Fermé pour inventaire',
      closedUntil: null,
      services: [],
      expectedUpdatedAt: current.updatedAt,
    })
    // This screen still shows "open": closing from here carries the old token and is refused.
    await userEvent.click(toggle)
    expect(await screen.findByRole('alert')).toHaveTextContent('Modifié ailleurs')
    expect((await backend.getShop('shop-a'))?.statusMessage).toBe('Fermé pour inventaire')
  })

  it('counts the message and refuses more than 280 characters, keeping the text', async () => {
    const backend = createMemoryBackend({ shops: [shop()] })
    renderWithProviders(<Merchant shopId="shop-a" />, backend)
    const message = await screen.findByRole('textbox', { name: 'Message aux clients (facultatif)' })
    await userEvent.click(message)
    await userEvent.paste('é'.repeat(281))
    expect(screen.getByText('281 / 280 caractères')).toBeInTheDocument()
    expect(message).toHaveAttribute('aria-invalid', 'true')
    expect(
      screen.getByRole('button', { name: 'Publier le message et les services' }),
    ).toBeDisabled()
    expect(message).toHaveValue('é'.repeat(281))
  })
})
