import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BackendError } from '@/backend/errors'
import { ShopStatusPanel } from '@/features/merchant/components/shop-status-panel'
import { useStatusOutboxSender } from '@/features/merchant/api/use-status-outbox-sender'
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
      JSON.parse(localStorage.getItem('vitrine.status-outbox.shop-a') ?? '{}').input.status,
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

  it('follows a change made elsewhere at once, and the next tap is accepted', async () => {
    const backend = createMemoryBackend({ shops: [shop()] })
    renderWithProviders(<Merchant shopId="shop-a" />, backend)
    const toggle = await screen.findByRole('switch')
    // Another phone closes the shop with a message after this screen was loaded.
    const current = (await backend.getShop('shop-a'))!
    await act(() =>
      backend.setShopStatus({
        shopId: 'shop-a',
        status: 'closed',
        message: 'Fermé pour inventaire',
        closedUntil: null,
        services: [],
        expectedUpdatedAt: current.updatedAt,
      }),
    )
    await waitFor(() => expect(toggle).toHaveAccessibleName(/Fermé/))
    expect(screen.getByRole('textbox', { name: 'Message aux clients (facultatif)' })).toHaveValue(
      'Fermé pour inventaire',
    )
    await userEvent.click(toggle)
    await waitFor(() => expect(screen.queryByText(/En attente d’envoi/)).not.toBeInTheDocument())
    expect(screen.queryByRole('alert')).toBeNull()
    expect((await backend.getShop('shop-a'))?.status).toBe('open')
  })

  it('shows "modifié ailleurs" with the newer state when an offline tap went stale, and applies it again in one tap', async () => {
    const backend = createMemoryBackend({ shops: [shop()] })
    // This device hears nothing while offline: the other phone's change reaches only the server.
    const subscribe = backend.subscribe.bind(backend)
    let deaf = false
    backend.subscribe = (listener) => subscribe((change) => (deaf ? undefined : listener(change)))
    setOnline(false)
    renderWithProviders(<Merchant shopId="shop-a" />, backend)
    const toggle = await screen.findByRole('switch')
    await userEvent.click(toggle)
    expect(screen.getByText('En attente d’envoi…')).toBeInTheDocument()
    deaf = true
    const current = (await backend.getShop('shop-a'))!
    await backend.setShopStatus({
      shopId: 'shop-a',
      status: 'open',
      message: 'Ouvert jusqu’à 20 h',
      closedUntil: null,
      services: [],
      expectedUpdatedAt: current.updatedAt,
    })
    deaf = false
    setOnline(true)
    await act(async () => {
      window.dispatchEvent(new Event('online'))
    })
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Modifié ailleurs')
    expect(alert).toHaveTextContent('Votre changement (Fermé) n’a pas été appliqué')
    expect(alert).not.toHaveTextContent(/stale|PT409/)
    // The newer state is shown, nothing was overwritten.
    expect(toggle).toHaveAccessibleName(/Ouvert/)
    expect(screen.getByRole('textbox', { name: 'Message aux clients (facultatif)' })).toHaveValue(
      'Ouvert jusqu’à 20 h',
    )
    expect((await backend.getShop('shop-a'))?.statusMessage).toBe('Ouvert jusqu’à 20 h')
    // One tap applies the change on the newer version.
    await userEvent.click(within(alert).getByRole('button', { name: 'Appliquer mon changement' }))
    await waitFor(() => expect(toggle).toHaveAccessibleName(/Fermé/))
    await waitFor(() => expect(screen.queryByText(/En attente d’envoi/)).not.toBeInTheDocument())
    expect((await backend.getShop('shop-a'))?.status).toBe('closed')
  })

  it('takes down a message written under the other status when the status flips, and offers it back', async () => {
    const backend = createMemoryBackend({
      shops: [{ ...shop(), statusMessage: 'Ouvert aux horaires habituels.' }],
    })
    renderWithProviders(<Merchant shopId="shop-a" />, backend)
    await userEvent.click(await screen.findByRole('switch', { name: /Ouvert/ }))
    await waitFor(async () => expect((await backend.getShop('shop-a'))?.status).toBe('closed'))
    expect((await backend.getShop('shop-a'))?.statusMessage).toBeNull()
    const note = screen.getByText(/Le message « Ouvert aux horaires habituels. » a été retiré/)
    expect(screen.getByRole('textbox', { name: 'Message aux clients (facultatif)' })).toHaveValue(
      '',
    )
    await userEvent.click(within(note.closest('div')!).getByRole('button', { name: 'Le remettre' }))
    await waitFor(async () =>
      expect((await backend.getShop('shop-a'))?.statusMessage).toBe(
        'Ouvert aux horaires habituels.',
      ),
    )
    expect((await backend.getShop('shop-a'))?.status).toBe('closed')
  })

  it('sends a message typed just before the flip with the new status', async () => {
    const backend = createMemoryBackend({
      shops: [{ ...shop(), statusMessage: 'Ouvert aux horaires habituels.' }],
    })
    renderWithProviders(<Merchant shopId="shop-a" />, backend)
    const message = await screen.findByRole('textbox', { name: 'Message aux clients (facultatif)' })
    await userEvent.clear(message)
    await userEvent.type(message, 'Fermé pour inventaire')
    await userEvent.click(screen.getByRole('switch'))
    await waitFor(async () =>
      expect((await backend.getShop('shop-a'))?.statusMessage).toBe('Fermé pour inventaire'),
    )
    expect(screen.queryByText(/a été retiré/)).toBeNull()
  })

  it('keeps the text being typed when the same field changes elsewhere, and lets the merchant choose', async () => {
    const backend = createMemoryBackend({ shops: [shop()] })
    renderWithProviders(<Merchant shopId="shop-a" />, backend)
    const message = await screen.findByRole('textbox', { name: 'Message aux clients (facultatif)' })
    await userEvent.type(message, 'Livraison offerte')
    const current = (await backend.getShop('shop-a'))!
    await act(() =>
      backend.setShopStatus({
        shopId: 'shop-a',
        status: 'open',
        message: 'Retrait en boutique',
        closedUntil: null,
        services: current.services,
        expectedUpdatedAt: current.updatedAt,
      }),
    )
    const note = await screen.findByText('Modifié ailleurs : « Retrait en boutique »')
    expect(message).toHaveValue('Livraison offerte')
    const noteBox = note.closest('div')!
    await userEvent.click(
      within(noteBox).getByRole('button', { name: 'Prendre la nouvelle valeur' }),
    )
    expect(message).toHaveValue('Retrait en boutique')
    expect(screen.queryByText(/Modifié ailleurs/)).toBeNull()
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
