import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { BackendError } from '@/backend/errors'
import { ShopDetailsForm } from '@/features/merchant/components/shop-details-form'
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
})
