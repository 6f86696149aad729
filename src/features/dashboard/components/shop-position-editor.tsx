import { lazy, Suspense, useEffect, useRef, useState } from 'react'
import type { LonLat, Shop, Territory } from '@/backend/types'
import { useFeatureT } from '@/lib/i18n'
import { useErrorText } from '@/lib/error-messages'
import { useLocaleStore } from '@/lib/locale-store'
import { useMoveShop } from '../api/move-shop'
import { dashboardMessages } from '../i18n/dashboard-messages'

// The map comes with the editor, not with the curators' page.
const LocationPicker = lazy(() =>
  import('@/map/location-picker').then((module) => ({ default: module.LocationPicker })),
)

const inBounds = ({ lon, lat }: LonLat, [west, south, east, north]: Territory['bounds']) =>
  lon >= west && lon <= east && lat >= south && lat <= north

/**
 * One shop's pin, to put it where it is: a position the importer only guessed (the commune's
 * centre) first of all, published or not. Saved with the `updatedAt` the list showed, so that a
 * change made elsewhere meanwhile is refused and said, not overwritten.
 */
export function ShopPositionEditor({
  shop,
  territory,
  onDone,
}: {
  shop: Shop
  territory: Territory
  /** Closed: saved (with the confirmation to announce) or cancelled (null). */
  onDone: (saved: string | null) => void
}) {
  const c = useFeatureT(dashboardMessages)
  const errorText = useErrorText()
  const locale = useLocaleStore((s) => s.locale)
  const move = useMoveShop()
  const [location, setLocation] = useState<LonLat>(shop.location)
  const [problem, setProblem] = useState<string | null>(null)
  const titleRef = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    titleRef.current?.focus()
    titleRef.current?.scrollIntoView?.({ block: 'nearest' })
  }, [shop.id])

  const moved = location.lon !== shop.location.lon || location.lat !== shop.location.lat
  const number = (value: number) =>
    value.toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 5 })

  async function save() {
    setProblem(null)
    if (!inBounds(location, territory.bounds)) {
      setProblem(c('editorOutside')(territory.name))
      return
    }
    try {
      await move.mutateAsync({ shopId: shop.id, location, expectedUpdatedAt: shop.updatedAt })
      onDone(c('saved')(shop.name))
    } catch (error) {
      setProblem(errorText(error))
    }
  }

  return (
    <section className="position-editor" aria-labelledby={`position-${shop.id}`}>
      <h4 id={`position-${shop.id}`} ref={titleRef} tabIndex={-1}>
        {c('editorTitle')(shop.name)}
      </h4>
      <p>{c('editorHelp')}</p>
      {shop.locationApproximate ? <p>{c('editorWasApproximate')}</p> : null}
      <Suspense fallback={<p role="status">{c('mapLoading')}</p>}>
        <LocationPicker
          territory={territory}
          location={location}
          onLocationChange={(next) => {
            setProblem(null)
            setLocation(next)
          }}
          label={c('editorMap')(shop.name)}
          pinLabel={c('editorPin')(shop.name)}
        />
      </Suspense>
      <p className="position-editor__coordinates">
        {c('editorCoordinates')(number(location.lat), number(location.lon))}
      </p>
      {problem ? <p role="alert">{problem}</p> : null}
      <div className="position-editor__actions">
        <button
          type="button"
          className="primary"
          onClick={() => void save()}
          disabled={move.isPending || (!moved && !shop.locationApproximate)}
        >
          {move.isPending ? c('saving') : c('save')}
        </button>
        <button type="button" onClick={() => onDone(null)}>
          {c('cancel')}
        </button>
      </div>
    </section>
  )
}
