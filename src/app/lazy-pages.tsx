import { Component, lazy, Suspense, type ReactNode } from 'react'
import { useT } from '@/lib/i18n'

// Merchants', referencing and curators' code (and the map of the referencing form) is downloaded
// only by those who open these pages; shoppers never pay for it.
export const MerchantPage = lazy(() =>
  import('@/features/merchant/components/merchant-page').then((m) => ({ default: m.MerchantPage })),
)
export const CurationPage = lazy(() =>
  import('@/features/curation/components/curation-page').then((m) => ({ default: m.CurationPage })),
)
export const ReferencingPage = lazy(() =>
  import('@/features/curation/components/referencing-page').then((m) => ({
    default: m.ReferencingPage,
  })),
)

function Loading() {
  const t = useT()
  return <p role="status">{t('list.loading')}</p>
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
