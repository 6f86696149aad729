import { navigate } from 'wouter/use-browser-location'
import type { Territory } from '@/backend/types'
import { useT } from '@/lib/i18n'

/** Where a territory's map lives; the shopper's filters in the query string come along. */
export function territoryHref(slug: string, search: string): string {
  return `/t/${slug}${search}`
}

/**
 * One deployment serves several territories: a shopper who landed on the wrong one (or lives
 * between two) switches here, at the top of the panel (a rare choice: not worth a phone's header
 * room). A plain select, so the phone shows its native picker.
 */
export function TerritoryPicker({
  territories,
  current,
  onPick = (href) => navigate(href),
}: {
  territories: readonly Territory[]
  current: Territory
  /** Navigates; replaced in tests. */
  onPick?: (href: string) => void
}) {
  const t = useT()
  if (territories.length < 2) return null
  const sorted = [...territories].sort((a, b) => a.name.localeCompare(b.name, 'fr'))
  return (
    <label className="territory-picker">
      <span>{t('territory.pick')}</span>
      <select
        value={current.slug}
        onChange={(event) => onPick(territoryHref(event.target.value, window.location.search))}
      >
        {sorted.map((territory) => (
          <option key={territory.slug} value={territory.slug}>
            {territory.name}
          </option>
        ))}
      </select>
    </label>
  )
}
