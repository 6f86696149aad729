import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ImportReportLine, LonLat, ShopSubmission } from '@/backend/types'
import { CurationPage } from '@/app/curation-page'
import { createMemoryBackend } from '../fixtures/memory-backend'
import { makeShop } from '../fixtures/shops'
import { renderWithProviders } from '../test-utils'

// MapLibre needs WebGL, which jsdom lacks: the picker is replaced by a region whose buttons do
// what dragging the pin does (inside the territory, or past its edge).
const PLACED_AT: LonLat = { lon: 0.3404, lat: 46.5802 }
const PAST_THE_EDGE: LonLat = { lon: 1.5, lat: 46.5 }
vi.mock('@/map/location-picker', () => ({
  LocationPicker: ({
    label,
    onLocationChange,
  }: {
    label: string
    onLocationChange: (location: LonLat) => void
  }) => (
    <section role="region" aria-label={label}>
      <button type="button" onClick={() => onLocationChange(PLACED_AT)}>
        Faire glisser le repère
      </button>
      <button type="button" onClick={() => onLocationChange(PAST_THE_EDGE)}>
        Faire glisser hors du territoire
      </button>
    </section>
  ),
}))

function pendingSubmission(overrides: Partial<ShopSubmission> = {}): ShopSubmission {
  return {
    kind: 'commercant',
    name: 'Fromagerie du Marché',
    categorySlug: 'alimentation',
    subcategorySlug: null,
    description: null,
    address: '3 place du Marché',
    postcode: '86000',
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
    services: ['click_and_collect'],
    id: 'sub-1',
    territorySlug: 'grand-poitiers',
    submittedBy: 'merchant',
    status: 'pending',
    refusalReason: null,
    shopId: null,
    reviewedAt: null,
    createdAt: '2026-11-22T08:00:00.000000+00:00',
    updatedAt: '2026-11-22T08:00:00.000000+00:00',
    ...overrides,
  }
}

const CSV = [
  'Nom;Catégorie;Latitude;Longitude',
  'Boulangerie des Halles;Alimentation;46,5802;0,3404',
  'Sans catégorie;Inconnue;46,58;0,34',
].join('\n')

beforeEach(() => {
  // No bundled commune outlines in tests: the import checks the territory's bounds only.
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response('not found', { status: 404 })),
  )
  // jsdom has no object URLs (the template download link uses one).
  URL.createObjectURL = vi.fn(() => 'blob:template')
})
afterEach(() => {
  vi.unstubAllGlobals()
})

async function signedInCurator(options: Parameters<typeof createMemoryBackend>[0] = {}) {
  const backend = createMemoryBackend({ curates: ['grand-poitiers'], ...options })
  await backend.signIn({ kind: 'demo', email: 'curatrice@demo.vitrine.test' })
  return backend
}

describe('CurationPage', () => {
  it('asks visitors to sign in, and tells other users they curate nothing', async () => {
    const backend = createMemoryBackend({ curates: ['grand-poitiers'] })
    const { unmount } = renderWithProviders(<CurationPage />, backend)
    expect(await screen.findByText(/Connectez-vous avec un compte de curateur/)).toBeInTheDocument()
    unmount()

    const stranger = createMemoryBackend({ curates: [] })
    await stranger.signIn({ kind: 'demo', email: 'visiteur@demo.vitrine.test' })
    renderWithProviders(<CurationPage />, stranger)
    expect(await screen.findByText(/Ce compte ne gère aucun territoire/)).toBeInTheDocument()
  })

  it('publishes a pending request, which then counts among the published shops', async () => {
    const backend = await signedInCurator({ submissions: [pendingSubmission()] })
    renderWithProviders(<CurationPage />, backend)
    const queue = await screen.findByRole('list', { name: 'Demandes de référencement' })
    const card = within(queue).getByRole('listitem')
    expect(card).toHaveTextContent('Fromagerie du Marché')
    await userEvent.click(within(card).getByRole('button', { name: 'Publier' }))
    await waitFor(() => expect(screen.getByText('Aucune demande en attente.')).toBeInTheDocument())
    expect(within(queue).getByRole('listitem')).toHaveTextContent('Publiée')
    const published = await backend.listShops('grand-poitiers')
    expect(published.map((shop) => shop.name)).toEqual(['Fromagerie du Marché'])
  })

  it('refuses only with a reason, and keeps what was typed', async () => {
    const backend = await signedInCurator({ submissions: [pendingSubmission()] })
    const refuse = vi.spyOn(backend, 'refuseSubmission')
    renderWithProviders(<CurationPage />, backend)
    const card = within(
      await screen.findByRole('list', { name: 'Demandes de référencement' }),
    ).getByRole('listitem')
    await userEvent.click(within(card).getByRole('button', { name: 'Refuser' }))
    await userEvent.click(within(card).getByRole('button', { name: 'Confirmer le refus' }))
    expect(within(card).getByText('Indiquez le motif du refus.')).toBeInTheDocument()
    expect(refuse).not.toHaveBeenCalled()

    const reason = within(card).getByLabelText('Motif du refus (envoyé au commerçant)')
    await userEvent.type(reason, 'Hors du territoire')
    await userEvent.click(within(card).getByRole('button', { name: 'Confirmer le refus' }))
    await waitFor(() =>
      expect(refuse).toHaveBeenCalledWith(
        'sub-1',
        'Hors du territoire',
        pendingSubmission().updatedAt,
      ),
    )
  })

  it('checks a CSV file line by line and offers no import while a line is refused', async () => {
    const backend = await signedInCurator({
      shops: [makeShop({ territorySlug: 'grand-poitiers' })],
    })
    const importShops = vi.spyOn(backend, 'importShops')
    renderWithProviders(<CurationPage />, backend)
    const file = new File([CSV], 'questionnaire.csv', { type: 'text/csv' })
    await userEvent.upload(await screen.findByLabelText('Fichier CSV ou GeoJSON'), file)
    await userEvent.click(screen.getByRole('button', { name: 'Vérifier le fichier' }))

    const report = await screen.findByRole('table', { name: 'Rapport ligne par ligne' })
    // Line 3's unknown category is the importer's; line 2 went to the database as a dry run.
    expect(importShops).toHaveBeenCalledWith(
      'grand-poitiers',
      'import',
      [expect.objectContaining({ line: 2, name: 'Boulangerie des Halles', lat: 46.5802 })],
      true,
    )
    const rows = within(report).getAllByRole('row').slice(1)
    expect(rows.map((row) => within(row).getAllByRole('cell')[1]?.textContent)).toEqual([
      'Création',
      'Erreur',
    ])
    expect(rows[1]).toHaveTextContent(/Inconnue/)
    expect(
      screen.getByText(/1 ligne en erreur \(1 problème\) : corrigez le fichier/),
    ).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /^Importer/ })).not.toBeInTheDocument()
  })

  it('commits a clean file after its dry run, all at once', async () => {
    const answer = (dryRun: boolean): ImportReportLine[] => [
      { line: 2, action: 'create', shopId: dryRun ? null : 'new-shop', message: null },
    ]
    const backend = await signedInCurator({ importReport: answer })
    const importShops = vi.spyOn(backend, 'importShops')
    renderWithProviders(<CurationPage />, backend)
    const file = new File([CSV.split('\n').slice(0, 2).join('\n')], 'q.csv', { type: 'text/csv' })
    await userEvent.upload(await screen.findByLabelText('Fichier CSV ou GeoJSON'), file)
    await userEvent.click(screen.getByRole('button', { name: 'Vérifier le fichier' }))
    await userEvent.click(await screen.findByRole('button', { name: 'Importer 1 ligne' }))
    expect(await screen.findByText('Import terminé : 1 créé, 0 mis à jour.')).toBeInTheDocument()
    // The check, the same check again just before (nothing changed since), then the commit.
    expect(importShops.mock.calls.map((call) => call[3])).toEqual([true, true, false])
  })

  it('flags positions the import guessed and places one by dragging its pin', async () => {
    const guessed = makeShop({
      name: 'Épicerie de Mignaloux',
      communeName: 'Mignaloux-Beauvoir',
      location: { lon: 0.41, lat: 46.55 },
      locationApproximate: true,
      published: false,
    })
    const backend = await signedInCurator({ shops: [guessed, makeShop({ name: 'Exacte' })] })
    const user = userEvent.setup()
    renderWithProviders(<CurationPage />, backend)

    const row = (await screen.findByRole('rowheader', { name: /Épicerie de Mignaloux/ })).closest(
      'tr',
    )!
    expect(within(row).getByText('Approximative (commune)')).toBeInTheDocument()
    await user.click(screen.getByLabelText('Seulement les positions approximatives (1)'))
    expect(screen.queryByRole('rowheader', { name: /Exacte/ })).not.toBeInTheDocument()

    await user.click(
      within(row).getByRole('button', { name: 'Placer « Épicerie de Mignaloux » sur la carte' }),
    )
    const editor = screen.getByRole('region', { name: 'Position de « Épicerie de Mignaloux »' })
    expect(within(editor).getByText(/centre de la commune, à préciser/)).toBeInTheDocument()
    const map = await within(editor).findByRole('region', {
      name: 'Carte pour placer « Épicerie de Mignaloux »',
    })

    // Past the territory's edge: said, and nothing is sent.
    await user.click(within(map).getByRole('button', { name: 'Faire glisser hors du territoire' }))
    await user.click(within(editor).getByRole('button', { name: 'Enregistrer la position' }))
    expect(within(editor).getByRole('alert')).toHaveTextContent(
      'Le repère est hors du territoire Grand Poitiers',
    )
    expect((await backend.listShops('grand-poitiers'))[0]?.locationApproximate).toBe(true)

    await user.click(within(map).getByRole('button', { name: 'Faire glisser le repère' }))
    expect(within(editor).getByText('Latitude 46,5802, longitude 0,3404')).toBeInTheDocument()
    await user.click(within(editor).getByRole('button', { name: 'Enregistrer la position' }))

    expect(
      await screen.findByText('Position de « Épicerie de Mignaloux » enregistrée.'),
    ).toBeInTheDocument()
    const saved = (await backend.listShops('grand-poitiers')).find((s) => s.id === guessed.id)
    expect(saved).toMatchObject({ location: PLACED_AT, locationApproximate: false })
    // The list follows the backend's report: the flag is gone, and so is the filter's only row.
    await waitFor(() =>
      expect(screen.queryByText('Approximative (commune)')).not.toBeInTheDocument(),
    )
  })

  it('a move refused because another device changed the shop is said; the next one saves', async () => {
    const shop = makeShop({ name: 'Boucherie', locationApproximate: true })
    const backend = await signedInCurator({ shops: [shop] })
    const user = userEvent.setup()
    renderWithProviders(<CurationPage />, backend)
    await user.click(
      await screen.findByRole('button', { name: 'Placer « Boucherie » sur la carte' }),
    )
    const editor = screen.getByRole('region', { name: 'Position de « Boucherie »' })
    // Another device moves it first; this tab has not heard of it.
    backend.changeOnAnotherDevice(shop.id, { location: { lon: 0.35, lat: 46.59 } })
    await user.click(await within(editor).findByRole('button', { name: 'Faire glisser le repère' }))
    await user.click(within(editor).getByRole('button', { name: 'Enregistrer la position' }))
    expect(await within(editor).findByRole('alert')).toHaveTextContent(/^Modifié ailleurs/)
    // The refusal told the list to read again: the same pin now saves over the newer version.
    await user.click(within(editor).getByRole('button', { name: 'Faire glisser le repère' }))
    await user.click(within(editor).getByRole('button', { name: 'Enregistrer la position' }))
    expect(await screen.findByText('Position de « Boucherie » enregistrée.')).toBeInTheDocument()
  })
})
