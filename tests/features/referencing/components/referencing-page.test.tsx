import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BackendError } from '@/backend/errors'
import type { LonLat, ShopDraft, ShopSubmission } from '@/backend/types'
import { ReferencingPage } from '@/features/referencing/components/referencing-page'
import { AccountMenu } from '@/features/account/components/account-menu'
import { useReferencingDraftStore } from '@/features/referencing/stores/referencing-draft-store'
import { EMPTY_REFERENCING_FORM } from '@/features/referencing/utils/referencing-draft'
import { useLocaleStore } from '@/lib/locale-store'
import { createMemoryBackend, GRAND_POITIERS } from '../../../fixtures/memory-backend'
import { renderWithProviders } from '../../../test-utils'

// MapLibre needs WebGL, which jsdom lacks: the picker is replaced by a region whose button
// does what dragging the pin does.
const DRAGGED_TO: LonLat = { lon: 0.3404, lat: 46.5802 }
vi.mock('@/map/location-picker', () => ({
  LocationPicker: ({
    label,
    onLocationChange,
  }: {
    label: string
    onLocationChange: (location: LonLat) => void
  }) => (
    <section role="region" aria-label={label}>
      <button type="button" onClick={() => onLocationChange(DRAGGED_TO)}>
        Faire glisser l’épingle
      </button>
    </section>
  ),
}))

const COMMUNES = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { code_insee: '86194', nom: 'Poitiers' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0.3, 46.55],
            [0.4, 46.55],
            [0.4, 46.62],
            [0.3, 46.62],
            [0.3, 46.55],
          ],
        ],
      },
    },
  ],
}

const PENDING_LIMIT = 'Vous avez déjà 3 demandes en attente : attendez la réponse des curateurs.'

function makeSubmission(overrides: Partial<ShopSubmission>): ShopSubmission {
  return {
    kind: 'commercant',
    name: 'Boulangerie',
    categorySlug: 'alimentation',
    subcategorySlug: null,
    description: null,
    address: null,
    postcode: null,
    communeInsee: null,
    communeName: 'Poitiers',
    location: { lon: 0.34, lat: 46.58 },
    phone: null,
    email: null,
    website: null,
    socialLinks: [],
    openingHours: null,
    openingHoursNote: null,
    orderingInstructions: null,
    services: [],
    id: 'sub-x',
    territorySlug: 'grand-poitiers',
    submittedBy: 'u1',
    status: 'pending',
    refusalReason: null,
    shopId: null,
    reviewedAt: null,
    createdAt: '2026-11-20T09:00:00.000Z',
    updatedAt: '2026-11-20T09:00:00.000Z',
    ...overrides,
  }
}

async function signedInBackend(options: Parameters<typeof createMemoryBackend>[0] = {}) {
  const backend = createMemoryBackend(options)
  await backend.signIn({ kind: 'demo', email: 'marchande@demo.vitrine.test' })
  return backend
}

function renderPage(backend: ReturnType<typeof createMemoryBackend>) {
  return renderWithProviders(
    <ReferencingPage territory={GRAND_POITIERS} signIn={<AccountMenu />} />,
    backend,
  )
}

const form = () => screen.getByRole('form', { name: 'Questionnaire de référencement' })
const textbox = (name: string) => within(form()).getByRole('textbox', { name })
const send = () => userEvent.click(screen.getByRole('button', { name: 'Envoyer ma demande' }))

/** The required fields, the position by dragging the (mocked) pin. */
async function fillRequired(name = 'La Mie Câline') {
  await userEvent.type(await screen.findByRole('textbox', { name: 'Nom du commerce' }), name)
  const category = screen.getByRole('combobox', { name: 'Catégorie' })
  await within(category).findByRole('option', { name: 'Alimentation' })
  await userEvent.selectOptions(category, 'Alimentation')
  await userEvent.click(screen.getByRole('button', { name: 'Faire glisser l’épingle' }))
}

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      if (String(input).includes('communes.geojson')) {
        return new Response(JSON.stringify(COMMUNES))
      }
      // The national address service is unreachable here: communes only.
      throw new TypeError('Failed to fetch')
    }),
  )
})
afterEach(() => {
  vi.unstubAllGlobals()
})

describe('ReferencingPage', () => {
  it('asks a visitor to sign in, keeps their draft, and shows the form once signed in', async () => {
    useReferencingDraftStore.getState().formChanged({ name: 'Chez Paulette' })
    renderPage(createMemoryBackend())
    expect(
      await screen.findByText(/Connectez-vous pour référencer votre commerce/),
    ).toBeInTheDocument()
    expect(screen.getByText(/Votre brouillon est conservé/)).toBeInTheDocument()
    expect(screen.queryByRole('form')).not.toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: 'Se connecter' }))
    await userEvent.click(screen.getByRole('button', { name: /Camille/ }))
    expect(await screen.findByRole('textbox', { name: 'Nom du commerce' })).toHaveValue(
      'Chez Paulette',
    )
    expect(screen.getByRole('heading', { name: 'Mes demandes' })).toBeInTheDocument()
  })

  it('restores the draft saved in the session (a reload)', async () => {
    sessionStorage.setItem(
      'vitrine.referencing-draft',
      JSON.stringify({
        state: { form: { name: 'Chez Paulette', phone: '05 49 00 00 00', location: DRAGGED_TO } },
        version: 1,
      }),
    )
    await useReferencingDraftStore.persist.rehydrate()
    renderPage(await signedInBackend())
    expect(await screen.findByRole('textbox', { name: 'Nom du commerce' })).toHaveValue(
      'Chez Paulette',
    )
    expect(textbox('Téléphone')).toHaveValue('05 49 00 00 00')
    expect(screen.getByText('46.5802, 0.3404')).toBeInTheDocument()
  })

  it('refuses an invalid phone, website and e-mail in French, and keeps what was typed', async () => {
    const backend = await signedInBackend()
    const submitShop = vi.spyOn(backend, 'submitShop')
    renderPage(backend)
    await fillRequired()
    await userEvent.type(textbox('Téléphone'), 'appelez-nous')
    await userEvent.type(textbox('E-mail'), 'pas-un-email')
    await userEvent.type(textbox('Site web (https://…)'), 'javascript:alert(1)')
    await userEvent.type(
      textbox('Réseaux sociaux (un lien par ligne)'),
      'https://www.instagram.com/demo{Enter}facebook.com/demo',
    )
    await send()

    const phone = textbox('Téléphone')
    expect(phone).toHaveValue('appelez-nous')
    expect(phone).toHaveAttribute('aria-invalid', 'true')
    expect(phone).toHaveAccessibleDescription('Numéro de téléphone invalide.')
    expect(phone).toHaveFocus()
    expect(textbox('E-mail')).toHaveValue('pas-un-email')
    expect(textbox('E-mail')).toHaveAccessibleDescription('Adresse e-mail invalide.')
    expect(textbox('Site web (https://…)')).toHaveValue('javascript:alert(1)')
    expect(textbox('Site web (https://…)')).toHaveAccessibleDescription(
      'Le site doit commencer par http:// ou https://.',
    )
    expect(textbox('Réseaux sociaux (un lien par ligne)')).toHaveAccessibleDescription(
      'Le lien 2 doit commencer par http:// ou https://.',
    )
    expect(textbox('Nom du commerce')).toHaveValue('La Mie Câline')
    expect(textbox('Nom du commerce')).not.toHaveAttribute('aria-invalid')
    expect(screen.getByRole('alert')).toHaveTextContent('rien n’a été envoyé')
    expect(submitShop).not.toHaveBeenCalled()

    // Fixing a field takes its message away at once.
    await userEvent.clear(phone)
    await userEvent.type(phone, '05 49 41 21 24')
    expect(phone).not.toHaveAttribute('aria-invalid')
    expect(screen.queryByText('Numéro de téléphone invalide.')).not.toBeInTheDocument()
  })

  it('refuses a request without a position and says how to give one', async () => {
    const backend = await signedInBackend()
    const submitShop = vi.spyOn(backend, 'submitShop')
    renderPage(backend)
    await userEvent.type(
      await screen.findByRole('textbox', { name: 'Nom du commerce' }),
      'Sans lieu',
    )
    await send()
    // The first problem in the form's order is the category; the position is refused too.
    expect(screen.getByRole('combobox', { name: 'Catégorie' })).toHaveFocus()
    expect(screen.getByText('Choisissez une catégorie.')).toBeInTheDocument()
    const search = screen.getByRole('searchbox', { name: 'Chercher l’adresse ou la commune' })
    expect(search).toHaveAttribute('aria-invalid', 'true')
    expect(search).toHaveAccessibleDescription(
      expect.stringContaining('Indiquez où se trouve le commerce'),
    )
    expect(screen.getByText('Aucune position choisie pour l’instant.')).toBeInTheDocument()
    expect(textbox('Nom du commerce')).toHaveValue('Sans lieu')
    expect(submitShop).not.toHaveBeenCalled()

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Catégorie' }), 'Culture')
    await send()
    expect(search).toHaveFocus()
  })

  it('filters subcategories by the chosen category', async () => {
    renderPage(await signedInBackend())
    const category = await screen.findByRole('combobox', { name: 'Catégorie' })
    const subcategory = screen.getByRole('combobox', { name: 'Sous-catégorie' })
    await within(category).findByRole('option', { name: 'Culture' })
    await userEvent.selectOptions(category, 'Culture')
    expect(subcategory).toBeDisabled()
    await userEvent.selectOptions(category, 'Alimentation')
    expect(subcategory).toBeEnabled()
    await userEvent.selectOptions(subcategory, 'Boulangerie, pâtisserie')
    expect(subcategory).toHaveValue('boulangerie')
    await userEvent.selectOptions(category, 'Culture')
    expect(subcategory).toHaveValue('')
  })

  it('sends a valid request, confirms it, clears the draft and lists it as pending', async () => {
    const backend = await signedInBackend()
    const submitShop = vi.spyOn(backend, 'submitShop')
    renderPage(backend)
    await userEvent.type(
      await screen.findByRole('textbox', { name: 'Nom du commerce' }),
      '  La Mie Câline ',
    )
    await userEvent.click(screen.getByRole('radio', { name: 'Artisan' }))
    const category = screen.getByRole('combobox', { name: 'Catégorie' })
    await within(category).findByRole('option', { name: 'Alimentation' })
    await userEvent.selectOptions(category, 'Alimentation')
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Sous-catégorie' }),
      'Boulangerie, pâtisserie',
    )

    // The search (communes offline) sets the position and the commune…
    await userEvent.type(
      screen.getByRole('searchbox', { name: 'Chercher l’adresse ou la commune' }),
      'poit',
    )
    const results = await screen.findByRole('list', { name: 'Adresses et communes trouvées' })
    await userEvent.click(within(results).getByRole('button', { name: /Poitiers/ }))
    expect(screen.getByText('46.5850, 0.3500')).toBeInTheDocument()
    expect(textbox('Commune')).toHaveValue('Poitiers')
    // …and the pin corrects it.
    await userEvent.click(screen.getByRole('button', { name: 'Faire glisser l’épingle' }))
    expect(screen.getByText('46.5802, 0.3404')).toBeInTheDocument()

    await userEvent.type(textbox('Adresse (numéro et rue)'), '12 rue Carnot')
    await userEvent.type(textbox('Code postal'), '86000')
    await userEvent.type(textbox('Téléphone'), '05 49 41 21 24')
    await userEvent.type(textbox('E-mail'), 'bonjour@miecaline.test')
    await userEvent.type(textbox('Site web (https://…)'), 'https://miecaline.test')
    await userEvent.click(screen.getByRole('checkbox', { name: 'Livraison' }))
    await userEvent.click(screen.getByRole('checkbox', { name: 'Retrait en magasin' }))
    await userEvent.type(textbox('Marche à suivre pour commander'), 'Appelez la veille avant 18 h.')
    await send()

    expect(
      await screen.findByText(
        'Votre demande a été envoyée : un curateur du territoire va la vérifier.',
      ),
    ).toHaveFocus()
    const expected: ShopDraft = {
      kind: 'artisan',
      name: 'La Mie Câline',
      categorySlug: 'alimentation',
      subcategorySlug: 'boulangerie',
      description: null,
      address: '12 rue Carnot',
      postcode: '86000',
      communeInsee: null,
      communeName: 'Poitiers',
      location: DRAGGED_TO,
      phone: '05 49 41 21 24',
      email: 'bonjour@miecaline.test',
      website: 'https://miecaline.test',
      socialLinks: [],
      openingHours: null,
      openingHoursNote: null,
      orderingInstructions: 'Appelez la veille avant 18 h.',
      services: ['click_and_collect', 'delivery'],
    }
    expect(submitShop).toHaveBeenCalledWith('grand-poitiers', expected)
    expect(useReferencingDraftStore.getState().form).toEqual(EMPTY_REFERENCING_FORM)

    const list = await screen.findByRole('list', { name: 'Mes demandes' })
    const item = await within(list).findByRole('listitem', { name: 'La Mie Câline' })
    expect(item).toHaveTextContent('En attente')

    await userEvent.click(screen.getByRole('button', { name: 'Référencer un autre commerce' }))
    expect(screen.getByRole('textbox', { name: 'Nom du commerce' })).toHaveValue('')
  })

  it('shows the server’s refusal and keeps the form as typed', async () => {
    const backend = await signedInBackend()
    backend.submitShop = vi.fn(async () => {
      throw new BackendError('invalid', PENDING_LIMIT, '23514')
    })
    renderPage(backend)
    await fillRequired('Quatrième commerce')
    await userEvent.type(textbox('Description'), 'Fromages affinés sur place.')
    await send()

    const alert = await screen.findByRole('alert')
    // The database's own words go to the console; the page words the kind of refusal.
    expect(alert).toHaveTextContent('Une valeur a été refusée')
    expect(alert).not.toHaveTextContent(PENDING_LIMIT)
    expect(alert).toHaveTextContent('Vos saisies sont conservées.')
    expect(alert).toHaveFocus()
    expect(backend.submitShop).toHaveBeenCalledTimes(1)
    expect(textbox('Nom du commerce')).toHaveValue('Quatrième commerce')
    expect(textbox('Description')).toHaveValue('Fromages affinés sur place.')
    expect(screen.getByText('46.5802, 0.3404')).toBeInTheDocument()
    expect(useReferencingDraftStore.getState().form.name).toBe('Quatrième commerce')
  })

  it('lists my requests newest first, links a published one and withdraws a pending one', async () => {
    const backend = await signedInBackend({
      submissions: [
        makeSubmission({
          id: 'old',
          name: 'Épicerie refusée',
          status: 'refused',
          refusalReason: 'Hors du territoire.',
          reviewedAt: '2026-11-10T09:00:00.000Z',
          createdAt: '2026-11-01T09:00:00.000Z',
        }),
        makeSubmission({
          id: 'new',
          name: 'Fromagerie en attente',
          createdAt: '2026-11-21T09:00:00.000Z',
        }),
        makeSubmission({
          id: 'mid',
          name: 'Librairie publiée',
          status: 'published',
          shopId: 'shop-42',
          reviewedAt: '2026-11-12T09:00:00.000Z',
          createdAt: '2026-11-11T09:00:00.000Z',
        }),
      ],
    })
    const withdraw = vi.spyOn(backend, 'withdrawSubmission')
    renderPage(backend)
    const list = await screen.findByRole('list', { name: 'Mes demandes' })
    const items = within(list).getAllByRole('listitem')
    expect(items.map((item) => within(item).getByRole('heading').textContent)).toEqual([
      'Fromagerie en attente',
      'Librairie publiée',
      'Épicerie refusée',
    ])
    expect(items[0]).toHaveTextContent('En attente')
    expect(items[0]).toHaveTextContent('Envoyée le 21 novembre 2026')
    expect(items[1]).toHaveTextContent('Publié')
    expect(within(items[1]!).getByRole('link', { name: 'Voir sur la carte' })).toHaveAttribute(
      'href',
      '/t/grand-poitiers?place=shop-42',
    )
    expect(items[2]).toHaveTextContent('Refusé')
    expect(items[2]).toHaveTextContent('Motif : Hors du territoire.')
    expect(within(items[1]!).queryByRole('button', { name: 'Retirer la demande' })).toBeNull()
    expect(within(items[2]!).queryByRole('button', { name: 'Retirer la demande' })).toBeNull()

    // Asked first; cancelling withdraws nothing.
    await userEvent.click(within(items[0]!).getByRole('button', { name: 'Retirer la demande' }))
    expect(items[0]).toHaveTextContent('Retirer la demande « Fromagerie en attente » ?')
    await userEvent.click(within(items[0]!).getByRole('button', { name: 'Annuler' }))
    expect(withdraw).not.toHaveBeenCalled()

    await userEvent.click(within(items[0]!).getByRole('button', { name: 'Retirer la demande' }))
    await userEvent.click(within(items[0]!).getByRole('button', { name: 'Oui, retirer' }))
    expect(withdraw).toHaveBeenCalledWith('new')
    await waitFor(() =>
      expect(within(list).queryByRole('listitem', { name: 'Fromagerie en attente' })).toBeNull(),
    )
    expect(within(list).getAllByRole('listitem')).toHaveLength(2)
  })

  it('shows a refused withdrawal', async () => {
    const backend = await signedInBackend({ submissions: [makeSubmission({ id: 'a' })] })
    backend.withdrawSubmission = async () => {
      throw new BackendError('forbidden', 'Cette demande a déjà été traitée.')
    }
    renderPage(backend)
    await userEvent.click(await screen.findByRole('button', { name: 'Retirer la demande' }))
    await userEvent.click(screen.getByRole('button', { name: 'Oui, retirer' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('La demande n’a pas pu être retirée')
    expect(alert).toHaveTextContent('Vous n’avez pas le droit de faire ce changement.')
  })

  it('speaks English', async () => {
    useLocaleStore.setState({ locale: 'en' })
    const backend = await signedInBackend({ submissions: [makeSubmission({ id: 'a' })] })
    renderPage(backend)
    expect(await screen.findByRole('heading', { name: 'List my shop' })).toBeInTheDocument()
    const category = await screen.findByRole('combobox', { name: 'Category' })
    expect(await within(category).findByRole('option', { name: 'Food' })).toBeInTheDocument()
    expect(screen.getByRole('radio', { name: 'Craftsperson' })).toBeInTheDocument()
    expect(screen.getByRole('checkbox', { name: 'Delivery' })).toBeInTheDocument()
    expect(screen.getByRole('region', { name: 'Map to place the shop' })).toBeInTheDocument()
    await userEvent.type(screen.getByRole('textbox', { name: 'Phone' }), 'call us')
    await userEvent.click(screen.getByRole('button', { name: 'Send my request' }))
    expect(screen.getByText('Give the shop’s name.')).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: 'Phone' })).toHaveAccessibleDescription(
      'Invalid phone number.',
    )
    const list = await screen.findByRole('list', { name: 'My requests' })
    expect(list).toHaveTextContent('Pending')
    expect(within(list).getByRole('button', { name: 'Withdraw the request' })).toBeInTheDocument()
  })
})
