import { useEffect } from 'react'
import { parsePlacesView, serializePlacesView } from '../utils/filters-url'
import { usePlacesViewStore } from './places-view-store'

/**
 * Keeps the places view and the URL in step: the URL is read on load and on back/forward;
 * every change writes it. Typing in the search box replaces the entry instead of adding one,
 * so that "back" undoes a filter, not a keystroke.
 */
export function useUrlSync() {
  useEffect(() => {
    const restore = () =>
      usePlacesViewStore.getState().viewRestored(parsePlacesView(window.location.search))
    restore()
    window.addEventListener('popstate', restore)

    const unsubscribe = usePlacesViewStore.subscribe((state, previous) => {
      const search = serializePlacesView(state)
      if (search === window.location.search) return
      const url = `${window.location.pathname}${search}${window.location.hash}`
      const typing = state.filters.query !== previous.filters.query
      if (typing) window.history.replaceState(null, '', url)
      else window.history.pushState(null, '', url)
    })
    return () => {
      window.removeEventListener('popstate', restore)
      unsubscribe()
    }
  }, [])
}
