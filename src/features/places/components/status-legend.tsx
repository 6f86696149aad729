import { SHOP_STATUSES } from '@/backend/types'
import { useT } from '@/lib/i18n'
import { STATUS_COLOURS, STATUS_SYMBOLS } from '../utils/status-style'

export function StatusLegend() {
  const t = useT()
  return (
    <figure className="status-legend">
      <figcaption className="visually-hidden">{t('legend.title')}</figcaption>
      <ul>
        {SHOP_STATUSES.map((status) => (
          <li key={status}>
            <span aria-hidden="true" style={{ color: STATUS_COLOURS[status] }}>
              {STATUS_SYMBOLS[status]}
            </span>{' '}
            {t(`status.${status}`)}
          </li>
        ))}
      </ul>
    </figure>
  )
}
