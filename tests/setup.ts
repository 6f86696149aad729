import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'
import { loadOpeningHours } from '@/features/places/utils/opening-hours'

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup()
  globalThis.localStorage?.clear()
  // The router reads the URL: every test starts at the root, as a new visitor would.
  globalThis.history?.replaceState(null, '', '/')
})

// jsdom has <dialog> but not its modal methods; browsers (and the e2e tests) use the real ones.
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '')
  }
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return
    this.removeAttribute('open')
    this.dispatchEvent(new Event('close'))
  }
}

// The app downloads the hours library apart and waits for it where hours are judged (see
// lazy-pages.tsx); unit tests start with it loaded, as those pages do.
await loadOpeningHours()
