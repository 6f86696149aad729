import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { TerritoryExport } from '@/features/import-export/components/territory-export'
import type { ImportCatalog } from '@/features/import-export/utils/import-catalog'
import { parseCsv } from '@/lib/csv-parse'
import { createMemoryBackend } from '../../../fixtures/memory-backend'
import { makeShop } from '../../../fixtures/shops'
import { renderWithProviders } from '../../../test-utils'

const catalog: ImportCatalog = {
  territory: {
    slug: 'grand-poitiers',
    name: 'Grand Poitiers',
    centre: { lon: 0.34, lat: 46.58 },
    bounds: [0.1, 46.4, 0.6, 46.75],
  },
  categories: [{ slug: 'alimentation', nameFr: 'Alimentation', nameEn: 'Food' }],
  subcategories: [],
  communes: [],
}

const NOW = new Date('2026-12-01T10:00:00Z')
let saved: Blob[]
let downloads: string[]

beforeEach(() => {
  saved = []
  downloads = []
  URL.createObjectURL = vi.fn((blob: Blob) => {
    saved.push(blob)
    return `blob:export-${saved.length}`
  })
  URL.revokeObjectURL = vi.fn()
  // jsdom does not download: record which file the link would have saved.
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    downloads.push(this.download)
  })
})
afterEach(() => {
  vi.restoreAllMocks()
})

function renderExport() {
  const shops = [
    makeShop({ name: 'Boulangerie des Halles', phone: '+33 5 49 00 00 00' }),
    makeShop({ name: '=HYPERLINK("http://evil")', services: ['delivery'] }),
    makeShop({ name: 'Pas encore publié', published: false }),
  ]
  renderWithProviders(
    <TerritoryExport shops={shops} catalog={catalog} now={NOW} />,
    createMemoryBackend(),
  )
}

describe('TerritoryExport', () => {
  it('exports the published shops only as CSV, formulas neutralised, named after the territory', async () => {
    renderExport()
    expect(screen.getByText(/2 commerces publiés/)).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Télécharger en CSV' }))
    expect(downloads).toEqual(['vitrine-grand-poitiers-commerces-2026-12-01.csv'])
    const rows = parseCsv(await saved[0]!.text())
    const text = rows.records.map((record) => record.fields.join('|')).join('\n')
    expect(text).toContain('Boulangerie des Halles')
    expect(text).toContain(`'=HYPERLINK`)
    expect(text).not.toContain('Pas encore publié')
    expect(screen.getByRole('status')).toHaveTextContent(
      'Fichier enregistré : vitrine-grand-poitiers-commerces-2026-12-01.csv',
    )
  })

  it('exports GeoJSON with the licence and the credits', async () => {
    renderExport()
    await userEvent.click(screen.getByRole('button', { name: 'Télécharger en GeoJSON' }))
    expect(downloads).toEqual(['vitrine-grand-poitiers-commerces-2026-12-01.geojson'])
    // The open data's one shape: the public function's (tests/supabase/open-data-parity.test.ts).
    const collection = JSON.parse(await saved[0]!.text()) as {
      name: string
      license: string
      attribution: string
      features: { properties: { name: string } }[]
    }
    expect(collection.name).toBe('grand-poitiers')
    expect(collection.license).toBe('ODbL-1.0')
    expect(collection.attribution).toContain('OpenStreetMap contributors')
    // The published places only.
    expect(collection.features.map((f) => f.properties.name)).toEqual([
      'Boulangerie des Halles',
      '=HYPERLINK("http://evil")',
    ])
  })

  it('offers nothing to download when no shop is published', () => {
    renderWithProviders(
      <TerritoryExport shops={[makeShop({ published: false })]} catalog={catalog} now={NOW} />,
      createMemoryBackend(),
    )
    expect(screen.getByRole('button', { name: 'Télécharger en CSV' })).toBeDisabled()
    expect(screen.getByRole('button', { name: 'Télécharger en GeoJSON' })).toBeDisabled()
  })
})
