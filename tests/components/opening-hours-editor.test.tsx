import { fireEvent, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useLocaleStore } from '@/lib/locale-store'
import { renderHoursEditor } from '../features/merchant/components/render-hours-editor'

const HOURS = 'Mo-Fr 09:00-12:30,14:00-19:00; Sa 09:00-12:00; PH off'

const setup = renderHoursEditor

/** Sets a time input the way a browser does once a full time is entered. */
function setTime(label: string, time: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value: time } })
}

function lastCall(onChange: ReturnType<typeof setup>['onChange']) {
  return onChange.mock.calls[onChange.mock.calls.length - 1]
}

describe('OpeningHoursEditor', () => {
  it('shows the value as one row per day', () => {
    setup(HOURS)
    expect(screen.getByLabelText('Lundi, ouverture 1')).toHaveValue('09:00')
    expect(screen.getByLabelText('Lundi, fermeture 2')).toHaveValue('19:00')
    expect(screen.getByLabelText('Samedi, fermeture 1')).toHaveValue('12:00')
    const sunday = screen.getByRole('group', { name: 'Dimanche' })
    expect(within(sunday).getByRole('checkbox', { name: 'Fermé' })).toBeChecked()
    expect(within(sunday).queryByLabelText(/ouverture/)).not.toBeInTheDocument()
    expect(screen.getByRole('combobox', { name: 'Jours fériés' })).toHaveValue('closed')
    expect(screen.getByRole('table', { name: 'Horaires de la semaine' })).toBeInTheDocument()
  })

  it('writes the new value when Monday’s hours change', async () => {
    const { onChange, user } = setup(HOURS)
    setTime('Lundi, fermeture 2', '18:00')
    expect(lastCall(onChange)).toEqual([
      'Mo 09:00-12:30,14:00-18:00; Tu-Fr 09:00-12:30,14:00-19:00; Sa 09:00-12:00; PH off',
      true,
    ])
    await user.click(screen.getByRole('button', { name: 'Retirer, Lundi, plage 2' }))
    expect(lastCall(onChange)).toEqual([
      'Mo 09:00-12:30; Tu-Fr 09:00-12:30,14:00-19:00; Sa 09:00-12:00; PH off',
      true,
    ])
    expect(screen.queryByLabelText('Lundi, ouverture 2')).not.toBeInTheDocument()
    const table = screen.getByRole('table', { name: 'Horaires de la semaine' })
    const monday = within(table)
      .getAllByRole('row')
      .find((r) => within(r).queryByRole('rowheader', { name: /Lundi/ }))
    expect(monday).toHaveTextContent('09:00–12:30')
    expect(monday).not.toHaveTextContent('14:00')
  })

  it('opens a closed day, adds ranges up to three and sets public holidays', async () => {
    const { onChange, user } = setup(null)
    const sunday = screen.getByRole('group', { name: 'Dimanche' })
    await user.click(within(sunday).getByRole('checkbox', { name: 'Fermé' }))
    expect(lastCall(onChange)).toEqual(['Su 09:00-18:00', true])
    setTime('Dimanche, fermeture 1', '12:00')
    await user.click(screen.getByRole('button', { name: 'Ajouter une plage, Dimanche' }))
    // The new range is empty: not valid until filled in.
    expect(lastCall(onChange)?.[1]).toBe(false)
    setTime('Dimanche, ouverture 2', '14:00')
    setTime('Dimanche, fermeture 2', '17:00')
    expect(lastCall(onChange)).toEqual(['Su 09:00-12:00,14:00-17:00', true])
    await user.click(screen.getByRole('button', { name: 'Ajouter une plage, Dimanche' }))
    expect(
      screen.queryByRole('button', { name: 'Ajouter une plage, Dimanche' }),
    ).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Retirer, Dimanche, plage 3' }))
    await user.selectOptions(screen.getByRole('combobox', { name: 'Jours fériés' }), 'closed')
    expect(lastCall(onChange)).toEqual(['Su 09:00-12:00,14:00-17:00; PH off', true])
  })

  it('explains an invalid range in French and keeps what was typed', () => {
    const { onChange } = setup(HOURS)
    setTime('Mardi, ouverture 1', '13:00')
    setTime('Mardi, fermeture 1', '13:00')
    expect(lastCall(onChange)?.[1]).toBe(false)
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent(
      'Mardi (plage 1) : l’heure de fin doit être différente de l’heure de début',
    )
    expect(within(screen.getByRole('group', { name: 'Mardi' })).getByRole('alert')).toBe(alert)
    expect(screen.getByLabelText('Mardi, fermeture 1')).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByLabelText('Mardi, ouverture 1')).not.toHaveAttribute('aria-invalid')
    expect(screen.getByLabelText('Mardi, ouverture 1')).toHaveValue('13:00')
    expect(screen.getByLabelText('Mardi, fermeture 1')).toHaveValue('13:00')
    expect(screen.getByText('Corrigez les horaires pour voir l’aperçu.')).toBeInTheDocument()

    setTime('Mardi, fermeture 1', '13:45')
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(lastCall(onChange)?.[1]).toBe(true)
  })

  it('flags overlapping ranges', () => {
    const { onChange } = setup(HOURS)
    setTime('Mercredi, fermeture 1', '15:00')
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Mercredi : les plages 1 et 2 se chevauchent',
    )
    expect(screen.getByLabelText('Mercredi, ouverture 2')).toHaveAttribute('aria-invalid', 'true')
    expect(lastCall(onChange)?.[1]).toBe(false)
  })

  it('copies Monday to the following days', async () => {
    const { onChange, user } = setup('Mo 08:00-12:00,13:00-17:00; Sa 10:00-12:00')
    await user.click(screen.getByRole('button', { name: 'Copier sur les jours suivants' }))
    expect(lastCall(onChange)).toEqual(['Mo-Su 08:00-12:00,13:00-17:00', true])
    expect(screen.getByLabelText('Samedi, ouverture 1')).toHaveValue('08:00')
    expect(screen.getByLabelText('Dimanche, fermeture 2')).toHaveValue('17:00')
    expect(screen.getByRole('status')).toHaveTextContent(
      'Les horaires du lundi ont été copiés sur les jours suivants.',
    )
    // Then close Sunday again.
    const sunday = screen.getByRole('group', { name: 'Dimanche' })
    await user.click(within(sunday).getByRole('checkbox', { name: 'Fermé' }))
    expect(lastCall(onChange)).toEqual(['Mo-Sa 08:00-12:00,13:00-17:00', true])
  })

  it('writes off when every day is closed', async () => {
    const { onChange, user } = setup('Mo 09:00-12:00')
    await user.click(
      within(screen.getByRole('group', { name: 'Lundi' })).getByRole('checkbox', { name: 'Fermé' }),
    )
    expect(lastCall(onChange)).toEqual(['off', true])
  })

  it('shows a value too complex for the form as raw text, with live validation', async () => {
    const complex = 'Nov-Apr: Mo-Fr 12:00-18:00; May-Oct: Mo-Fr 13:00-19:00'
    const { onChange, user } = setup(complex)
    expect(screen.queryByLabelText('Lundi, ouverture 1')).not.toBeInTheDocument()
    const field = screen.getByLabelText('Horaires au format OpenStreetMap')
    expect(field).toHaveValue(complex)
    expect(field).toHaveAccessibleDescription(/des saisons ou des mois/)
    expect(onChange).not.toHaveBeenCalled()

    await user.type(field, ' du lundi')
    expect(lastCall(onChange)).toEqual([`${complex} du lundi`, false])
    expect(screen.getByRole('alert')).toHaveTextContent(/^Horaires illisibles/)
    expect(field).toHaveAttribute('aria-invalid', 'true')
    expect(field).toHaveValue(`${complex} du lundi`)

    await user.clear(field)
    await user.type(field, 'Mo-Fr 10:00-18:00')
    expect(lastCall(onChange)).toEqual(['Mo-Fr 10:00-18:00', true])
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    // Now simple enough for the form.
    await user.click(screen.getByRole('button', { name: 'Passer au formulaire simple' }))
    expect(screen.getByLabelText('Vendredi, ouverture 1')).toHaveValue('10:00')
  })

  it('gives null when the raw text is emptied', async () => {
    const { onChange, user } = setup('Mo-Fr 09:00-18:00 "sur rendez-vous"')
    await user.clear(screen.getByLabelText('Horaires au format OpenStreetMap'))
    expect(lastCall(onChange)).toEqual([null, true])
  })

  it('speaks English', () => {
    useLocaleStore.setState({ locale: 'en' })
    setup(HOURS)
    expect(screen.getByLabelText('Monday, opens 1')).toHaveValue('09:00')
    expect(screen.getByRole('button', { name: 'Copy to the following days' })).toBeInTheDocument()
    expect(screen.getByRole('combobox', { name: 'Public holidays' })).toBeInTheDocument()
  })

  it('explains invalid ranges in English', () => {
    useLocaleStore.setState({ locale: 'en' })
    setup(HOURS)
    fireEvent.change(screen.getByLabelText('Tuesday, closes 1'), { target: { value: '09:00' } })
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Tuesday (range 1): the closing time must differ from the opening time',
    )
    fireEvent.change(screen.getByLabelText('Tuesday, closes 1'), { target: { value: '12:30' } })
    fireEvent.change(screen.getByLabelText('Wednesday, closes 1'), { target: { value: '15:00' } })
    expect(screen.getByRole('alert')).toHaveTextContent('Wednesday: ranges 1 and 2 overlap')
  })

  it('explains invalid raw text in English', async () => {
    useLocaleStore.setState({ locale: 'en' })
    const { user } = setup('Mo-Fr 09:00-18:00 "by appointment"')
    const raw = screen.getByLabelText(/OpenStreetMap/)
    await user.clear(raw)
    await user.type(raw, 'Mo-Fr 09:00-')
    expect(screen.getByRole('alert')).toHaveTextContent(/^Unreadable hours: /)
    expect(screen.getByRole('alert')).not.toHaveTextContent(/illisibles|après/)
  })
})
