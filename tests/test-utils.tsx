import type { ReactElement } from 'react'
import { render } from '@testing-library/react'
import { QueryClient } from '@tanstack/react-query'
import { AppProviders } from '@/app/providers'
import type { VitrineBackend } from '@/backend/port'

/** Renders inside the app's providers with a fresh QueryClient (no retries) per test. */
export function renderWithProviders(ui: ReactElement, backend: VitrineBackend) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  return {
    queryClient,
    ...render(
      <AppProviders backend={backend} queryClient={queryClient}>
        {ui}
      </AppProviders>,
    ),
  }
}
