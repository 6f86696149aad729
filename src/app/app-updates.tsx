import { useEffect } from 'react'
import { useRegisterSW } from 'virtual:pwa-register/react'
import { useT } from '@/lib/i18n'
import { filesThisVisitUsed } from '@/lib/offline-files'

/**
 * Once the service worker is in charge of the page, asks it for what this visit already loaded
 * (its runtime caches keep it), so that the app opens offline after a single visit.
 */
function keepThisVisitForOffline() {
  for (const url of filesThisVisitUsed()) {
    fetch(url).catch(() => {
      // Offline again or gone: the next visit caches it.
    })
  }
}

/**
 * Only on the visit the service worker was installed by: a page it already controlled at load
 * had every request (its workers' too) go through its caches, so nothing is asked twice.
 */
function whenInCharge(registration: ServiceWorkerRegistration | undefined) {
  if (!registration || !('serviceWorker' in navigator)) return
  if (navigator.serviceWorker.controller) return
  navigator.serviceWorker.addEventListener('controllerchange', keepThisVisitForOffline, {
    once: true,
  })
}

/**
 * Registers the service worker (src/app/pwa-config.ts) and, when a new version is waiting,
 * offers to reload: the page never changes under someone typing.
 */
export function AppUpdates() {
  const t = useT()
  const {
    needRefresh: [needRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      whenInCharge(registration)
    },
    onRegisterError(error) {
      console.warn('Service worker not registered:', error)
    },
  })

  // A long-open app (a merchant's tab on the shop's computer) hears of new versions too.
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return
    const check = () => {
      if (document.visibilityState !== 'visible' || navigator.onLine === false) return
      void navigator.serviceWorker.getRegistration().then((registration) => registration?.update())
    }
    document.addEventListener('visibilitychange', check)
    const timer = window.setInterval(check, 60 * 60 * 1000)
    return () => {
      document.removeEventListener('visibilitychange', check)
      window.clearInterval(timer)
    }
  }, [])

  if (!needRefresh) return null
  return (
    <div className="app-update" role="status">
      <span>{t('update.available')}</span>
      <button type="button" onClick={() => void updateServiceWorker(true)}>
        {t('update.reload')}
      </button>
    </div>
  )
}
