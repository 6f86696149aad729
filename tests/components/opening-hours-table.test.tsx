import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { OpeningHoursTable } from '@/components/opening-hours-table'
import { useLocaleStore } from '@/lib/locale-store'

const HOURS = 'Mo-Fr 09:00-12:30,14:00-19:00; Sa 09:00-12:00; PH off'
/** Wednesday 25 November 2026, 10:00 local time. */
const WEDNESDAY = new Date(2026, 10, 25, 10, 0)

function dayRow(name: RegExp) {
  const table = screen.getByRole('table', { name: 'Horaires de la semaine' })
  const row = within(table)
    .getAllByRole('row')
    .find((r) => within(r).queryByRole('rowheader', { name }))
  if (!row) throw new Error(`No row for ${name}`)
  return row
}

describe('OpeningHoursTable', () => {
  it('shows the week, Monday first, with its intervals and closed days', () => {
    render(<OpeningHoursTable openingHours={HOURS} note={null} now={WEDNESDAY} />)
    const table = screen.getByRole('table', { name: 'Horaires de la semaine' })
    const rowHeaders = within(table).getAllByRole('rowheader')
    expect(rowHeaders).toHaveLength(7)
    expect(rowHeaders[0]).toHaveTextContent(/^Lundi 23 nov\./)
    expect(rowHeaders[6]).toHaveTextContent(/^Dimanche 29 nov\./)
    expect(dayRow(/Lundi/)).toHaveTextContent('09:00–12:30, 14:00–19:00')
    expect(dayRow(/Samedi/)).toHaveTextContent('09:00–12:00')
    expect(within(dayRow(/Dimanche/)).getByRole('cell')).toHaveTextContent(/^Fermé$/)
  })

  it('marks today', () => {
    render(<OpeningHoursTable openingHours={HOURS} note={null} now={WEDNESDAY} />)
    const today = dayRow(/Mercredi/)
    expect(today).toHaveAttribute('aria-current', 'date')
    expect(today).toHaveTextContent('aujourd’hui')
    expect(dayRow(/Lundi/)).not.toHaveAttribute('aria-current')
    expect(
      screen.getAllByRole('row').filter((r) => r.getAttribute('aria-current') === 'date'),
    ).toHaveLength(1)
  })

  it('names the public holiday on a closed day', () => {
    // Christmas 2026 is a Friday.
    render(<OpeningHoursTable openingHours={HOURS} note={null} now={new Date(2026, 11, 23, 10)} />)
    const christmas = within(dayRow(/Vendredi/)).getByRole('cell')
    expect(christmas).toHaveTextContent('Fermé')
    expect(christmas).toHaveTextContent('Noël')
    expect(dayRow(/Jeudi/)).toHaveTextContent('09:00–12:30, 14:00–19:00')
  })

  it('shows a value it cannot read as it was given', () => {
    render(
      <OpeningHoursTable
        openingHours="du mardi au samedi, <b>sauf</b> les jours de pluie"
        note={null}
        now={WEDNESDAY}
      />,
    )
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
    expect(screen.getByText('Horaires non reconnus, tels que fournis :')).toBeInTheDocument()
    expect(
      screen.getByText('du mardi au samedi, <b>sauf</b> les jours de pluie'),
    ).toBeInTheDocument()
  })

  it('falls back to the source’s text when there are no hours', () => {
    render(
      <OpeningHoursTable
        openingHours={null}
        note="Ouvert le matin en semaine, l’après-midi sur rendez-vous."
        now={WEDNESDAY}
      />,
    )
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
    expect(
      screen.getByRole('heading', { name: 'Horaires (texte de la source)' }),
    ).toBeInTheDocument()
    expect(
      screen.getByText('Ouvert le matin en semaine, l’après-midi sur rendez-vous.'),
    ).toBeInTheDocument()
  })

  it('says when there is nothing at all', () => {
    render(<OpeningHoursTable openingHours="  " note={null} now={WEDNESDAY} />)
    expect(screen.getByText('Horaires non communiqués.')).toBeInTheDocument()
  })

  it('speaks English', () => {
    useLocaleStore.setState({ locale: 'en' })
    render(<OpeningHoursTable openingHours={HOURS} note={null} now={WEDNESDAY} />)
    const table = screen.getByRole('table', { name: 'Opening hours this week' })
    const sunday = within(table)
      .getAllByRole('row')
      .find((r) => within(r).queryByRole('rowheader', { name: /Sunday/ }))
    expect(sunday).toHaveTextContent('Closed')
    expect(within(table).getByRole('rowheader', { name: /Wednesday/ })).toHaveTextContent('today')
  })
})
