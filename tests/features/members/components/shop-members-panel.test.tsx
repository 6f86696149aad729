import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BackendError } from '@/backend/errors'
import type { Shop, ShopInvitation, ShopMember } from '@/backend/types'
import { CurationPage } from '@/app/curation-page'
import { ShopMembersPanel } from '@/features/members/components/shop-members-panel'
import { createMemoryBackend } from '../../../fixtures/memory-backend'
import { makeShop } from '../../../fixtures/shops'
import { useLocaleStore } from '@/lib/locale-store'
import { renderWithProviders } from '../../../test-utils'

const SHOPS: Shop[] = [
  makeShop({ id: 'shop-z', name: 'Zèbre Café', communeName: 'Buxerolles' }),
  makeShop({ id: 'shop-e', name: 'Épicerie Lumière', communeName: 'Poitiers' }),
  makeShop({ id: 'shop-b', name: 'Boulangerie des Halles', communeName: 'Poitiers' }),
  makeShop({
    id: 'shop-a',
    name: 'Atelier du Clain',
    communeName: 'Saint-Benoît',
    published: false,
  }),
]

const MEMBERS: Record<string, ShopMember[]> = {
  'shop-e': [
    {
      userId: 'user-marie',
      email: 'marie@exemple.fr',
      role: 'owner',
      createdAt: '2026-11-20T10:00:00.000Z',
    },
    {
      userId: 'user-paul',
      email: 'paul@exemple.fr',
      role: 'staff',
      createdAt: '2026-11-21T10:00:00.000Z',
    },
  ],
}

const INVITATIONS: ShopInvitation[] = [
  {
    id: 'inv-pending',
    shopId: 'shop-e',
    email: 'lea@exemple.fr',
    role: 'staff',
    createdAt: '2026-11-19T10:00:00.000Z',
    acceptedAt: null,
  },
  {
    id: 'inv-accepted',
    shopId: 'shop-e',
    email: 'marie@exemple.fr',
    role: 'owner',
    createdAt: '2026-11-18T10:00:00.000Z',
    acceptedAt: '2026-11-20T10:00:00.000Z',
  },
]

async function setUp() {
  const backend = createMemoryBackend({
    shops: SHOPS,
    curates: ['grand-poitiers'],
    membership: { members: MEMBERS, invitations: INVITATIONS },
  })
  await backend.signIn({ kind: 'demo', email: 'curatrice@demo.vitrine.test' })
  renderWithProviders(<ShopMembersPanel shops={SHOPS} />, backend)
  return backend
}

async function pickShop(label: string) {
  await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Commerce' }), label)
}

const emailBox = () => screen.getByRole('textbox', { name: 'Adresse e-mail' })
const inviteButton = () => screen.getByRole('button', { name: 'Inviter' })

describe('ShopMembersPanel', () => {
  it('lists the territory’s shops by name with their commune, and filters them', async () => {
    await setUp()
    expect(screen.getByRole('heading', { name: 'Membres et invitations' })).toBeInTheDocument()
    expect(
      screen.getByText(
        'Invitez un commerçant par e-mail : il devient membre du commerce dès qu’il se connecte avec cette adresse vérifiée.',
      ),
    ).toBeInTheDocument()
    const select = screen.getByRole('combobox', { name: 'Commerce' })
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'Choisissez un commerce',
      'Atelier du Clain — Saint-Benoît (non publié)',
      'Boulangerie des Halles — Poitiers',
      'Épicerie Lumière — Poitiers',
      'Zèbre Café — Buxerolles',
    ])

    // Accents and case do not count; the commune is searched too.
    await userEvent.type(
      screen.getByRole('searchbox', { name: 'Rechercher un commerce (nom ou commune)' }),
      'EPICERIE',
    )
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Choisissez un commerce', 'Épicerie Lumière — Poitiers'])
    expect(screen.getByText('1 commerce correspond.')).toBeInTheDocument()
    await userEvent.clear(screen.getByRole('searchbox'))
    await userEvent.type(screen.getByRole('searchbox'), 'buxe')
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Choisissez un commerce', 'Zèbre Café — Buxerolles'])
  })

  it('shows the chosen shop’s members and pending invitations', async () => {
    await setUp()
    expect(
      screen.getByText('Choisissez un commerce pour voir ses membres et ses invitations.'),
    ).toBeInTheDocument()
    await pickShop('Épicerie Lumière — Poitiers')

    const members = await screen.findByRole('list', { name: 'Membres de Épicerie Lumière' })
    const rows = within(members).getAllByRole('listitem')
    expect(rows).toHaveLength(2)
    expect(rows[0]).toHaveTextContent('marie@exemple.fr')
    expect(rows[0]).toHaveTextContent('Propriétaire · membre depuis le 20 novembre 2026')
    expect(rows[1]).toHaveTextContent('paul@exemple.fr')
    expect(rows[1]).toHaveTextContent('Équipe · membre depuis le 21 novembre 2026')

    const invitations = await screen.findByRole('list', {
      name: 'Invitations en attente pour Épicerie Lumière',
    })
    // The accepted invitation is history, not something to act on.
    const pending = within(invitations).getAllByRole('listitem')
    expect(pending).toHaveLength(1)
    expect(pending[0]).toHaveTextContent('lea@exemple.fr')
    expect(pending[0]).toHaveTextContent('Équipe · invitation du 19 novembre 2026')

    // The selection stays in the list even when a filter no longer matches it.
    await userEvent.type(screen.getByRole('searchbox'), 'zebre')
    expect(screen.getByRole('combobox', { name: 'Commerce' })).toHaveDisplayValue(
      'Épicerie Lumière — Poitiers',
    )

    await userEvent.clear(screen.getByRole('searchbox'))
    await pickShop('Boulangerie des Halles — Poitiers')
    expect(await screen.findByText('Personne ne gère encore ce commerce.')).toBeInTheDocument()
    expect(await screen.findByText('Aucune invitation en attente.')).toBeInTheDocument()
  })

  it('invites by e-mail with a role and announces it', async () => {
    const backend = await setUp()
    const invite = vi.spyOn(backend, 'inviteToShop')
    await pickShop('Boulangerie des Halles — Poitiers')
    await screen.findByText('Aucune invitation en attente.')

    await userEvent.type(emailBox(), '  Nouvelle.Gerante@Exemple.fr ')
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Rôle' }), 'Équipe')
    await userEvent.click(inviteButton())

    expect(await screen.findByRole('status')).toHaveTextContent(
      'Invitation enregistrée pour nouvelle.gerante@exemple.fr : cette personne deviendra membre en se connectant avec cette adresse.',
    )
    expect(invite).toHaveBeenCalledExactlyOnceWith('shop-b', 'Nouvelle.Gerante@Exemple.fr', 'staff')
    const invitations = await screen.findByRole('list', {
      name: 'Invitations en attente pour Boulangerie des Halles',
    })
    expect(within(invitations).getByRole('listitem')).toHaveTextContent(
      'nouvelle.gerante@exemple.fr',
    )
    expect(emailBox()).toHaveValue('')

    // The same address again: the refusal replaces the earlier success notice.
    await userEvent.type(emailBox(), 'nouvelle.gerante@exemple.fr')
    await userEvent.click(inviteButton())
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Une invitation est déjà en attente pour cette adresse.',
    )
    expect(screen.queryByRole('status')).not.toBeInTheDocument()
  })

  it('refuses an invalid address before sending, keeping what was typed', async () => {
    const backend = await setUp()
    const invite = vi.spyOn(backend, 'inviteToShop')
    await pickShop('Boulangerie des Halles — Poitiers')

    await userEvent.click(inviteButton())
    expect(
      screen.getByText('Indiquez l’adresse e-mail de la personne à inviter.'),
    ).toBeInTheDocument()

    await userEvent.type(emailBox(), 'marie@exemple')
    await userEvent.click(inviteButton())
    expect(
      screen.getByText(
        'Cette adresse e-mail n’est pas valide : vérifiez-la (par exemple prenom.nom@exemple.fr).',
      ),
    ).toBeInTheDocument()
    expect(emailBox()).toHaveValue('marie@exemple')
    expect(emailBox()).toHaveAttribute('aria-invalid', 'true')
    expect(emailBox()).toHaveAccessibleDescription(/n’est pas valide/)
    expect(emailBox()).toHaveFocus()
    expect(invite).not.toHaveBeenCalled()
  })

  it('shows the database’s refusal and keeps the address and the role', async () => {
    const backend = await setUp()
    await pickShop('Épicerie Lumière — Poitiers')
    await screen.findByRole('list', { name: 'Invitations en attente pour Épicerie Lumière' })

    // Léa already has a pending invitation: the database refuses a second one (23505).
    await userEvent.type(emailBox(), 'LEA@exemple.fr')
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Rôle' }), 'Équipe')
    await userEvent.click(inviteButton())
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'L’invitation n’a pas été enregistrée. Une invitation est déjà en attente pour cette adresse. Votre saisie est conservée.',
    )
    expect(emailBox()).toHaveValue('LEA@exemple.fr')
    expect(screen.getByRole('combobox', { name: 'Rôle' })).toHaveDisplayValue('Équipe')
    expect(screen.queryByRole('status')).not.toBeInTheDocument()

    // Any other refusal says what the database said.
    vi.spyOn(backend, 'inviteToShop').mockRejectedValueOnce(
      new BackendError('forbidden', 'Réservé aux curateurs du territoire.', '42501'),
    )
    await userEvent.clear(emailBox())
    await userEvent.type(emailBox(), 'autre@exemple.fr')
    await userEvent.click(inviteButton())
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('Réservé aux curateurs du territoire.'),
    )
    expect(emailBox()).toHaveValue('autre@exemple.fr')
  })

  it('cancels a pending invitation', async () => {
    const backend = await setUp()
    const revoke = vi.spyOn(backend, 'revokeInvitation')
    await pickShop('Épicerie Lumière — Poitiers')
    const invitations = await screen.findByRole('list', {
      name: 'Invitations en attente pour Épicerie Lumière',
    })
    const button = within(invitations).getByRole('button', {
      name: 'Annuler l’invitation de lea@exemple.fr',
    })
    expect(button).toHaveTextContent('Annuler l’invitation')
    await userEvent.click(button)

    expect(await screen.findByRole('status')).toHaveTextContent(
      'L’invitation de lea@exemple.fr est annulée.',
    )
    expect(revoke).toHaveBeenCalledExactlyOnceWith('inv-pending')
    expect(await screen.findByText('Aucune invitation en attente.')).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'Invitations en attente' })).toHaveFocus()
  })

  it('removes a member only after confirmation', async () => {
    const backend = await setUp()
    const remove = vi.spyOn(backend, 'removeShopMember')
    await pickShop('Épicerie Lumière — Poitiers')
    const members = await screen.findByRole('list', { name: 'Membres de Épicerie Lumière' })

    await userEvent.click(within(members).getByRole('button', { name: 'Retirer paul@exemple.fr' }))
    expect(
      within(members).getByText(
        'Retirer paul@exemple.fr de « Épicerie Lumière » ? Cette personne ne pourra plus gérer ce commerce.',
      ),
    ).toBeInTheDocument()
    await userEvent.click(within(members).getByRole('button', { name: 'Annuler' }))
    expect(remove).not.toHaveBeenCalled()
    expect(within(members).getAllByRole('listitem')).toHaveLength(2)

    await userEvent.click(within(members).getByRole('button', { name: 'Retirer paul@exemple.fr' }))
    await userEvent.click(within(members).getByRole('button', { name: 'Confirmer le retrait' }))

    expect(await screen.findByRole('status')).toHaveTextContent(
      'paul@exemple.fr ne fait plus partie de ce commerce.',
    )
    expect(remove).toHaveBeenCalledExactlyOnceWith('shop-e', 'user-paul')
    await waitFor(() => expect(within(members).getAllByRole('listitem')).toHaveLength(1))
    expect(members).not.toHaveTextContent('paul@exemple.fr')
    expect(screen.getByRole('heading', { name: 'Membres' })).toHaveFocus()
  })

  it('says so when a removal is refused, and keeps the member listed', async () => {
    const backend = await setUp()
    vi.spyOn(backend, 'removeShopMember').mockRejectedValueOnce(
      new BackendError('forbidden', 'Vous ne pouvez pas retirer cette personne.'),
    )
    await pickShop('Épicerie Lumière — Poitiers')
    const members = await screen.findByRole('list', { name: 'Membres de Épicerie Lumière' })
    await userEvent.click(within(members).getByRole('button', { name: 'Retirer marie@exemple.fr' }))
    await userEvent.click(within(members).getByRole('button', { name: 'Confirmer le retrait' }))

    expect(await within(members).findByRole('alert')).toHaveTextContent(
      'Le retrait a échoué : Vous ne pouvez pas retirer cette personne.',
    )
    expect(within(members).getAllByRole('listitem')).toHaveLength(2)
  })
})

describe('ShopMembersPanel in English', () => {
  it('speaks English, database refusals included', async () => {
    useLocaleStore.setState({ locale: 'en' })
    await setUp()
    expect(screen.getByRole('heading', { name: 'Members and invitations' })).toBeInTheDocument()
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Shop' }),
      'Épicerie Lumière — Poitiers',
    )
    const members = await screen.findByRole('list', { name: 'Members of Épicerie Lumière' })
    expect(within(members).getAllByRole('listitem')[0]).toHaveTextContent(
      'Owner · member since 20 November 2026',
    )
    await userEvent.type(screen.getByRole('textbox', { name: 'E-mail address' }), 'lea@exemple.fr')
    await userEvent.click(screen.getByRole('button', { name: 'Invite' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The invitation was not saved. An invitation is already pending for this address. What you typed is kept.',
    )
  })
})

describe('CurationPage members section', () => {
  beforeEach(() => {
    // No bundled commune outlines in tests (the import panel asks for them).
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('not found', { status: 404 })),
    )
  })
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('offers the territory’s shops in the curators’ space', async () => {
    const backend = createMemoryBackend({
      shops: SHOPS,
      curates: ['grand-poitiers'],
      membership: { members: MEMBERS, invitations: INVITATIONS },
    })
    await backend.signIn({ kind: 'demo', email: 'curatrice@demo.vitrine.test' })
    renderWithProviders(<CurationPage />, backend)
    expect(
      await screen.findByRole('heading', { name: 'Membres et invitations' }),
    ).toBeInTheDocument()
    await pickShop('Épicerie Lumière — Poitiers')
    expect(
      await screen.findByRole('list', { name: 'Membres de Épicerie Lumière' }),
    ).toHaveTextContent('marie@exemple.fr')
  })
})
