import { useT } from '@/lib/i18n'
import {
  CLUSTER_COLOUR,
  DISPLAY_COLOURS,
  DISPLAY_STATUSES,
  DISPLAY_SYMBOLS,
} from '@/shop/status-style'

export function StatusLegend() {
  const t = useT()
  return (
    <figure className="status-legend">
      <figcaption className="visually-hidden">{t('legend.title')}</figcaption>
      <ul>
        {DISPLAY_STATUSES.map((status) => (
          <li key={status}>
            <span
              className="status-badge"
              aria-hidden="true"
              style={{ background: DISPLAY_COLOURS[status] }}
            >
              {DISPLAY_SYMBOLS[status]}
            </span>{' '}
            {t(`display.${status}`)}
          </li>
        ))}
        <li>
          <span
            className="status-badge status-badge--cluster"
            aria-hidden="true"
            style={{ background: CLUSTER_COLOUR }}
          >
            3
          </span>{' '}
          {t('legend.cluster')}
        </li>
      </ul>
    </figure>
  )
}
