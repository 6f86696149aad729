import { cleanup, render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { OpeningHoursTable } from '@/components/opening-hours-table'
import { useLocaleStore } from '@/lib/locale-store'

/** Wednesday 25 November 2026, 10:00 local time. */
const WEDNESDAY = new Date(2026, 10, 25, 10, 0)

function cell(name: RegExp) {
  const table = screen.getByRole('table', {
    name: /Horaires de la semaine|Opening hours this week/,
  })
  const row = within(table)
    .getAllByRole('row')
    .find((r) => within(r).queryByRole('rowheader', { name }))
  if (!row) throw new Error(`No row for ${name}`)
  return within(row).getByRole('cell')
}

function show(hours: string, now = WEDNESDAY) {
  render(<OpeningHoursTable openingHours={hours} note={null} now={now} />)
}

const DAYS_FR = [/Lundi/, /Mardi/, /Mercredi/, /Jeudi/, /Vendredi/, /Samedi/, /Dimanche/]

describe('OpeningHoursTable, hours past midnight', () => {
  it('shows Friday 18:00–02:00 on Friday, and Saturday closed', () => {
    show('Fr 18:00-02:00')
    expect(cell(/Vendredi/)).toHaveTextContent(/^18:00–02:00 \(lendemain\)$/)
    expect(cell(/Samedi/)).toHaveTextContent(/^Fermé$/)
    expect(screen.getByRole('table')).not.toHaveTextContent('00:00')
    expect(screen.getByRole('table')).not.toHaveTextContent('24:00')
  })

  it('reads 26:00, or the night written on Saturday, the same way', () => {
    show('Fr 18:00-26:00')
    expect(cell(/Vendredi/)).toHaveTextContent(/^18:00–02:00 \(lendemain\)$/)
    expect(cell(/Samedi/)).toHaveTextContent(/^Fermé$/)
    // The library makes one opening of the two: the table cannot tell them apart.
    cleanup()
    show('Fr 18:00-24:00; Sa 00:00-02:00')
    expect(cell(/Vendredi/)).toHaveTextContent(/^18:00–02:00 \(lendemain\)$/)
    expect(cell(/Samedi/)).toHaveTextContent(/^Fermé$/)
  })

  it('keeps the next day’s own hours, after the night', () => {
    show('Mo-Th 10:00-19:00, Fr 10:00-12:00,18:00-02:00, Sa 10:00-12:00')
    expect(cell(/Jeudi/)).toHaveTextContent(/^10:00–19:00$/)
    expect(cell(/Vendredi/)).toHaveTextContent(/^10:00–12:00, 18:00–02:00 \(lendemain\)$/)
    expect(cell(/Samedi/)).toHaveTextContent(/^10:00–12:00$/)
    expect(cell(/Dimanche/)).toHaveTextContent(/^Fermé$/)
  })

  it('shows every night of a week open past midnight on its own day', () => {
    show('Mo-Su 18:00-02:00')
    for (const day of DAYS_FR) expect(cell(day)).toHaveTextContent(/^18:00–02:00 \(lendemain\)$/)
  })

  it('gives Sunday night to Sunday, with nothing on the Monday it runs into', () => {
    show('Su 20:00-03:00')
    expect(cell(/Dimanche/)).toHaveTextContent(/^20:00–03:00 \(lendemain\)$/)
    // Also the week's first Monday, the end of the Sunday before.
    expect(cell(/Lundi/)).toHaveTextContent(/^Fermé$/)
  })

  it('does not join whole days or a day ending at midnight on its own', () => {
    show('24/7')
    for (const day of DAYS_FR) expect(cell(day)).toHaveTextContent(/^00:00–24:00$/)
  })

  it('shows a range to midnight as it is', () => {
    show('Sa 22:00-24:00')
    expect(cell(/Samedi/)).toHaveTextContent(/^22:00–24:00$/)
    expect(cell(/Dimanche/)).toHaveTextContent(/^Fermé$/)
  })

  it('shows a closed public holiday the way the library reads it', () => {
    // Tuesday 14 July 2026 is the Fête nationale. `PH off` closes that date from 00:00 to 24:00:
    // Monday's night stops at midnight, there is no Tuesday evening, but the library keeps
    // Tuesday's early hours of Wednesday, which the table shows as they are (the status badge
    // says open then too) rather than hiding an opening.
    show('Mo-Su 18:00-02:00; PH off', new Date(2026, 6, 15, 10))
    expect(cell(/Lundi/)).toHaveTextContent(/^18:00–24:00$/)
    expect(cell(/Mardi/)).toHaveTextContent(/^Fermé \(Fête Nationale/)
    expect(cell(/Mercredi/)).toHaveTextContent(/^00:00–02:00, 18:00–02:00 \(lendemain\)$/)
    expect(cell(/Jeudi/)).toHaveTextContent(/^18:00–02:00 \(lendemain\)$/)
  })

  it('speaks English', () => {
    useLocaleStore.setState({ locale: 'en' })
    show('Fr 18:00-02:00')
    expect(cell(/Friday/)).toHaveTextContent(/^18:00–02:00 \(next day\)$/)
    expect(cell(/Saturday/)).toHaveTextContent(/^Closed$/)
  })
})
