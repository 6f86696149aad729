import { useEffect, useRef } from 'react'
import { pageFromPath } from '@/lib/routes'
import { parsePlacesView, serializePlacesView } from '../utils/filters-url'
import { usePlacesViewStore } from './places-view-store'

/** Whether a path shows the places view (the map, or the embedded map), whose URL holds it. */
function isPlacesPath(pathname: string): boolean {
  const page = pathname.startsWith('/t/') ? pageFromPath(pathname) : null
  return page === 'places' || page === 'embed'
}

/**
 * Keeps the places view and the URL in step while the places page is the one shown (`active`):
 * the URL is read on load and on back/forward; every change writes it, unknown values dropped.
 * A run of typing in the search box is one history entry (its first keystroke adds it, the
 * next ones replace it), so that "back" undoes one step: the typing, then the filter before.
 * The view is kept while another page of the territory is shown.
 */
// A change that corrects the URL (an unknown category dropped) replaces its entry.
let replaceNextWrite = false

/** Drops the filter's categories the territory does not have, from the view and its URL. */
export function knownCategoriesLoaded(known: readonly string[]) {
  const before = usePlacesViewStore.getState().filters.categories
  if (before.every((category) => known.includes(category))) return
  replaceNextWrite = true
  usePlacesViewStore.getState().categoriesLoaded(known)
  replaceNextWrite = false
}

export function useUrlSync(active = true) {
  const activeRef = useRef(active)
  useEffect(() => {
    activeRef.current = active
  }, [active])
  useEffect(() => {
    let typing = false
    const write = (search: string, push: boolean) => {
      const url = `${window.location.pathname}${search}${window.location.hash}`
      if (push) window.history.pushState(null, '', url)
      else window.history.replaceState(null, '', url)
    }
    const restore = () => {
      if (!isPlacesPath(window.location.pathname)) return
      typing = false
      usePlacesViewStore.getState().viewRestored(parsePlacesView(window.location.search))
      // What was dropped (unknown services, a radius without a place) leaves the URL too.
      const normalized = serializePlacesView(usePlacesViewStore.getState())
      if (normalized !== window.location.search) write(normalized, false)
    }
    if (activeRef.current) restore()
    window.addEventListener('popstate', restore)

    const unsubscribe = usePlacesViewStore.subscribe((state, previous) => {
      if (!activeRef.current || !isPlacesPath(window.location.pathname)) return
      const search = serializePlacesView(state)
      if (search === window.location.search) return
      const typed = state.filters.query !== previous.filters.query
      write(search, !(typed && typing) && !replaceNextWrite)
      typing = typed
    })
    return () => {
      window.removeEventListener('popstate', restore)
      unsubscribe()
    }
  }, [])
}

/** The places view's query string, for links back to the map from the territory's other pages. */
export function usePlacesSearch(): string {
  return usePlacesViewStore((state) => serializePlacesView(state))
}
