import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ImportReportLine } from '@/backend/types'
import { ImportPanel } from '@/features/import-export/components/import-panel'
import { useLocaleStore } from '@/lib/locale-store'
import { createMemoryBackend } from '../../../fixtures/memory-backend'
import { grandPoitiersCatalogOutlined } from '../../../fixtures/curation/catalog'
import { renderWithProviders } from '../../../test-utils'

// The panel against a backend whose import reports are given per call: what the database would
// say is the test's to choose, the panel's behaviour is what is checked.

const catalog = grandPoitiersCatalogOutlined()

const file = (text: string) => new File([text], 'questionnaire.csv', { type: 'text/csv' })

const QUESTIONNAIRE = 'Nom;Catégorie;Adresse;Commune\nÉpicerie Test;Alimentation;1 rue X;Poitiers\n'

beforeEach(() => {
  URL.createObjectURL = vi.fn(() => 'blob:report')
})

async function check(reports: ImportReportLine[][], text = QUESTIONNAIRE) {
  const answers = [...reports]
  const backend = createMemoryBackend({
    importReport: () => answers.shift() ?? reports.at(-1)!,
  })
  const importShops = vi.spyOn(backend, 'importShops')
  renderWithProviders(<ImportPanel catalog={catalog} />, backend)
  await userEvent.upload(screen.getByLabelText('Fichier CSV ou GeoJSON'), file(text))
  await userEvent.click(screen.getByRole('button', { name: 'Vérifier le fichier' }))
  await screen.findByRole('table', { name: 'Rapport ligne par ligne' })
  return { importShops }
}

const create: ImportReportLine = { line: 2, action: 'create', shopId: null, message: null }
const unchanged: ImportReportLine = { line: 2, action: 'unchanged', shopId: 's', message: null }

describe('ImportPanel', () => {
  it('refuses to commit when the territory changed since the check, and shows the new report', async () => {
    const updated: ImportReportLine = {
      line: 2,
      action: 'update',
      shopId: 's',
      message: 'Modifié : nom',
    }
    const { importShops } = await check([[create], [updated]])
    await userEvent.click(screen.getByRole('button', { name: 'Importer 1 ligne' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Le territoire a changé depuis la vérification : rien n’a été importé.',
    )
    // Two dry runs, no commit.
    expect(importShops.mock.calls.map((call) => call[3])).toEqual([true, true])
    expect(screen.getByRole('cell', { name: 'Modifié : nom' })).toBeInTheDocument()
  })

  it('commits when nothing changed since the check', async () => {
    const { importShops } = await check([[create], [create], [create]])
    await userEvent.click(screen.getByRole('button', { name: 'Importer 1 ligne' }))
    expect(await screen.findByText('Import terminé : 1 créé, 0 mis à jour.')).toBeInTheDocument()
    expect(importShops.mock.calls.map((call) => call[3])).toEqual([true, true, false])
  })

  it('offers no import when nothing would change, and says why', async () => {
    await check([[unchanged]])
    const button = screen.getByRole('button', { name: 'Importer 0 ligne' })
    expect(button).toBeDisabled()
    expect(button).toHaveAccessibleDescription(
      'Rien à importer : aucune ligne à créer ni à mettre à jour.',
    )
  })

  it('places rows without coordinates offline and says how', async () => {
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    await check([[create]])
    online.mockRestore()
    expect(
      screen.getByText(/^Hors ligne : les commerces sans coordonnées sont placés au centre/),
    ).toBeInTheDocument()
    expect(
      screen.getByRole('cell', {
        name: /^Position approximative \(commune\) : placé au centre de Poitiers/,
      }),
    ).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Télécharger le rapport (CSV)' })).toHaveAttribute(
      'download',
      'vitrine-rapport-import.csv',
    )
  })

  it('lets the curator choose what to do with a possible duplicate, and imports that choice', async () => {
    const backend = createMemoryBackend({
      importReport: (_dryRun, rows) =>
        rows.map((row) =>
          row.onDuplicate === 'create'
            ? {
                line: row.line,
                action: 'create',
                shopId: null,
                message: 'Doublon possible de « Épicerie » (laposte, 12 m) : nouvelle fiche créée',
              }
            : {
                line: row.line,
                action: 'update',
                shopId: 's1',
                message:
                  'Doublon possible de « Épicerie » (laposte, 12 m) : fiche existante mise à jour : Modifié : nom',
              },
        ),
    })
    const importShops = vi.spyOn(backend, 'importShops')
    renderWithProviders(<ImportPanel catalog={catalog} />, backend)
    await userEvent.upload(screen.getByLabelText('Fichier CSV ou GeoJSON'), file(QUESTIONNAIRE))
    await userEvent.click(screen.getByRole('button', { name: 'Vérifier le fichier' }))
    const choice = await screen.findByRole('combobox', {
      name: 'Que faire du doublon possible de la ligne 2 ?',
    })
    // Updating the place already on the map is the default.
    expect(choice).toHaveValue('update')
    await userEvent.selectOptions(choice, 'Créer une nouvelle fiche')
    expect(await screen.findByRole('cell', { name: /nouvelle fiche créée/ })).toBeInTheDocument()
    expect(screen.getByRole('combobox', { name: /ligne 2/ })).toHaveValue('create')
    await userEvent.click(screen.getByRole('button', { name: 'Importer 1 ligne' }))
    await screen.findByText('Import terminé : 1 créé, 0 mis à jour.')
    const committed = importShops.mock.calls.at(-1)!
    expect(committed[3]).toBe(false)
    expect(committed[2][0]).toMatchObject({ line: 2, onDuplicate: 'create' })
  })

  it("speaks the curator's language: the report and its download in English", async () => {
    useLocaleStore.setState({ locale: 'en' })
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    let csv = ''
    URL.createObjectURL = vi.fn((blob: Blob) => {
      void blob.text().then((text) => (csv = text))
      return 'blob:report'
    })
    const backend = createMemoryBackend({
      importReport: () => [
        {
          line: 2,
          action: 'update',
          shopId: 's1',
          message:
            'Doublon possible de « Relais poste AVANTON » (open_data) : fiche existante mise à jour : Modifié : nom, téléphone',
        },
      ],
    })
    renderWithProviders(<ImportPanel catalog={catalog} />, backend)
    await userEvent.upload(screen.getByLabelText('CSV or GeoJSON file'), file(QUESTIONNAIRE))
    await userEvent.click(screen.getByRole('button', { name: 'Check the file' }))
    await screen.findByRole('table', { name: 'Line by line report' })
    online.mockRestore()
    const duplicate = screen.getByRole('cell', {
      name: /^Possible duplicate of “Relais poste AVANTON”/,
    })
    expect(duplicate).toHaveTextContent(
      'Possible duplicate of “Relais poste AVANTON” (open_data): existing place updated: Changed: name, phone',
    )
    // The line updates a place it keeps the position of: no commune centre to fix.
    expect(screen.getByRole('cell', { name: /^Address not placed/ })).toBeInTheDocument()
    expect(screen.queryByText(/Doublon|Position approximative|Adresse non placée/)).toBeNull()
    // The choice is still offered: the panel knows a duplicate by its French words.
    expect(screen.getByRole('combobox', { name: /line 2/ })).toHaveValue('update')
    await vi.waitFor(() => expect(csv).toContain('Possible duplicate of “Relais poste AVANTON”'))
    expect(csv).not.toContain('Doublon')
  })
})
