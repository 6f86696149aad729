import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { AppProviders } from './app/providers'
import { App } from './app/app'
import './app/app.css'
import { pageFromPath } from './app/territory-route'
import { preloadPlacesMap } from './features/places/components/lazy-places-map'

// The map downloads while the backend starts, not after it (a failure is shown by the page).
const page = pageFromPath(window.location.pathname)
if (page === 'places' || page === 'embed') preloadPlacesMap().catch(() => {})

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')

createRoot(root).render(
  <StrictMode>
    <AppProviders>
      <App />
    </AppProviders>
  </StrictMode>,
)
