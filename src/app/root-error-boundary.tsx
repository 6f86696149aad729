import { Component, type ReactNode } from 'react'
import { translate } from '@/lib/i18n'
import { useLocaleStore } from '@/lib/locale-store'

/**
 * The last net: a render error anywhere says so, in the chosen language, with a way to reload,
 * never a blank page. What went wrong goes to the console.
 */
export class RootErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false }

  static getDerivedStateFromError() {
    return { failed: true }
  }

  componentDidCatch(error: unknown) {
    console.error('[vitrine] the page failed to render', error)
  }

  render() {
    if (!this.state.failed) return this.props.children
    // Read without a hook: this class renders outside any hook's reach once it has failed.
    const t = translate(useLocaleStore.getState().locale)
    return (
      <div role="alert" className="fatal-error">
        <p>{t('app.crashed')}</p>
        <button type="button" onClick={() => window.location.reload()}>
          {t('app.reload')}
        </button>
      </div>
    )
  }
}
