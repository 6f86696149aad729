import { useEffect } from 'react'
import { useBackend } from '@/backend/backend-context'
import { useT } from '@/lib/i18n'
import { useLocaleStore } from '@/lib/locale-store'
import { env } from '@/lib/env'
import { useTerritories } from '@/features/places/api/get-territories'
import { PlacesPage } from '@/features/places/components/places-page'
import { AccountMenu } from '@/features/account/components/account-menu'
import { SignInOptions } from '@/features/account/components/sign-in-options'
import { Credits } from './credits'
import {
  BackgroundBoundary,
  CurationPage,
  LazyPage,
  MerchantBackground,
  MerchantPage,
  ReferencingPage,
} from './lazy-pages'
import { territorySlugFromPath, pageFromPath } from './territory-route'
import { MERCHANT_PATH } from '@/lib/routes'
import { useSessionUser } from '@/features/account/api/get-session-user'

export function App() {
  const t = useT()
  const backend = useBackend()
  const { locale, localeChosen } = useLocaleStore()
  const territories = useTerritories()
  const slug = territorySlugFromPath(window.location.pathname, env.defaultTerritory)
  const page = pageFromPath(window.location.pathname)
  const merchant = page === 'merchant'
  const session = useSessionUser()
  const territory = territories.data?.find((candidate) => candidate.slug === slug) ?? null

  useEffect(() => {
    document.documentElement.lang = locale
  }, [locale])

  useEffect(() => {
    if (territory) document.title = `Vitrine · ${territory.name}`
  }, [territory])

  // For a commune's website (`<iframe src="/t/<slug>/embed?…">`): the map and list, filters
  // preset from the URL as on the full page, and the credits the data's licence requires.
  if (page === 'embed') {
    return (
      <div className="app app--embed">
        <main className="app-main">
          {territory ? (
            <PlacesPage territory={territory} />
          ) : (
            <p role="status">{t('list.loading')}</p>
          )}
        </main>
        <Credits />
      </div>
    )
  }

  return (
    <div className="app">
      <header className="app-header">
        <div className="app-header__title">
          <h1>
            Vitrine
            {territory ? (
              <span className="app-header__territory">
                <span className="app-header__separator"> · </span>
                {territory.name}
              </span>
            ) : null}
          </h1>
          <p className="app-header__tagline">{t('app.tagline')}</p>
        </div>
        <nav className="app-header__actions" aria-label="Compte et langue">
          <a className="nav-link" href={merchant ? '/' : MERCHANT_PATH}>
            {merchant ? t('nav.map') : t('nav.merchant')}
          </a>
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
      {/* A merchant's unsent taps go out, and invitations bind, whichever page is open. */}
      {session.data ? (
        <BackgroundBoundary>
          <MerchantBackground />
        </BackgroundBoundary>
      ) : null}
      <main className="app-main">
        {territories.isError ? (
          <div role="alert">
            <p>{t('list.error')}</p>
            <button type="button" onClick={() => void territories.refetch()}>
              {t('list.retry')}
            </button>
          </div>
        ) : territory ? (
          merchant ? (
            <LazyPage>
              <MerchantPage signIn={<SignInOptions />} />
            </LazyPage>
          ) : page === 'curation' ? (
            <LazyPage>
              <CurationPage />
            </LazyPage>
          ) : page === 'referencing' ? (
            <LazyPage>
              <ReferencingPage territory={territory} />
            </LazyPage>
          ) : (
            <PlacesPage territory={territory} territories={territories.data ?? []} />
          )
        ) : territories.isPending ? (
          <p role="status">{t('list.loading')}</p>
        ) : (
          <p role="alert">Territoire inconnu : « {slug} ».</p>
        )}
      </main>
      <Credits />
    </div>
  )
}
