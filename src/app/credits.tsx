import { useT } from '@/lib/i18n'

/** Credits owed to the data sources (ODbL for OpenStreetMap, Licence Ouverte for the rest). */
export function Credits() {
  const t = useT()
  return (
    <footer className="credits">
      <span className="visually-hidden">
        {t('credits.title')}
        {t('text.colon')}
      </span>
      <a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener noreferrer">
        {t('credits.osm')}
      </a>{' '}
      (ODbL) · {t('credits.open')}
    </footer>
  )
}
