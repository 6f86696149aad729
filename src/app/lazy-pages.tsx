import { Component, lazy, Suspense, type ReactNode } from 'react'
import { useT } from '@/lib/i18n'
import { loadOpeningHours } from '@/shop/opening-hours'

// Merchants', referencing and curators' code (and the map of the referencing form) is downloaded
// only by those who open these pages; shoppers never pay for it.
// These pages validate and convert opening hours as the user types or imports: they open once
// the hours library is there, so that a value is never judged without it.
const withHours = <T,>(page: Promise<T>) =>
  Promise.all([page, loadOpeningHours()]).then(([module]) => module)

export const MerchantPage = lazy(() =>
  withHours(import('@/features/merchant/components/merchant-page')).then((m) => ({
    default: m.MerchantPage,
  })),
)
export const CurationPage = lazy(() =>
  withHours(import('@/app/curation-page')).then((m) => ({
    default: m.CurationPage,
  })),
)
export const ReferencingPage = lazy(() =>
  withHours(import('@/features/referencing/components/referencing-page')).then((m) => ({
    default: m.ReferencingPage,
  })),
)

// Only for signed-in users: visitors never download merchants' code.
export const MerchantBackground = lazy(() =>
  import('@/features/merchant/components/merchant-background').then((m) => ({
    default: m.MerchantBackground,
  })),
)

function Loading() {
  const t = useT()
  return <p role="status">{t('page.loading')}</p>
}

function LoadFailed() {
  const t = useT()
  return (
    <div role="alert">
      <p>{t('page.loadError')}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {t('list.retry')}
      </button>
    </div>
  )
}

/** A page whose code could not be downloaded (offline, a redeploy) says so instead of vanishing. */
export class LazyPage extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false }

  static getDerivedStateFromError() {
    return { failed: true }
  }

  render() {
    if (this.state.failed) return <LoadFailed />
    return <Suspense fallback={<Loading />}>{this.props.children}</Suspense>
  }
}

/**
 * The signed-in user's background work, whose download may fail without taking the page down:
 * unsent taps stay queued on the device (and the merchant's page shows them as pending).
 */
export class BackgroundBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false }

  static getDerivedStateFromError() {
    return { failed: true }
  }

  render() {
    return this.state.failed ? null : <Suspense fallback={null}>{this.props.children}</Suspense>
  }
}
