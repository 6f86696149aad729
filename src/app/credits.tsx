import { useContext } from 'react'
import { useT } from '@/lib/i18n'
import { CurrentTerritoryContext } from '@/lib/routes'
import { otherCredits, useTerritoryCredits } from '@/shop/api/get-territory-credits'

/**
 * Credits owed to the data sources: OpenStreetMap's (ODbL) always, for the basemap; then the
 * territory's own, as its places carry them (never another territory's), and the commune
 * outlines' where they are bundled.
 */
export function Credits() {
  const t = useT()
  const territorySlug = useContext(CurrentTerritoryContext)
  const others = otherCredits(useTerritoryCredits(territorySlug).credits)
  return (
    <footer className="credits">
      <span className="visually-hidden">
        {t('credits.title')}
        {t('text.colon')}
      </span>
      <a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener noreferrer">
        {t('credits.osm')}
      </a>{' '}
      (ODbL)
      {others.map((credit) => (
        <span key={credit}> · {credit}</span>
      ))}
    </footer>
  )
}
