import { useEffect } from 'react'
import type { Shop } from '@/backend/types'
import { useT } from '@/lib/i18n'
import { useLocaleStore } from '@/lib/locale-store'
import { formatDistance } from '../utils/distance'
import type { StatusLabel } from '@/shop/shop-status'
import type { DisplayStatus } from '@/shop/shop-status'
import { DISPLAY_COLOURS, DISPLAY_SYMBOLS } from '@/shop/status-style'

export interface PlaceListItem {
  shop: Shop
  distanceKm: number | null
  /** The marker's shape and colour, as on the map. */
  display: DisplayStatus
  /**
   * The status in words (see `statusLabel`, so that the list and the sheet tell one story);
   * without it, the words of `display`.
   */
  label?: StatusLabel
}

interface PlaceListProps {
  items: readonly PlaceListItem[]
  selectedId?: string | null
  onSelect?: (placeId: string) => void
  /** Shown instead of the list when nothing matches. */
  empty?: React.ReactNode
}

/** The matching places as an accessible list, with a live count. */
export function PlaceList({ items, selectedId = null, onSelect, empty }: PlaceListProps) {
  const t = useT()
  const locale = useLocaleStore((s) => s.locale)

  useEffect(() => {
    if (
      items.length > 0 &&
      performance.getEntriesByName('vitrine:first-places-listed').length === 0
    ) {
      performance.mark('vitrine:first-places-listed')
    }
  }, [items])

  return (
    <>
      <p role="status" className="place-list__count">
        {t('list.count')(items.length)}
      </p>
      {items.length === 0 ? (
        (empty ?? <p className="place-list__empty">{t('list.empty')}</p>)
      ) : (
        <ul className="place-list" aria-label={t('list.label')}>
          {items.map(({ shop, distanceKm, display, label = display }) => (
            <li
              key={shop.id}
              className="place-list__item"
              aria-current={shop.id === selectedId ? 'true' : undefined}
            >
              <button
                type="button"
                className="place-list__button"
                onClick={() => onSelect?.(shop.id)}
              >
                <span className="place-list__name">{shop.name}</span>
                <span className="place-list__meta">
                  {t(`kind.${shop.kind}`)}
                  {shop.communeName ? ` · ${shop.communeName}` : ''}
                  {distanceKm !== null ? ` · ${formatDistance(distanceKm, locale)}` : ''}
                </span>
                {shop.services.length > 0 ? (
                  <span className="place-list__services">
                    {shop.services.map((s) => t(`sheet.service.${s}`)).join(' · ')}
                  </span>
                ) : null}
                <span className="place-list__status" style={{ color: DISPLAY_COLOURS[display] }}>
                  <span aria-hidden="true">{DISPLAY_SYMBOLS[display]} </span>
                  {t(`display.${label}`)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
