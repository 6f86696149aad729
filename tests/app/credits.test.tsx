import { screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Credits } from '@/app/credits'
import { CurrentTerritoryContext } from '@/lib/routes'
import { createMemoryBackend, GRAND_POITIERS } from '../fixtures/memory-backend'
import { makeShop } from '../fixtures/shops'
import { renderWithProviders } from '../test-utils'

const NIORT = { ...GRAND_POITIERS, slug: 'niort-agglo', name: 'Niort Agglo' }
const backend = () =>
  createMemoryBackend({
    territories: [GRAND_POITIERS, NIORT],
    shops: [
      makeShop({ sourceAttribution: 'La Poste – Points de contact 2016' }),
      makeShop({ sourceAttribution: 'Grand Poitiers Open Data – Équipements publics, 2015' }),
      makeShop({ territorySlug: 'niort-agglo', sourceAttribution: '© OpenStreetMap contributors' }),
      makeShop({ territorySlug: 'niort-agglo', sourceAttribution: 'FINESS (DREES), 2026' }),
      makeShop({
        territorySlug: 'niort-agglo',
        sourceAttribution: '© OpenStreetMap contributors; FINESS (DREES), 2026',
      }),
    ],
  })

beforeEach(() => {
  // Grand Poitiers bundles its commune outlines; Niort's request gets the app's index.html.
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) =>
      url.includes('grand-poitiers')
        ? new Response(JSON.stringify({ type: 'FeatureCollection', features: [] }))
        : new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } }),
    ),
  )
})
afterEach(() => vi.unstubAllGlobals())

const render = (slug: string) =>
  renderWithProviders(
    <CurrentTerritoryContext.Provider value={slug}>
      <Credits />
    </CurrentTerritoryContext.Provider>,
    backend(),
  )

describe('Credits', () => {
  it("credits Grand Poitiers' own sources and its commune outlines", async () => {
    render('grand-poitiers')
    const footer = screen.getByRole('contentinfo')
    expect(await screen.findByText(/La Poste – Points de contact 2016/)).toBeInTheDocument()
    expect(footer).toHaveTextContent(
      '© OpenStreetMap contributors (ODbL) · La Poste – Points de contact 2016 · Grand Poitiers Open Data – Équipements publics, 2015 · IGN Admin Express, DGCL BANATIC (Licence Ouverte)',
    )
  })

  it("credits Niort's sources only: no Grand Poitiers, no outlines it does not have", async () => {
    render('niort-agglo')
    expect(await screen.findByText(/FINESS \(DREES\), 2026/)).toBeInTheDocument()
    const footer = screen.getByRole('contentinfo')
    expect(footer).toHaveTextContent('© OpenStreetMap contributors (ODbL) · FINESS (DREES), 2026')
    expect(footer).not.toHaveTextContent(/Grand Poitiers|La Poste|IGN/)
  })
})
