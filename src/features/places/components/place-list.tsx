import { useEffect } from 'react'
import type { Shop } from '@/backend/types'
import { useT } from '@/lib/i18n'
import { STATUS_COLOURS, STATUS_SYMBOLS } from '../utils/status-style'

/** The matching places as an accessible list, with a live count. */
export function PlaceList({ shops }: { shops: readonly Shop[] }) {
  const t = useT()

  useEffect(() => {
    if (
      shops.length > 0 &&
      performance.getEntriesByName('vitrine:first-places-listed').length === 0
    ) {
      performance.mark('vitrine:first-places-listed')
    }
  }, [shops])

  return (
    <>
      <p role="status" className="place-list__count">
        {t('list.count')(shops.length)}
      </p>
      {shops.length === 0 ? (
        <p className="place-list__empty">{t('list.empty')}</p>
      ) : (
        <ul className="place-list" aria-label={t('list.label')}>
          {shops.map((shop) => (
            <li key={shop.id} className="place-list__item">
              <span className="place-list__name">{shop.name}</span>
              <span className="place-list__meta">
                {t(`kind.${shop.kind}`)}
                {shop.communeName ? ` · ${shop.communeName}` : ''}
              </span>
              <span className="place-list__status" style={{ color: STATUS_COLOURS[shop.status] }}>
                <span aria-hidden="true">{STATUS_SYMBOLS[shop.status]} </span>
                {t(`status.${shop.status}`)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
