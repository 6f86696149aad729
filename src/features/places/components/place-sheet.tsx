import { useEffect, useId, useRef, type KeyboardEvent, type SyntheticEvent } from 'react'
import { SHOP_SERVICES, type Shop } from '@/backend/types'
import { useT } from '@/lib/i18n'
import { useLocaleStore, type Locale } from '@/lib/locale-store'
import { formatDistance } from '../utils/distance'
import { placeStatusStory, type OverriddenHours, type StatusLabel } from '@/shop/shop-status'
import { formatAgo, formatUpdatedAgo } from '@/shop/relative-time'
import { directionsUrl, mailtoHref, safeHttpUrl, socialLabel, telHref } from '../utils/safe-links'
import { DISPLAY_COLOURS, DISPLAY_SYMBOLS } from '@/shop/status-style'
import { OpeningHoursTable } from '@/components/opening-hours-table'

/** A category or subcategory name, as the backend's `listCategories` gives them. */
export interface CategoryName {
  slug: string
  nameFr: string
  nameEn: string
}

export interface PlaceSheetProps {
  shop: Shop
  /** The moment the statuses and hours are evaluated at. */
  now: Date
  /** Distance from the visitor or the searched place, in kilometres; `null` hides it. */
  distanceKm?: number | null
  /** Called on Escape and on the "Fermer" button; the caller unmounts the sheet. */
  onClose: () => void
  /** Names for `shop.categorySlug` (and `subcategorySlug`); without them the slug is shown. */
  categories?: readonly CategoryName[]
}

const OSM_COPYRIGHT_URL = 'https://www.openstreetmap.org/copyright'
const OSM_CREDIT = '© OpenStreetMap contributors'

/** A scheme other than http(s) (`javascript:`, `data:`…): such values are never shown at all. */
function hasForeignScheme(value: string): boolean {
  // URL parsers skip control characters and spaces, so "java\tscript:" is still a scheme.
  const visible = [...value].filter((c) => c.charCodeAt(0) > 0x20).join('')
  return /^[a-z][a-z0-9+.-]*:/i.test(visible)
}

function humanise(slug: string): string {
  const text = slug.replace(/[-_]+/g, ' ').trim()
  return text.charAt(0).toLocaleUpperCase() + text.slice(1)
}

function localDateKey(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** "1 déc." (with the year when it is not this year's) from a `YYYY-MM-DD` date. */
function formatDay(isoDate: string, now: Date, locale: Locale): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate)
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: year === now.getFullYear() ? undefined : 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(year, month - 1, day))
}

function formatTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date)
}

/** `null` for today, else "demain", "lundi" (within a week) or "lundi 2 janv.". */
function dayPhrase(date: Date, now: Date, locale: Locale, tomorrow: string): string | null {
  const startOf = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime()
  const days = Math.round((startOf(date) - startOf(now)) / 86_400_000)
  if (days <= 0) return null
  if (days === 1) return tomorrow
  const options: Intl.DateTimeFormatOptions =
    days < 7 ? { weekday: 'long' } : { weekday: 'long', day: 'numeric', month: 'short' }
  return new Intl.DateTimeFormat(locale, options).format(date)
}

function ExternalLink({
  href,
  children,
  label,
  newTab,
}: {
  href: string
  children: string
  label?: string
  newTab: string
}) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" aria-label={label}>
      {children}
      {label ? null : <span className="visually-hidden"> {newTab}</span>}
    </a>
  )
}

/**
 * A place's details as a modal dialog. Mount it to open it and unmount it to close it: focus goes
 * to its close button, and back to the element that had it when the sheet unmounts.
 */
export function PlaceSheet({ shop, now, distanceKm = null, onClose, categories }: PlaceSheetProps) {
  const t = useT()
  const locale = useLocaleStore((s) => s.locale)
  const dialogRef = useRef<HTMLDialogElement>(null)
  const closeRef = useRef<HTMLButtonElement>(null)
  const titleId = useId()

  // Kept across StrictMode's effect replay, when focus is already inside the sheet.
  const openerRef = useRef<HTMLElement | null>(null)

  useEffect(() => {
    const dialog = dialogRef.current
    if (!openerRef.current && document.activeElement instanceof HTMLElement) {
      openerRef.current = document.activeElement
    }
    if (dialog && !dialog.open) dialog.showModal()
    closeRef.current?.focus()
    return () => {
      const opener = openerRef.current
      if (opener && opener.isConnected && opener !== document.body) opener.focus()
    }
  }, [])

  function onKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      onClose()
    }
  }
  function onCancel(event: SyntheticEvent<HTMLDialogElement>) {
    // The browser's own Escape handling would close the dialog behind React's back.
    event.preventDefault()
    onClose()
  }

  const story = placeStatusStory(shop, now)
  const status = story.marker
  const statusWords: Record<StatusLabel, string> = {
    open: t('status.open'),
    closed: t('status.closed'),
    unknown: t('status.unknown'),
    'to-confirm': t('sheet.statusToConfirm'),
    'open-by-hours': t('sheet.story.openByHours'),
    'closed-by-hours': t('sheet.story.closedByHours'),
  }
  const statusWord = statusWords[story.label]

  const nameOf = (slug: string | null) => {
    if (!slug) return null
    const found = categories?.find((c) => c.slug === slug)
    return found ? (locale === 'fr' ? found.nameFr : found.nameEn) : null
  }
  const categoryName = nameOf(shop.categorySlug) ?? humanise(shop.categorySlug)
  const subcategoryName = nameOf(shop.subcategorySlug)

  const updatedAgo = shop.statusUpdatedAt
    ? formatUpdatedAgo(shop.statusUpdatedAt, now, locale)
    : null
  const closedUntil =
    shop.status === 'closed' &&
    shop.closedUntil &&
    shop.closedUntil.slice(0, 10) >= localDateKey(now)
      ? formatDay(shop.closedUntil.slice(0, 10), now, locale)
      : null

  const { openNow, overriddenHours } = story
  const when = (date: Date) => ({
    day: dayPhrase(date, now, locale, t('sheet.tomorrow')),
    time: formatTime(date, locale),
  })
  const whenText = (date: Date) => {
    const { day, time } = when(date)
    return day ? `${day} ${time}` : time
  }
  const overriddenHoursText = (hours: OverriddenHours): string => {
    if (hours.open) {
      return hours.nextChange
        ? t('sheet.story.hoursOpenUntil')(whenText(hours.nextChange))
        : t('sheet.story.hoursOpen')
    }
    if (hours.closedDay === 'weekly') {
      const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long' }).format(now)
      return t('sheet.story.hoursClosedOn')(weekday)
    }
    return hours.closedDay === 'today'
      ? t('sheet.story.hoursClosedToday')
      : t('sheet.story.hoursClosed')
  }

  let openNowText: string | null = null
  if (overriddenHours && openNow.open !== null) {
    // The merchant's fresh word wins over the hours: say whose word it is and what the hours say.
    const ago = shop.statusUpdatedAt ? formatAgo(shop.statusUpdatedAt, now, locale) : null
    openNowText = t('sheet.story.merchantWins')(
      t(openNow.open ? 'status.open' : 'status.closed'),
      ago,
      overriddenHoursText(overriddenHours),
    )
  } else if (openNow.open) {
    // From the hours, or from the merchant's "open" when the hours agree.
    openNowText = openNow.until
      ? t('sheet.openNowUntil')(whenText(openNow.until))
      : t('sheet.openNow')
  } else if (openNow.open === false) {
    // The merchant's "until" is the end of the closing they announced, shown on its own line.
    const until = openNow.source === 'hours' ? openNow.until : null
    if (!until) {
      openNowText = t('sheet.closedNow')
    } else {
      const { day, time } = when(until)
      openNowText = day ? t('sheet.closedNowOpensOn')(day, time) : t('sheet.closedNowOpensAt')(time)
    }
  }

  const services = SHOP_SERVICES.filter((s) => shop.services.includes(s))
  const directions = directionsUrl(shop.location)
  const phoneHref = shop.phone ? telHref(shop.phone) : null
  const emailHref = shop.email ? mailtoHref(shop.email) : null
  const website = shop.website?.trim() || null
  const websiteHref = safeHttpUrl(website)
  const socials = [...new Set(shop.socialLinks.map((link) => link.trim()))].filter(
    (link) => link !== '' && (safeHttpUrl(link) !== null || !hasForeignScheme(link)),
  )
  const locality = [shop.postcode, shop.communeName].filter(Boolean).join(' ')
  const attribution = shop.sourceAttribution?.trim() || null
  const isOsm = shop.source === 'osm'
  const newTab = t('sheet.newTab')

  return (
    <dialog
      ref={dialogRef}
      className="place-sheet"
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      onCancel={onCancel}
    >
      <header className="place-sheet__header">
        <h2 id={titleId} className="place-sheet__name">
          {shop.name}
        </h2>
        <button ref={closeRef} type="button" className="place-sheet__close" onClick={onClose}>
          {t('sheet.close')}
        </button>
      </header>

      <p className="place-sheet__kind">
        {[t(`kind.${shop.kind}`), categoryName, subcategoryName].filter(Boolean).join(' · ')}
      </p>

      <div className="place-sheet__status-block">
        <p className="place-sheet__status" style={{ color: DISPLAY_COLOURS[status] }}>
          <span aria-hidden="true">{DISPLAY_SYMBOLS[status]} </span>
          {statusWord}
        </p>
        {story.display === 'to-confirm' ? (
          <p className="place-sheet__muted">{t('sheet.statusToConfirmHint')}</p>
        ) : null}
        {shop.statusMessage ? (
          <p className="place-sheet__message">
            <span className="place-sheet__label">{t('sheet.message')}</span> {shop.statusMessage}
          </p>
        ) : null}
        {updatedAgo ? <p className="place-sheet__muted">{updatedAgo}</p> : null}
        {closedUntil ? (
          <p className="place-sheet__closed-until">{t('sheet.closedUntil')(closedUntil)}</p>
        ) : null}
        {openNowText ? <p className="place-sheet__open-now">{openNowText}</p> : null}
      </div>

      <OpeningHoursTable openingHours={shop.openingHours} note={shop.openingHoursNote} now={now} />

      {services.length > 0 || shop.orderingInstructions ? (
        <section className="place-sheet__section">
          <h3>{t('sheet.services')}</h3>
          {services.length > 0 ? (
            <ul className="place-sheet__services">
              {services.map((service) => (
                <li key={service}>{t(`sheet.service.${service}`)}</li>
              ))}
            </ul>
          ) : null}
          {shop.orderingInstructions ? (
            <>
              <h4>{t('sheet.ordering')}</h4>
              <p className="place-sheet__text">{shop.orderingInstructions}</p>
            </>
          ) : null}
        </section>
      ) : null}

      <section className="place-sheet__section">
        <h3>{t('sheet.contact')}</h3>
        {shop.address || locality ? (
          <address className="place-sheet__address">
            {shop.address ? <span>{shop.address}</span> : null}
            {locality ? <span>{locality}</span> : null}
          </address>
        ) : null}
        {shop.locationApproximate ? <p className="hint">{t('sheet.approximatePosition')}</p> : null}
        <ul className="place-sheet__contacts">
          {directions ? (
            <li>
              <ExternalLink
                href={directions}
                label={`${t('sheet.directionsLabel')(shop.name)} ${newTab}`}
                newTab={newTab}
              >
                {t('sheet.directions')}
              </ExternalLink>
            </li>
          ) : null}
          {shop.phone ? (
            <li>
              <span className="place-sheet__label">{t('sheet.phone')}</span>{' '}
              {phoneHref ? <a href={phoneHref}>{shop.phone}</a> : <span>{shop.phone}</span>}
            </li>
          ) : null}
          {shop.email ? (
            <li>
              <span className="place-sheet__label">{t('sheet.email')}</span>{' '}
              {emailHref ? <a href={emailHref}>{shop.email}</a> : <span>{shop.email}</span>}
            </li>
          ) : null}
          {website && (websiteHref || !hasForeignScheme(website)) ? (
            <li>
              <span className="place-sheet__label">{t('sheet.website')}</span>{' '}
              {websiteHref ? (
                <ExternalLink href={websiteHref} newTab={newTab}>
                  {website}
                </ExternalLink>
              ) : (
                <span>{website}</span>
              )}
            </li>
          ) : null}
          {socials.length > 0 ? (
            <li>
              <span className="place-sheet__label">{t('sheet.social')}</span>{' '}
              <ul className="place-sheet__socials">
                {socials.map((link) => {
                  const href = safeHttpUrl(link)
                  return (
                    <li key={link}>
                      {href ? (
                        <ExternalLink href={href} newTab={newTab}>
                          {socialLabel(href)}
                        </ExternalLink>
                      ) : (
                        <span>{link}</span>
                      )}
                    </li>
                  )
                })}
              </ul>
            </li>
          ) : null}
        </ul>
      </section>

      {shop.description ? (
        <section className="place-sheet__section">
          <h3>{t('sheet.description')}</h3>
          <p className="place-sheet__text">{shop.description}</p>
        </section>
      ) : null}

      {distanceKm != null && Number.isFinite(distanceKm) ? (
        <p className="place-sheet__distance">
          {t('sheet.distance')(formatDistance(distanceKm, locale))}
        </p>
      ) : null}

      {attribution || isOsm ? (
        <footer className="place-sheet__credits">
          <span className="place-sheet__label">{t('sheet.source')}</span>{' '}
          {attribution && !(isOsm && attribution === OSM_CREDIT) ? (
            <span>{attribution}</span>
          ) : null}
          {attribution && isOsm && attribution !== OSM_CREDIT ? ' · ' : null}
          {isOsm ? (
            <ExternalLink href={OSM_COPYRIGHT_URL} newTab={newTab}>
              {OSM_CREDIT}
            </ExternalLink>
          ) : null}
        </footer>
      ) : null}
    </dialog>
  )
}
