import { act, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { BackendError } from '@/backend/errors'
import { ShopDetailsForm } from '@/features/merchant/components/shop-details-form'
import { useMerchantShop } from '@/features/merchant/api/get-merchant-shop'
import { useLocaleStore } from '@/lib/locale-store'
import { createMemoryBackend } from '../../../fixtures/memory-backend'
import { makeShop } from '../../../fixtures/shops'
import { renderWithProviders } from '../../../test-utils'

const shop = makeShop({ id: 'shop-a', openingHours: 'Mo-Fr 09:00-18:00', phone: '05 49 00 00 01' })

describe('ShopDetailsForm', () => {
  it('refuses a malformed e-mail in French, sends nothing and keeps what was typed', async () => {
    const backend = createMemoryBackend({ shops: [shop] })
    const save = vi.spyOn(backend, 'updateShopDetails')
    renderWithProviders(<ShopDetailsForm shop={shop} />, backend)
    const email = screen.getByRole('textbox', { name: 'E-mail' })
    await userEvent.type(email, 'pas-un-email')
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Site web (https://…)' }),
      'javascript:alert(1)',
    )
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer mes informations' }))
    expect(screen.getByText('Adresse e-mail invalide.')).toBeInTheDocument()
    expect(screen.getByText('Le site doit commencer par http:// ou https://.')).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent('rien n’a été envoyé')
    expect(email).toHaveValue('pas-un-email')
    expect(email).toHaveAttribute('aria-invalid', 'true')
    expect(save).not.toHaveBeenCalled()
  })

  it('says what was refused in the language chosen, before or after saving', async () => {
    const backend = createMemoryBackend({ shops: [shop] })
    renderWithProviders(<ShopDetailsForm shop={shop} />, backend)
    act(() => useLocaleStore.setState({ locale: 'en' }))
    await userEvent.clear(screen.getByRole('textbox', { name: 'Phone' }))
    await userEvent.type(screen.getByRole('textbox', { name: 'Phone' }), 'abc')
    await userEvent.click(screen.getByRole('button', { name: 'Save my information' }))
    expect(screen.getByText('Invalid phone number.')).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent('nothing was sent')
    act(() => useLocaleStore.setState({ locale: 'fr' }))
    expect(screen.getByText('Numéro de téléphone invalide.')).toBeInTheDocument()
    expect(screen.queryByText('Invalid phone number.')).not.toBeInTheDocument()
  })

  it('saves valid details with the concurrency token, blank fields as null', async () => {
    const backend = createMemoryBackend({ shops: [shop] })
    const save = vi.spyOn(backend, 'updateShopDetails')
    renderWithProviders(<ShopDetailsForm shop={shop} />, backend)
    await userEvent.clear(screen.getByRole('textbox', { name: 'Téléphone' }))
    await userEvent.type(
      screen.getByRole('textbox', { name: 'La marche à suivre pour commander' }),
      'Appelez la veille',
    )
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Réseaux sociaux (un lien par ligne)' }),
      'https://www.instagram.com/demo',
    )
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer mes informations' }))
    expect(await screen.findByText('Informations enregistrées.')).toBeInTheDocument()
    expect(save.mock.calls[0]![0]).toMatchObject({
      shopId: 'shop-a',
      phone: null,
      orderingInstructions: 'Appelez la veille',
      socialLinks: ['https://www.instagram.com/demo'],
      openingHours: 'Mo-Fr 09:00-18:00',
      expectedUpdatedAt: shop.updatedAt,
    })
  })

  it('shows "modifié ailleurs" on a stale save and keeps the typed values', async () => {
    const backend = createMemoryBackend({ shops: [shop] })
    backend.updateShopDetails = async () => {
      throw new BackendError('stale-update', 'stale_update', 'PT409')
    }
    renderWithProviders(<ShopDetailsForm shop={shop} />, backend)
    const description = screen.getByRole('textbox', { name: 'Description' })
    await userEvent.type(description, 'Pain au levain')
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer mes informations' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Modifié ailleurs')
    expect(description).toHaveValue('Pain au levain')
  })

  it('after a stale save, shows the newer version beside the typing and saves again in one tap', async () => {
    const backend = createMemoryBackend({ shops: [shop] })
    // Another device changes the description; this one does not hear it (its connection dropped).
    const subscribe = backend.subscribe.bind(backend)
    let deaf = false
    backend.subscribe = (listener) => subscribe((change) => (deaf ? undefined : listener(change)))
    const save = vi.spyOn(backend, 'updateShopDetails')
    renderWithProviders(<LiveForm shopId="shop-a" />, backend)
    const description = await screen.findByRole('textbox', { name: 'Description' })
    deaf = true
    await backend.updateShopDetails({
      shopId: 'shop-a',
      openingHours: shop.openingHours,
      orderingInstructions: null,
      description: 'Viennoiseries',
      phone: shop.phone,
      email: null,
      website: null,
      socialLinks: [],
      expectedUpdatedAt: shop.updatedAt,
    })
    deaf = false
    await userEvent.type(description, 'Pain au levain')
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer mes informations' }))
    const banner = await screen.findByText(/ces informations ont changé depuis un autre appareil/)
    expect(banner).toBeInTheDocument()
    expect(await screen.findByText('Modifié ailleurs : « Viennoiseries »')).toBeInTheDocument()
    expect(description).toHaveValue('Pain au levain')
    expect(screen.queryByText(/stale|PT409/)).toBeNull()
    await userEvent.click(
      screen.getByRole('button', { name: 'Enregistrer mes saisies sur la version actuelle' }),
    )
    expect(await screen.findByText('Informations enregistrées.')).toBeInTheDocument()
    expect(save).toHaveBeenCalledTimes(3)
    expect((await backend.getShop('shop-a'))?.description).toBe('Pain au levain')
  })

  it('follows a change of the hours made elsewhere when the merchant is not editing them', async () => {
    const backend = createMemoryBackend({ shops: [shop] })
    renderWithProviders(<LiveForm shopId="shop-a" />, backend)
    await screen.findByRole('textbox', { name: 'Description' })
    const current = (await backend.getShop('shop-a'))!
    await act(() =>
      backend.updateShopDetails({
        shopId: 'shop-a',
        openingHours: 'Mo-Sa 08:00-19:00',
        orderingInstructions: null,
        description: null,
        phone: shop.phone,
        email: null,
        website: null,
        socialLinks: [],
        expectedUpdatedAt: current.updatedAt,
      }),
    )
    const saturdayFrom = await screen.findByLabelText('Samedi, ouverture 1')
    expect(saturdayFrom).toHaveValue('08:00')
    expect(screen.queryByText(/Modifié ailleurs/)).toBeNull()
  })
})

/** The form as the merchant's page shows it: fed by the shop's query, which changes elsewhere. */
function LiveForm({ shopId }: { shopId: string }) {
  const query = useMerchantShop(shopId)
  return query.data ? <ShopDetailsForm shop={query.data} /> : null
}
