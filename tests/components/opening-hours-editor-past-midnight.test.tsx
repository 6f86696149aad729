import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useLocaleStore } from '@/lib/locale-store'
import { renderHoursEditor } from '../features/merchant/components/render-hours-editor'

const setup = renderHoursEditor

function lastCall(onChange: ReturnType<typeof setup>['onChange']) {
  return onChange.mock.calls[onChange.mock.calls.length - 1]
}

/** Types a time the way a merchant does: clears the input, then types the digits. */
async function typeTime(user: ReturnType<typeof setup>['user'], label: string, time: string) {
  const input = screen.getByLabelText(label)
  await user.clear(input)
  await user.type(input, time)
}

function previewRow(day: RegExp) {
  const table = screen.getByRole('table', {
    name: /Horaires de la semaine|Opening hours this week/,
  })
  const row = within(table)
    .getAllByRole('row')
    .find((r) => within(r).queryByRole('rowheader', { name: day }))
  if (!row) throw new Error(`No row for ${day}`)
  return within(row).getByRole('cell')
}

describe('OpeningHoursEditor, hours past midnight', () => {
  it('accepts a Friday range until 02:00 and says it ends the next day', async () => {
    const { onChange, user } = setup('Mo-Th 09:00-18:00')
    const friday = screen.getByRole('group', { name: 'Vendredi' })
    await user.click(within(friday).getByRole('checkbox', { name: 'Fermé' }))
    await typeTime(user, 'Vendredi, ouverture 1', '18:00')
    expect(screen.queryByText(/lendemain/)).not.toBeInTheDocument()
    await typeTime(user, 'Vendredi, fermeture 1', '02:00')

    expect(screen.getByLabelText('Vendredi, fermeture 1')).toHaveValue('02:00')
    expect(lastCall(onChange)).toEqual(['Mo-Th 09:00-18:00, Fr 18:00-02:00', true])
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(within(friday).getByText('jusqu’au lendemain 02:00')).toBeInTheDocument()
    expect(screen.getByLabelText('Vendredi, fermeture 1')).toHaveAccessibleDescription(
      'jusqu’au lendemain 02:00',
    )
    expect(screen.getByLabelText('Vendredi, fermeture 1')).not.toHaveAttribute('aria-invalid')
    // The preview shows it on Friday, and nothing on Saturday.
    expect(previewRow(/Vendredi/)).toHaveTextContent('18:00–02:00 (lendemain)')
    expect(previewRow(/Samedi/)).toHaveTextContent(/^Fermé$/)
  })

  it('keeps Saturday morning apart from Friday night, and says when they meet', async () => {
    const { onChange, user } = setup('Fr 18:00-02:00')
    expect(screen.getByLabelText('Vendredi, fermeture 1')).toHaveValue('02:00')
    const saturday = screen.getByRole('group', { name: 'Samedi' })
    await user.click(within(saturday).getByRole('checkbox', { name: 'Fermé' }))
    expect(lastCall(onChange)).toEqual(['Fr 18:00-02:00, Sa 09:00-18:00', true])

    await typeTime(user, 'Samedi, ouverture 1', '01:00')
    expect(lastCall(onChange)?.[1]).toBe(false)
    const alert = within(screen.getByRole('group', { name: 'Vendredi' })).getByRole('alert')
    expect(alert).toHaveTextContent(
      'Vendredi : la plage qui passe minuit doit finir avant la première ouverture du samedi',
    )
    expect(screen.getByLabelText('Vendredi, fermeture 1')).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByLabelText('Vendredi, fermeture 1')).toHaveAccessibleDescription(
      /jusqu’au lendemain 02:00.*la plage qui passe minuit doit finir avant/,
    )
    expect(screen.getByText('Corrigez les horaires pour voir l’aperçu.')).toBeInTheDocument()

    // Touching is not enough: the library would make one opening of the two.
    await typeTime(user, 'Samedi, ouverture 1', '02:00')
    expect(screen.getByRole('alert')).toBeInTheDocument()
    expect(lastCall(onChange)?.[1]).toBe(false)

    await typeTime(user, 'Samedi, ouverture 1', '10:00')
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(lastCall(onChange)).toEqual(['Fr 18:00-02:00, Sa 10:00-18:00', true])
    expect(previewRow(/Vendredi/)).toHaveTextContent('18:00–02:00 (lendemain)')
    expect(previewRow(/Samedi/)).toHaveTextContent(/^10:00–18:00$/)
  })

  it('reads a value written up to 26:00 and writes it back with 02:00', async () => {
    const { onChange, user } = setup('Fr 18:00-26:00')
    expect(screen.getByLabelText('Vendredi, ouverture 1')).toHaveValue('18:00')
    expect(screen.getByLabelText('Vendredi, fermeture 1')).toHaveValue('02:00')
    expect(screen.getByText('jusqu’au lendemain 02:00')).toBeInTheDocument()
    await user.selectOptions(screen.getByRole('combobox', { name: 'Jours fériés' }), 'closed')
    expect(lastCall(onChange)).toEqual(['Fr 18:00-02:00; PH off', true])
  })

  it('treats midnight as the end of the day, not the next day', async () => {
    const { onChange, user } = setup('Sa 10:00-18:00')
    await typeTime(user, 'Samedi, fermeture 1', '00:00')
    expect(lastCall(onChange)).toEqual(['Sa 10:00-24:00', true])
    expect(screen.queryByText(/lendemain/)).not.toBeInTheDocument()
    expect(previewRow(/Samedi/)).toHaveTextContent(/^10:00–24:00$/)
  })

  it('leaves a value whose night the next day’s rule cuts short as raw text', () => {
    setup('Fr 18:00-02:00; Sa 10:00-12:00')
    expect(screen.queryByLabelText('Vendredi, ouverture 1')).not.toBeInTheDocument()
    const field = screen.getByLabelText('Horaires au format OpenStreetMap')
    expect(field).toHaveValue('Fr 18:00-02:00; Sa 10:00-12:00')
    expect(field).toHaveAccessibleDescription(/plage qui passe minuit mais chevauche/)
  })

  it('speaks English', async () => {
    useLocaleStore.setState({ locale: 'en' })
    const { user } = setup('Fr 18:00-02:00')
    expect(screen.getByText('until 02:00 the next day')).toBeInTheDocument()
    expect(previewRow(/Friday/)).toHaveTextContent('18:00–02:00 (next day)')
    const saturday = screen.getByRole('group', { name: 'Saturday' })
    await user.click(within(saturday).getByRole('checkbox', { name: 'Closed' }))
    await typeTime(user, 'Saturday, opens 1', '00:30')
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Friday: the range past midnight must end before Saturday’s first opening',
    )
  })
})
