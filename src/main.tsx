import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { AppProviders } from './app/providers'
import { App } from './app/app'
import './app/app.css'
import { pageFromPath } from './app/territory-route'
import { preloadPlacesMap } from './features/places/components/lazy-places-map'
import { loadOpeningHours } from './features/places/utils/opening-hours'

// The map and the hours library download while the backend starts, not after it (the pages
// show a failure and try again).
const page = pageFromPath(window.location.pathname)
if (page === 'places' || page === 'embed') preloadPlacesMap().catch(() => {})
loadOpeningHours().catch(() => {})

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')

createRoot(root).render(
  <StrictMode>
    <AppProviders>
      <App />
    </AppProviders>
  </StrictMode>,
)
