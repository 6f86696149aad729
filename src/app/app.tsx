import { useEffect, type ReactNode } from 'react'
import { Link, Redirect, Route, Switch, useLocation, useSearch } from 'wouter'
import type { Territory } from '@/backend/types'
import { useBackend } from '@/backend/backend-context'
import { useT } from '@/lib/i18n'
import { useLocaleStore } from '@/lib/locale-store'
import { env } from '@/lib/env'
import { lastTerritory, rememberTerritory } from '@/lib/last-territory'
import { CurrentTerritoryContext, pageFromSegment, pagePath, type AppPage } from '@/lib/routes'
import { useTerritories } from '@/shop/api/get-territories'
import { PlacesPage } from '@/features/places/components/places-page'
import { usePlacesSearch } from '@/features/places/stores/use-url-sync'
import { AccountMenu } from '@/features/account/components/account-menu'
import { SignInOptions } from '@/features/account/components/sign-in-options'
import { useSessionUser } from '@/session/get-session-user'
import { Credits } from './credits'
import {
  BackgroundBoundary,
  CurationPage,
  LazyPage,
  MerchantBackground,
  MerchantPage,
  ReferencingPage,
} from './lazy-pages'
import { RootErrorBoundary } from './root-error-boundary'
import { AppUpdates } from './app-updates'
import { redirectTarget } from './territory-route'
import './app.css'

/**
 * One route table (src/lib/routes.ts): every page under its territory. Moving between pages is
 * a client-side navigation: the document, the embedded database, the query cache and the map
 * stay; the map stays mounted (hidden) while another page of the territory is shown.
 */
export function App() {
  const locale = useLocaleStore((s) => s.locale)
  useEffect(() => {
    document.documentElement.lang = locale
  }, [locale])
  return (
    <RootErrorBoundary>
      <Switch>
        <Route path="/t/:territory/:page?">
          {(params) => <TerritoryRoute slug={params.territory} segment={params.page} />}
        </Route>
        <Route>
          <RedirectToDefault />
        </Route>
      </Switch>
    </RootErrorBoundary>
  )
}

/**
 * `/` and the earlier root paths go to the page of the territory this device last showed (else
 * the default one), filters kept.
 */
function RedirectToDefault() {
  const [location] = useLocation()
  const search = useSearch()
  return (
    <Redirect
      to={redirectTarget(
        location,
        search ? `?${search}` : '',
        lastTerritory() ?? env.defaultTerritory,
      )}
      replace
    />
  )
}

function TerritoryRoute({ slug, segment }: { slug: string; segment: string | undefined }) {
  const t = useT()
  const territories = useTerritories()
  const territory = territories.data?.find((candidate) => candidate.slug === slug) ?? null
  const page = pageFromSegment(segment)

  useEffect(() => {
    if (!territory) return
    document.title = `Vitrine · ${territory.name}`
    if (page !== 'embed') rememberTerritory(territory.slug)
  }, [territory, page])

  // For a commune's website (`<iframe src="/t/<slug>/embed?…">`): the map and list, filters
  // preset from the URL as on the full page, and the credits the data's licence requires.
  if (page === 'embed') {
    return (
      <CurrentTerritoryContext.Provider value={territory?.slug ?? null}>
        <div className="app app--embed">
          <SnapshotOnlyNote />
          <main className="app-main" id="main">
            {territory ? (
              <PlacesPage territory={territory} />
            ) : (
              <p role="status">{t('list.loading')}</p>
            )}
          </main>
          <Credits />
        </div>
      </CurrentTerritoryContext.Provider>
    )
  }

  let content: ReactNode
  if (territories.isError) {
    content = (
      <div role="alert">
        <p>{t('list.error')}</p>
        <button type="button" onClick={() => void territories.refetch()}>
          {t('list.retry')}
        </button>
      </div>
    )
  } else if (territories.isPending) {
    content = <p role="status">{t('page.loading')}</p>
  } else if (!territory || page === null) {
    content = <NotFound territories={territories.data} territoryKnown={Boolean(territory)} />
  } else {
    content = (
      <>
        {/* Kept mounted on the territory's other pages: coming back finds the map as it was. */}
        <div className="app-page" hidden={page !== 'places'}>
          <PlacesPage
            key={territory.slug}
            territory={territory}
            territories={territories.data}
            active={page === 'places'}
          />
        </div>
        {page === 'merchant' ? (
          <LazyPage>
            <MerchantPage signIn={<SignInOptions />} />
          </LazyPage>
        ) : page === 'curation' ? (
          <LazyPage>
            <CurationPage />
          </LazyPage>
        ) : page === 'referencing' ? (
          <LazyPage>
            <ReferencingPage territory={territory} signIn={<AccountMenu />} />
          </LazyPage>
        ) : null}
      </>
    )
  }

  // One tree whatever the state, so that the header (and an open dialog in it) is never
  // mounted again when the territories arrive or the page changes.
  return (
    <CurrentTerritoryContext.Provider value={territory?.slug ?? null}>
      <Frame territory={page === null ? null : territory} page={page ?? 'places'}>
        {content}
      </Frame>
    </CurrentTerritoryContext.Provider>
  )
}

/** The header, the demo banner, the signed-in user's background work and the credits. */
function Frame({
  territory,
  page,
  children,
}: {
  territory: Territory | null
  page: AppPage
  children: ReactNode
}) {
  const t = useT()
  const backend = useBackend()
  const { locale, localeChosen } = useLocaleStore()
  const session = useSessionUser()
  const mapSearch = usePlacesSearch()
  const mapHref = territory ? `${pagePath(territory.slug)}${mapSearch}` : '/'
  const title = (
    <>
      Vitrine
      {territory ? (
        <span className="app-header__territory">
          <span className="app-header__separator"> · </span>
          {territory.name}
        </span>
      ) : null}
    </>
  )
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="app-header">
        <div className="app-header__title">
          <h1>
            {territory ? (
              <Link href={mapHref} className="app-header__home">
                {title}
              </Link>
            ) : (
              title
            )}
          </h1>
          <p className="app-header__tagline">{t('app.tagline')}</p>
        </div>
        <nav className="app-header__actions" aria-label={t('nav.label')}>
          {territory ? (
            page === 'places' ? (
              <Link className="nav-link" href={pagePath(territory.slug, 'merchant')}>
                {t('nav.merchant')}
              </Link>
            ) : (
              <Link className="nav-link" href={mapHref}>
                {t('nav.map')}
              </Link>
            )
          ) : null}
          <AccountMenu />
          <button
            type="button"
            lang={locale === 'fr' ? 'en' : 'fr'}
            className="locale-switch"
            onClick={() => localeChosen(locale === 'fr' ? 'en' : 'fr')}
          >
            {locale === 'fr' ? 'EN' : 'FR'}
            <span className="visually-hidden"> – {t('locale.switch')}</span>
          </button>
        </nav>
      </header>
      {backend.mode === 'embedded' ? <p className="demo-banner">{t('backend.embedded')}</p> : null}
      <SnapshotOnlyNote />
      {/* Not in the embed: a commune's page never installs Vitrine's service worker. */}
      <AppUpdates />
      {/* A merchant's unsent taps go out, and invitations bind, whichever page is open. */}
      {session.data ? (
        <BackgroundBoundary>
          <MerchantBackground />
        </BackgroundBoundary>
      ) : null}
      <main className="app-main" id="main" tabIndex={-1}>
        {children}
      </main>
      <Credits />
    </div>
  )
}

/** In a frame the browser gives no storage: what is shown, and that nothing can be changed. */
function SnapshotOnlyNote() {
  const t = useT()
  const backend = useBackend()
  if (!backend.publishedSnapshotOnly) return null
  return (
    <p className="demo-banner" role="note">
      {t('backend.snapshotOnly')}
    </p>
  )
}

/** An unknown territory or page: say so, and offer the territories there are. */
function NotFound({
  territories,
  territoryKnown,
}: {
  territories: readonly Territory[]
  territoryKnown: boolean
}) {
  const t = useT()
  return (
    <section className="not-found" aria-labelledby="not-found-title">
      <h2 id="not-found-title">{territoryKnown ? t('notFound.page') : t('notFound.territory')}</h2>
      <p>{t('notFound.pick')}</p>
      <ul>
        {[...territories]
          .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
          .map((territory) => (
            <li key={territory.slug}>
              <Link href={pagePath(territory.slug)}>{territory.name}</Link>
            </li>
          ))}
      </ul>
    </section>
  )
}
