import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Shop, Territory } from '@/backend/types'
import type { PlaceFeatureCollection } from '@/features/places/utils/places-geojson'
import { PlaceList } from '@/features/places/components/place-list'
import { PlaceSheet } from '@/features/places/components/place-sheet'
import { PlacesPage } from '@/features/places/components/places-page'
import { DISPLAY_SYMBOLS } from '@/shop/status-style'
import { useLocaleStore } from '@/lib/locale-store'
import { createMemoryBackend } from '../../../fixtures/memory-backend'
import { makeShop } from '../../../fixtures/shops'
import { renderWithProviders } from '../../../test-utils'

// The hours library as the app has it before its download finished, when a test says so.
const hoursLibrary = vi.hoisted(() => ({ loaded: true }))
vi.mock('@/shop/opening-hours', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/shop/opening-hours')>()
  return {
    ...original,
    parseOpeningHoursIfLoaded: (value: string | null | undefined) =>
      hoursLibrary.loaded ? original.parseOpeningHoursIfLoaded(value) : null,
  }
})

// MapLibre needs WebGL, which jsdom lacks: the map is replaced by the markers it was given.
const mapFeatures = vi.hoisted(() => ({ current: null as PlaceFeatureCollection | null }))
vi.mock('@/features/places/map/places-map', () => ({
  PlacesMap: ({ features }: { features: PlaceFeatureCollection }) => {
    mapFeatures.current = features
    return <section role="region" aria-label="Carte" />
  },
}))

// Local times (the tests run in Europe/Paris).
/** Monday 23 November 2026, 10:00: the hours below are closed all Monday. */
const MONDAY = new Date(2026, 10, 23, 10, 0)
/** Wednesday 25 November 2026, 10:00: open by the hours below, until 12:30. */
const WEDNESDAY = new Date(2026, 10, 25, 10, 0)
/** The same Wednesday at 13:00: the lunch break. */
const LUNCH = new Date(2026, 10, 25, 13, 0)
const HOURS = 'Tu-Fr 09:00-12:30,14:00-19:00; Sa 09:00-12:00; PH off'

const hoursBefore = (now: Date, hours: number) =>
  new Date(now.getTime() - hours * 3_600_000).toISOString()

function shopWith(overrides: Partial<Shop>): Shop {
  return makeShop({ name: 'Épicerie du Marché', openingHours: HOURS, ...overrides })
}

function renderSheet(shop: Shop, now: Date) {
  const { unmount } = render(<PlaceSheet shop={shop} now={now} onClose={() => {}} />)
  return { dialog: screen.getByRole('dialog'), unmount }
}

/** Checks the status line at the top of the sheet: its words, after the marker's symbol. */
function expectStatusLine(dialog: HTMLElement, symbol: string, words: string) {
  const line = within(dialog).getByText(words, { selector: '.place-sheet__status' })
  expect(line).toHaveTextContent(`${symbol} ${words}`)
}

afterEach(() => {
  hoursLibrary.loaded = true
})

describe('PlaceSheet: the merchant’s status and the hours tell one story', () => {
  it('says whose word wins when the merchant’s “open” disagrees with the hours', () => {
    const { dialog } = renderSheet(
      shopWith({ status: 'open', statusUpdatedAt: hoursBefore(MONDAY, 2) }),
      MONDAY,
    )
    expectStatusLine(dialog, DISPLAY_SYMBOLS.open, 'Ouvert')
    expect(
      within(dialog).getByText(
        'Ouvert — indiqué par le commerçant il y a 2 h ; horaires habituels : fermé le lundi',
      ),
    ).toBeInTheDocument()
    expect(within(dialog).queryByText(/maintenant/)).not.toBeInTheDocument()
    // The table still shows the usual hours, now explained.
    const monday = within(dialog).getByRole('rowheader', { name: /Lundi/ }).closest('tr')!
    expect(monday).toHaveAttribute('aria-current', 'date')
    expect(monday).toHaveTextContent('Fermé')
  })

  it('says it in English', () => {
    useLocaleStore.setState({ locale: 'en' })
    const { dialog } = renderSheet(
      shopWith({ status: 'open', statusUpdatedAt: hoursBefore(MONDAY, 2) }),
      MONDAY,
    )
    expect(
      within(dialog).getByText(
        'Open — said by the merchant 2 hours ago; usual hours: closed on Mondays',
      ),
    ).toBeInTheDocument()
  })

  it('says what the hours say at this time when the merchant’s “open” wins over a break', () => {
    const { dialog } = renderSheet(
      shopWith({ status: 'open', statusUpdatedAt: hoursBefore(LUNCH, 3) }),
      LUNCH,
    )
    expect(
      within(dialog).getByText(
        'Ouvert — indiqué par le commerçant il y a 3 h ; horaires habituels : fermé à cette heure-ci',
      ),
    ).toBeInTheDocument()
  })

  it('says until when the hours are open when the merchant’s “closed” wins', () => {
    const shop = shopWith({ status: 'closed', statusUpdatedAt: hoursBefore(WEDNESDAY, 1) })
    const { dialog, unmount } = renderSheet(shop, WEDNESDAY)
    expectStatusLine(dialog, DISPLAY_SYMBOLS.closed, 'Fermé')
    expect(
      within(dialog).getByText(
        'Fermé — indiqué par le commerçant il y a 1 h ; horaires habituels : ouvert jusqu’à 12:30',
      ),
    ).toBeInTheDocument()
    unmount()
    useLocaleStore.setState({ locale: 'en' })
    const { dialog: english } = renderSheet(shop, WEDNESDAY)
    expect(
      within(english).getByText(
        'Closed — said by the merchant 1 hour ago; usual hours: open until 12:30',
      ),
    ).toBeInTheDocument()
  })

  it('keeps the announced closing date next to the explanation', () => {
    const { dialog } = renderSheet(
      shopWith({
        status: 'closed',
        closedUntil: '2026-12-01',
        statusUpdatedAt: hoursBefore(WEDNESDAY, 24 * 20),
      }),
      WEDNESDAY,
    )
    expect(within(dialog).getByText('Fermé jusqu’au 1 déc.')).toBeInTheDocument()
    expect(
      within(dialog).getByText(
        'Fermé — indiqué par le commerçant il y a 20 jours ; horaires habituels : ouvert jusqu’à 12:30',
      ),
    ).toBeInTheDocument()
  })

  it('gives the hours’ “until” to the merchant’s “open” when they agree, and nothing more', () => {
    const shop = shopWith({ status: 'open', statusUpdatedAt: hoursBefore(WEDNESDAY, 2) })
    const { dialog, unmount } = renderSheet(shop, WEDNESDAY)
    expectStatusLine(dialog, DISPLAY_SYMBOLS.open, 'Ouvert')
    expect(within(dialog).getByText('Ouvert maintenant, jusqu’à 12:30')).toBeInTheDocument()
    expect(within(dialog).queryByText(/indiqué par le commerçant/)).not.toBeInTheDocument()
    unmount()
    useLocaleStore.setState({ locale: 'en' })
    const { dialog: english } = renderSheet(shop, WEDNESDAY)
    expect(within(english).getByText('Open now, until 12:30')).toBeInTheDocument()
    expect(within(english).queryByText(/said by the merchant/)).not.toBeInTheDocument()
  })

  it('says nothing more when the merchant’s “closed” agrees with the hours', () => {
    const { dialog } = renderSheet(
      shopWith({ status: 'closed', statusUpdatedAt: hoursBefore(LUNCH, 1) }),
      LUNCH,
    )
    expect(within(dialog).getByText('Fermé maintenant')).toBeInTheDocument()
    expect(within(dialog).queryByText(/indiqué par le commerçant/)).not.toBeInTheDocument()
  })

  it('says when the hours decide, for a status never set', () => {
    const shop = shopWith({ status: 'unknown', statusUpdatedAt: null })
    const { dialog, unmount } = renderSheet(shop, WEDNESDAY)
    expectStatusLine(dialog, DISPLAY_SYMBOLS.open, 'Ouvert d’après les horaires habituels')
    expect(within(dialog).getByText('Ouvert maintenant, jusqu’à 12:30')).toBeInTheDocument()
    expect(within(dialog).queryByText(/Statut inconnu/)).not.toBeInTheDocument()
    unmount()
    useLocaleStore.setState({ locale: 'en' })
    const { dialog: english } = renderSheet(shop, WEDNESDAY)
    expectStatusLine(english, DISPLAY_SYMBOLS.open, 'Open according to its usual hours')
  })

  it('says when the hours decide over a stale status, which is still to be confirmed', () => {
    const shop = shopWith({ status: 'open', statusUpdatedAt: hoursBefore(LUNCH, 24 * 10) })
    const { dialog, unmount } = renderSheet(shop, LUNCH)
    expectStatusLine(dialog, DISPLAY_SYMBOLS.closed, 'Fermé d’après les horaires habituels')
    expect(
      within(dialog).getByText('Statut ancien : à confirmer auprès du lieu.'),
    ).toBeInTheDocument()
    expect(within(dialog).getByText('Fermé maintenant, ouvre à 14:00')).toBeInTheDocument()
    unmount()
    useLocaleStore.setState({ locale: 'en' })
    const { dialog: english } = renderSheet(shop, LUNCH)
    expectStatusLine(english, DISPLAY_SYMBOLS.closed, 'Closed according to its usual hours')
  })

  it('tells today’s story until the hours library has loaded', () => {
    hoursLibrary.loaded = false
    const { dialog: stale, unmount } = renderSheet(
      shopWith({ status: 'open', statusUpdatedAt: hoursBefore(MONDAY, 24 * 10) }),
      MONDAY,
    )
    expectStatusLine(stale, DISPLAY_SYMBOLS['to-confirm'], 'À confirmer')
    expect(within(stale).queryByText(/maintenant|horaires habituels/)).not.toBeInTheDocument()
    unmount()
    const { dialog: fresh } = renderSheet(
      shopWith({ status: 'open', statusUpdatedAt: hoursBefore(MONDAY, 2) }),
      MONDAY,
    )
    expectStatusLine(fresh, DISPLAY_SYMBOLS.open, 'Ouvert')
    expect(within(fresh).getByText('Ouvert maintenant')).toBeInTheDocument()
    expect(within(fresh).queryByText(/indiqué par le commerçant/)).not.toBeInTheDocument()
  })
})

describe('PlaceList: the hours’ verdict in words', () => {
  const items = () => [
    {
      shop: makeShop({ name: 'Ouvert par ses horaires' }),
      distanceKm: null,
      display: 'open' as const,
      label: 'open-by-hours' as const,
    },
    {
      shop: makeShop({ name: 'Fermé par ses horaires' }),
      distanceKm: null,
      display: 'closed' as const,
      label: 'closed-by-hours' as const,
    },
    {
      shop: makeShop({ name: 'Sans rien' }),
      distanceKm: null,
      display: 'unknown' as const,
      label: 'unknown' as const,
    },
  ]

  it('in French and in English', () => {
    const { unmount } = render(<PlaceList items={items()} />)
    const rows = within(screen.getByRole('list', { name: 'Résultats' })).getAllByRole('listitem')
    expect(rows[0]).toHaveTextContent(`${DISPLAY_SYMBOLS.open} Ouvert (d’après les horaires)`)
    expect(rows[1]).toHaveTextContent(`${DISPLAY_SYMBOLS.closed} Fermé (d’après les horaires)`)
    expect(rows[2]).toHaveTextContent(`${DISPLAY_SYMBOLS.unknown} Statut inconnu`)
    unmount()
    useLocaleStore.setState({ locale: 'en' })
    render(<PlaceList items={items()} />)
    const english = within(screen.getByRole('list', { name: 'Results' })).getAllByRole('listitem')
    expect(english[0]).toHaveTextContent('Open (from its hours)')
    expect(english[1]).toHaveTextContent('Closed (from its hours)')
    expect(english[2]).toHaveTextContent('Status unknown')
  })
})

describe('PlacesPage: the list, the markers and the sheet agree', () => {
  const territory: Territory = {
    slug: 'grand-poitiers',
    name: 'Grand Poitiers',
    centre: { lon: 0.34, lat: 46.58 },
    bounds: [0.1, 46.4, 0.6, 46.75],
  }

  beforeEach(() => {
    // Only the clock is fixed: the page's data still arrives through real timers.
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(WEDNESDAY)
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('shows a place open by its hours as such, and keeps "open now" as it was', async () => {
    const shops = [
      makeShop({ name: 'A — Ouvert selon ses horaires', openingHours: HOURS }),
      makeShop({
        name: 'B — Fermé par le commerçant',
        openingHours: HOURS,
        status: 'closed',
        statusUpdatedAt: hoursBefore(WEDNESDAY, 1),
      }),
      makeShop({
        name: 'C — À confirmer, fermé selon ses horaires',
        openingHours: 'Mo-Sa 14:00-19:00',
        status: 'open',
        statusUpdatedAt: hoursBefore(WEDNESDAY, 24 * 10),
      }),
      makeShop({ name: 'D — Rien de connu' }),
    ]
    const user = userEvent.setup()
    renderWithProviders(<PlacesPage territory={territory} />, createMemoryBackend({ shops }))
    const results = await screen.findByRole('list', { name: 'Résultats' })
    const rows = within(results).getAllByRole('listitem')
    expect(rows.map((row) => row.querySelector('.place-list__status')?.textContent)).toEqual([
      `${DISPLAY_SYMBOLS.open} Ouvert (d’après les horaires)`,
      `${DISPLAY_SYMBOLS.closed} Fermé`,
      `${DISPLAY_SYMBOLS.closed} Fermé (d’après les horaires)`,
      `${DISPLAY_SYMBOLS.unknown} Statut inconnu`,
    ])
    await screen.findByRole('region', { name: 'Carte' })
    expect(mapFeatures.current?.features.map((f) => f.properties.display)).toEqual([
      'open',
      'closed',
      'closed',
      'unknown',
    ])

    await user.click(within(rows[0]!).getByRole('button'))
    const dialog = await screen.findByRole('dialog')
    expectStatusLine(dialog, DISPLAY_SYMBOLS.open, 'Ouvert d’après les horaires habituels')
    await user.click(within(dialog).getByRole('button', { name: 'Fermer' }))

    await user.click(screen.getByRole('checkbox', { name: 'Ouvert maintenant' }))
    expect(
      within(screen.getByRole('list', { name: 'Résultats' }))
        .getAllByRole('listitem')
        .map((row) => row.querySelector('.place-list__name')?.textContent),
    ).toEqual(['A — Ouvert selon ses horaires'])
  })
})
