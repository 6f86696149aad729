import { StrictMode, useState } from 'react'
import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { Shop } from '@/backend/types'
import { PlaceSheet } from '@/features/places/components/place-sheet'
import { DISPLAY_SYMBOLS } from '@/shop/status-style'
import { useLocaleStore } from '@/lib/locale-store'
import { makeShop } from '../../../fixtures/shops'

/** Wednesday 25 November 2026, 10:00 local time. */
const NOW = new Date(2026, 10, 25, 10, 0)
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString()
const HOURS = 'Mo-Fr 09:00-12:30,14:00-19:00; Sa 09:00-12:00; PH off'

const CATEGORIES = [
  { slug: 'alimentation', nameFr: 'Alimentation', nameEn: 'Food' },
  { slug: 'boulangerie', nameFr: 'Boulangerie, pâtisserie', nameEn: 'Bakery, pastry shop' },
]

function fullShop(overrides: Partial<Shop> = {}): Shop {
  return makeShop({
    name: 'Démo — Boulangerie des Halles',
    kind: 'artisan',
    categorySlug: 'alimentation',
    subcategorySlug: 'boulangerie',
    description: 'Pains au levain, viennoiseries.',
    address: '12 rue des Halles',
    postcode: '86000',
    communeName: 'Poitiers',
    location: { lon: 0.3437, lat: 46.5826 },
    phone: '05 49 00 00 01',
    email: 'demo-1@example.org',
    website: 'https://example.org/demo-1',
    socialLinks: ['https://www.facebook.com/demo-1', 'https://www.instagram.com/demo-1'],
    openingHours: HOURS,
    orderingInstructions: 'Commandez la veille par téléphone avant 18 h.',
    services: ['in_store', 'click_and_collect', 'remote_ordering'],
    status: 'open',
    statusMessage: 'Ouvert aux horaires habituels.',
    statusUpdatedAt: hoursAgo(3),
    source: 'osm',
    sourceAttribution: '© OpenStreetMap contributors',
    ...overrides,
  })
}

function renderSheet(shop: Shop, props: { distanceKm?: number; onClose?: () => void } = {}) {
  const onClose = props.onClose ?? vi.fn()
  render(
    <PlaceSheet
      shop={shop}
      now={NOW}
      distanceKm={props.distanceKm}
      onClose={onClose}
      categories={CATEGORIES}
    />,
  )
  return { onClose, dialog: screen.getByRole('dialog') }
}

function hrefs(container: HTMLElement) {
  return within(container)
    .queryAllByRole('link')
    .map((a) => a.getAttribute('href'))
}

describe('PlaceSheet', () => {
  it('is a modal dialog named after the place', () => {
    const { dialog } = renderSheet(fullShop())
    expect(dialog).toHaveAttribute('open')
    expect(screen.getByRole('dialog', { name: 'Démo — Boulangerie des Halles' })).toBe(dialog)
    expect(
      within(dialog).getByRole('heading', { level: 2, name: 'Démo — Boulangerie des Halles' }),
    ).toBeInTheDocument()
  })

  it('shows the kind, category, status, message and freshness', () => {
    const { dialog } = renderSheet(fullShop())
    expect(dialog).toHaveTextContent('Artisan · Alimentation · Boulangerie, pâtisserie')
    expect(within(dialog).getByText(/^Ouvert$/)).toBeInTheDocument()
    expect(dialog).toHaveTextContent('Message du lieu : Ouvert aux horaires habituels.')
    expect(within(dialog).getByText(/^mis à jour il y a 3\sh$/)).toBeInTheDocument()
  })

  it('says until when it is open, and when it opens again', () => {
    const shop = fullShop({ status: 'unknown', statusMessage: null, statusUpdatedAt: null })
    const { unmount } = render(<PlaceSheet shop={shop} now={NOW} onClose={() => {}} />)
    expect(screen.getByText('Ouvert maintenant, jusqu’à 12:30')).toBeInTheDocument()
    unmount()
    const { unmount: unmountAgain } = render(
      <PlaceSheet shop={shop} now={new Date(2026, 10, 25, 13, 0)} onClose={() => {}} />,
    )
    expect(screen.getByText('Fermé maintenant, ouvre à 14:00')).toBeInTheDocument()
    unmountAgain()
    // Saturday afternoon: next opening on Monday.
    render(<PlaceSheet shop={shop} now={new Date(2026, 10, 28, 13, 0)} onClose={() => {}} />)
    expect(screen.getByText('Fermé maintenant, ouvre lundi à 09:00')).toBeInTheDocument()
  })

  it('says when the position on the map is approximate, and only then', () => {
    const approximate = renderSheet(fullShop({ locationApproximate: true })).dialog
    expect(
      within(approximate).getByText('Position sur la carte approximative : fiez-vous à l’adresse.'),
    ).toBeInTheDocument()
    cleanup()
    const exact = renderSheet(fullShop()).dialog
    expect(within(exact).queryByText(/Position sur la carte approximative/)).not.toBeInTheDocument()
  })

  it('says nothing about now without hours or a status', () => {
    renderSheet(fullShop({ status: 'unknown', openingHours: null, statusUpdatedAt: null }))
    expect(screen.queryByText(/maintenant/)).not.toBeInTheDocument()
  })

  it('says until when it is closed', () => {
    renderSheet(
      fullShop({
        status: 'closed',
        closedUntil: '2026-12-01',
        statusMessage: 'Congés annuels',
        statusUpdatedAt: hoursAgo(24 * 20),
        openingHours: null,
      }),
    )
    expect(screen.getByText(/^Fermé$/)).toBeInTheDocument()
    expect(screen.getByText('Fermé jusqu’au 1 déc.')).toBeInTheDocument()
  })

  it.each([
    ['open', hoursAgo(3), 'open', 'Ouvert'],
    ['closed', hoursAgo(3), 'closed', 'Fermé'],
    ['unknown', null, 'unknown', 'Statut inconnu'],
    ['open', hoursAgo(24 * 30), 'to-confirm', 'À confirmer'],
    ['closed', hoursAgo(24 * 30), 'to-confirm', 'À confirmer'],
  ] as const)('words the %s status updated at %s as %s', (status, updatedAt, shown, word) => {
    const { dialog } = renderSheet(
      fullShop({ status, statusUpdatedAt: updatedAt, openingHours: null, statusMessage: null }),
    )
    const statusLine = within(dialog).getByText(new RegExp(`^${word}$`))
    expect(statusLine).toHaveTextContent(`${DISPLAY_SYMBOLS[shown]} ${word}`)
  })

  it('shows the opening hours of the week', () => {
    const { dialog } = renderSheet(fullShop())
    const table = within(dialog).getByRole('table', { name: 'Horaires de la semaine' })
    const monday = within(table).getByRole('rowheader', { name: /Lundi/ }).closest('tr')!
    expect(monday).toHaveTextContent('09:00–12:30, 14:00–19:00')
    const sunday = within(table)
      .getByRole('rowheader', { name: /Dimanche/ })
      .closest('tr')!
    expect(sunday).toHaveTextContent('Fermé')
    const today = within(table)
      .getByRole('rowheader', { name: /Mercredi/ })
      .closest('tr')!
    expect(today).toHaveAttribute('aria-current', 'date')
  })

  it('lists the services in French and the ordering instructions', () => {
    const { dialog } = renderSheet(fullShop())
    const services = within(dialog).getByRole('heading', { name: 'Services' }).parentElement!
    const items = within(services)
      .getAllByRole('listitem')
      .map((li) => li.textContent)
    expect(items).toEqual([
      'Retrait en magasin',
      'Commande à distance (téléphone, site)',
      'Accueil en boutique',
    ])
    expect(within(dialog).getByRole('heading', { name: 'Marche à suivre' })).toBeInTheDocument()
    expect(
      within(dialog).getByText('Commandez la veille par téléphone avant 18 h.'),
    ).toBeInTheDocument()
  })

  it('gives the address with directions, and contact links', () => {
    const { dialog } = renderSheet(fullShop())
    expect(within(dialog).getByText('12 rue des Halles')).toBeInTheDocument()
    expect(within(dialog).getByText('86000 Poitiers')).toBeInTheDocument()
    const directions = within(dialog).getByRole('link', { name: /^Itinéraire/ })
    expect(directions).toHaveAttribute(
      'href',
      'https://www.openstreetmap.org/directions?to=46.5826,0.3437',
    )
    expect(within(dialog).getByRole('link', { name: '05 49 00 00 01' })).toHaveAttribute(
      'href',
      'tel:+33549000001',
    )
    expect(within(dialog).getByRole('link', { name: 'demo-1@example.org' })).toHaveAttribute(
      'href',
      'mailto:demo-1@example.org',
    )
    const website = within(dialog).getByRole('link', { name: /example\.org\/demo-1/ })
    expect(website).toHaveAttribute('href', 'https://example.org/demo-1')
    expect(within(dialog).getByRole('link', { name: /^Facebook/ })).toHaveAttribute(
      'href',
      'https://www.facebook.com/demo-1',
    )
    expect(within(dialog).getByRole('link', { name: /^Instagram/ })).toBeInTheDocument()
  })

  it('opens external links in a new tab without handing over the page', () => {
    const { dialog } = renderSheet(fullShop())
    const external = within(dialog)
      .getAllByRole('link')
      .filter((a) => a.getAttribute('href')?.startsWith('http'))
    expect(external.length).toBeGreaterThanOrEqual(5)
    for (const link of external) {
      expect(link).toHaveAttribute('target', '_blank')
      expect(link).toHaveAttribute('rel', 'noopener noreferrer')
    }
  })

  it('shows the description, the distance and the credits', () => {
    const { dialog } = renderSheet(fullShop(), { distanceKm: 1.234 })
    expect(within(dialog).getByText('Pains au levain, viennoiseries.')).toBeInTheDocument()
    expect(within(dialog).getByText(/^À 1,2\skm$/)).toBeInTheDocument()
    const credit = within(dialog).getByRole('link', { name: /© OpenStreetMap contributors/ })
    expect(credit).toHaveAttribute('href', 'https://www.openstreetmap.org/copyright')
    expect(within(dialog).getAllByText(/© OpenStreetMap contributors/)).toHaveLength(1)
  })

  it('credits other sources as text', () => {
    const { dialog } = renderSheet(
      fullShop({ source: 'open_data', sourceAttribution: 'Grand Poitiers Open Data' }),
    )
    expect(within(dialog).getByText('Grand Poitiers Open Data')).toBeInTheDocument()
    expect(within(dialog).queryByText(/OpenStreetMap contributors/)).not.toBeInTheDocument()
  })

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
  ])('never makes a link of the website %j', (website) => {
    const { dialog } = renderSheet(fullShop({ website, socialLinks: [website] }))
    for (const href of hrefs(dialog)) {
      expect(href?.trim().toLowerCase()).toMatch(/^(https?|tel|mailto):/)
    }
    expect(within(dialog).queryByRole('link', { name: /script|data:/i })).not.toBeInTheDocument()
    expect(within(dialog).queryByText(/alert\(/)).not.toBeInTheDocument()
  })

  it('shows a website it cannot link to as text', () => {
    const { dialog } = renderSheet(fullShop({ website: 'www.example.org', socialLinks: [] }))
    const text = within(dialog).getByText('www.example.org')
    expect(text.closest('a')).toBeNull()
    expect(within(dialog).queryByRole('link', { name: /www\.example\.org/ })).toBeNull()
  })

  it('shows a phone or email it cannot link to as text', () => {
    const { dialog } = renderSheet(fullShop({ phone: 'sur demande', email: 'pas une adresse' }))
    expect(within(dialog).getByText('sur demande').closest('a')).toBeNull()
    expect(within(dialog).getByText('pas une adresse').closest('a')).toBeNull()
    expect(hrefs(dialog).some((h) => h?.startsWith('tel:') || h?.startsWith('mailto:'))).toBe(false)
  })

  it('shows HTML in the name and the message as text', () => {
    const name = '<img src=x onerror="alert(1)">Chez <b>Léa</b>'
    const message = '<script>alert(2)</script><a href="javascript:alert(3)">promo</a>'
    const { dialog } = renderSheet(fullShop({ name, statusMessage: message }))
    expect(within(dialog).getByRole('heading', { level: 2 })).toHaveTextContent(name)
    expect(dialog).toHaveTextContent(message)
    expect(dialog.querySelector('img, script, b')).toBeNull()
    expect(within(dialog).queryByRole('link', { name: 'promo' })).toBeNull()
  })

  it('moves focus to its close button', () => {
    const { dialog } = renderSheet(fullShop())
    expect(within(dialog).getByRole('button', { name: 'Fermer' })).toHaveFocus()
  })

  it('closes on Escape and on Fermer', async () => {
    const user = userEvent.setup()
    const { onClose, dialog } = renderSheet(fullShop())
    await user.keyboard('{Escape}')
    expect(onClose).toHaveBeenCalledTimes(1)
    await user.click(within(dialog).getByRole('button', { name: 'Fermer' }))
    expect(onClose).toHaveBeenCalledTimes(2)
  })

  it('gives focus back to what opened it', async () => {
    const user = userEvent.setup()
    const shop = fullShop()
    function Page() {
      const [open, setOpen] = useState(false)
      return (
        <>
          <button type="button" onClick={() => setOpen(true)}>
            Voir la fiche
          </button>
          {open ? <PlaceSheet shop={shop} now={NOW} onClose={() => setOpen(false)} /> : null}
        </>
      )
    }
    // StrictMode replays the effects: the opener must survive the replay.
    render(
      <StrictMode>
        <Page />
      </StrictMode>,
    )
    const opener = screen.getByRole('button', { name: 'Voir la fiche' })
    await user.click(opener)
    expect(screen.getByRole('button', { name: 'Fermer' })).toHaveFocus()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(opener).toHaveFocus()
  })

  it('speaks English', () => {
    useLocaleStore.setState({ locale: 'en' })
    const { dialog } = renderSheet(fullShop(), { distanceKm: 0.35 })
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus()
    expect(dialog).toHaveTextContent('Craftsperson · Food · Bakery, pastry shop')
    expect(within(dialog).getByText(/^Open$/)).toBeInTheDocument()
    expect(within(dialog).getByText(/^updated 3 hours ago$/)).toBeInTheDocument()
    expect(
      within(dialog).getByRole('table', { name: 'Opening hours this week' }),
    ).toBeInTheDocument()
    expect(within(dialog).getByText('Click and collect')).toBeInTheDocument()
    expect(within(dialog).getByRole('heading', { name: 'How to order' })).toBeInTheDocument()
    expect(within(dialog).getByText(/^350\sm away$/)).toBeInTheDocument()
  })
})
