import { useId, useState, type FormEvent } from 'react'
import { SHOP_KINDS, SHOP_SERVICES, type Category } from '@/backend/types'
import { useT } from '@/lib/i18n'
import { useLocaleStore } from '@/lib/locale-store'
import { useLocationSearch } from '@/shop/api/search-locations'
import { usePlacesViewStore } from '../stores/places-view-store'
import { MAX_RADIUS_KM, RADIUS_PRESETS_KM } from '../utils/filters-url'
import { locateUser, GeolocationError } from '../utils/geolocate'
import type { LocationSuggestion } from '@/shop/location-search'

type LocateState =
  { kind: 'idle' } | { kind: 'locating' } | { kind: 'failed'; reason: GeolocationError['reason'] }

/** Every filter of the shopper's page. It only reads and writes the shared places view. */
export function FilterPanel({
  territorySlug,
  categories,
}: {
  territorySlug: string
  categories: Category[]
}) {
  const t = useT()
  const locale = useLocaleStore((s) => s.locale)
  const filters = usePlacesViewStore((s) => s.filters)
  const originLabel = usePlacesViewStore((s) => s.originLabel)
  const actions = usePlacesViewStore.getState()
  const [locate, setLocate] = useState<LocateState>({ kind: 'idle' })
  const [placeQuery, setPlaceQuery] = useState('')
  const search = useLocationSearch(territorySlug, placeQuery, filters.origin)
  const ids = { name: useId(), place: useId(), radius: useId(), suggestions: useId() }
  const activeExtra = filters.categories.length + filters.kinds.length

  async function aroundMe() {
    setLocate({ kind: 'locating' })
    try {
      const position = await locateUser()
      actions.originChosen(position, t('filters.aroundMe'))
      setLocate({ kind: 'idle' })
    } catch (error) {
      setLocate({
        kind: 'failed',
        reason: error instanceof GeolocationError ? error.reason : 'unavailable',
      })
    }
  }

  function choose(suggestion: LocationSuggestion) {
    actions.originChosen(suggestion.location, suggestion.label)
    setPlaceQuery('')
    setLocate({ kind: 'idle' })
  }

  function submitPlace(event: FormEvent) {
    event.preventDefault()
    const first = search.data?.suggestions[0]
    if (first) choose(first)
  }

  return (
    <div className="filter-panel">
      <label className="filter-panel__field" htmlFor={ids.name}>
        <span className="visually-hidden">{t('filters.nameLabel')}</span>
        <input
          id={ids.name}
          type="search"
          placeholder={t('filters.namePlaceholder')}
          value={filters.query}
          maxLength={100}
          onChange={(e) => actions.queryChanged(e.target.value)}
        />
      </label>

      <div className="filter-panel__location">
        {filters.origin ? (
          <p className="origin-chip">
            <span>
              {t('filters.near')} <strong>{originLabel ?? t('filters.chosenPlace')}</strong>
            </span>
            <button
              type="button"
              aria-label={t('filters.clearOrigin')}
              onClick={() => actions.originCleared()}
            >
              ✕
            </button>
          </p>
        ) : (
          <>
            <button
              type="button"
              className="primary"
              onClick={() => void aroundMe()}
              disabled={locate.kind === 'locating'}
            >
              {locate.kind === 'locating' ? t('filters.locating') : t('filters.aroundMe')}
            </button>
            <form role="search" onSubmit={submitPlace} className="filter-panel__place-search">
              <label htmlFor={ids.place} className="visually-hidden">
                {t('filters.placeLabel')}
              </label>
              <input
                id={ids.place}
                type="search"
                autoComplete="off"
                placeholder={t('filters.placePlaceholder')}
                value={placeQuery}
                maxLength={200}
                aria-describedby={ids.suggestions}
                onChange={(e) => setPlaceQuery(e.target.value)}
              />
            </form>
          </>
        )}
        {locate.kind === 'failed' ? (
          <p role="alert" className="filter-panel__error">
            {t(`filters.geolocation.${locate.reason}`)} {t('filters.geolocation.useSearch')}
          </p>
        ) : null}
        {!filters.origin && placeQuery.trim().length >= 2 ? (
          <div id={ids.suggestions}>
            {search.data?.addressSearchFailed ? (
              <p className="hint">{t('filters.addressOffline')}</p>
            ) : null}
            {search.data && search.data.suggestions.length === 0 ? (
              <p className="hint">{t('filters.noPlaceFound')}</p>
            ) : null}
            {search.data?.suggestions.length ? (
              <ul className="suggestions" aria-label={t('filters.suggestions')}>
                {search.data.suggestions.map((s) => (
                  <li key={`${s.kind}:${s.label}`}>
                    <button type="button" onClick={() => choose(s)}>
                      {s.label}
                      <small> · {t(`filters.suggestionKind.${s.kind}`)}</small>
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>

      {filters.origin ? (
        <fieldset className="filter-panel__radius">
          <legend>{t('filters.radius')}</legend>
          <div className="chips">
            {RADIUS_PRESETS_KM.map((km) => (
              <button
                key={km}
                type="button"
                aria-pressed={filters.radiusKm === km}
                onClick={() => actions.radiusChanged(km)}
              >
                {km} km
              </button>
            ))}
            <button
              type="button"
              aria-pressed={filters.radiusKm === null}
              onClick={() => actions.radiusChanged(null)}
            >
              {t('filters.anyDistance')}
            </button>
          </div>
          <label htmlFor={ids.radius} className="filter-panel__slider">
            <span>
              {t('filters.radiusSlider')} :{' '}
              {filters.radiusKm === null
                ? t('filters.anyDistance')
                : `${filters.radiusKm.toLocaleString(locale)} km`}
            </span>
            <input
              id={ids.radius}
              type="range"
              min={0.5}
              max={MAX_RADIUS_KM}
              step={0.5}
              value={filters.radiusKm ?? MAX_RADIUS_KM}
              onChange={(e) => actions.radiusChanged(Number(e.target.value))}
            />
          </label>
        </fieldset>
      ) : null}

      <fieldset className="filter-panel__services">
        <legend>{t('filters.services')}</legend>
        <div className="chips">
          <label className="chip">
            <input
              type="checkbox"
              checked={filters.openNow}
              onChange={() => actions.openNowToggled()}
            />
            {t('filters.openNow')}
          </label>
          {SHOP_SERVICES.map((service) => (
            <label key={service} className="chip">
              <input
                type="checkbox"
                checked={filters.services.includes(service)}
                onChange={() => actions.serviceToggled(service)}
              />
              {t(`sheet.service.${service}`)}
            </label>
          ))}
        </div>
      </fieldset>

      <details className="filter-panel__more">
        <summary>
          {t('filters.more')}
          {activeExtra > 0 ? ` (${activeExtra})` : ''}
        </summary>
        <fieldset>
          <legend>{t('filters.categories')}</legend>
          <div className="chips">
            {categories.map((category) => (
              <label key={category.slug} className="chip">
                <input
                  type="checkbox"
                  checked={filters.categories.includes(category.slug)}
                  onChange={() => actions.categoryToggled(category.slug)}
                />
                {locale === 'fr' ? category.nameFr : category.nameEn}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('filters.kinds')}</legend>
          <div className="chips">
            {SHOP_KINDS.map((kind) => (
              <label key={kind} className="chip">
                <input
                  type="checkbox"
                  checked={filters.kinds.includes(kind)}
                  onChange={() => actions.kindToggled(kind)}
                />
                {t(`kind.${kind}`)}
              </label>
            ))}
          </div>
        </fieldset>
      </details>
    </div>
  )
}
