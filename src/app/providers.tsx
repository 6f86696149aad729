import { useEffect, useState, type ReactNode } from 'react'
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { BackendContext } from '@/backend/backend-context'
import type { VitrineBackend } from '@/backend/port'
import { getBackend } from '@/backend/create-backend'
import { createQueryClient } from '@/lib/query-client'
import { persistQueries } from '@/lib/persisted-queries'
import { env } from '@/lib/env'
import { useErrorText } from '@/lib/error-messages'
import { useT } from '@/lib/i18n'
import { useBackendChanges } from './backend-changes'

function BackendChanges({ backend }: { backend: VitrineBackend }) {
  useBackendChanges(backend)
  return null
}

export function AppProviders({
  children,
  backend: givenBackend,
  queryClient: givenClient,
}: {
  children: ReactNode
  backend?: VitrineBackend
  queryClient?: QueryClient
}) {
  const t = useT()
  const errorText = useErrorText()
  const [queryClient] = useState(
    () => givenClient ?? createQueryClient({ localDatabase: env.supabase === null }),
  )
  // What a merchant needs offline is kept on the device (the app's own client only: a test's
  // client starts empty).
  useEffect(
    () => (givenClient ? undefined : persistQueries(queryClient)),
    [givenClient, queryClient],
  )
  const [backend, setBackend] = useState<VitrineBackend | null>(givenBackend ?? null)
  const [error, setError] = useState<Error | null>(null)

  useEffect(() => {
    if (givenBackend) return
    let cancelled = false
    getBackend().then(
      (created) => !cancelled && setBackend(created),
      (e: unknown) => !cancelled && setError(e instanceof Error ? e : new Error(String(e))),
    )
    return () => {
      cancelled = true
    }
  }, [givenBackend])

  if (error) {
    return (
      <div role="alert" className="fatal-error">
        <p>{t('backend.failed')}</p>
        <p className="error-detail">{errorText(error)}</p>
        <button type="button" onClick={() => window.location.reload()}>
          {t('list.retry')}
        </button>
      </div>
    )
  }
  if (!backend)
    return (
      <p role="status" className="app-loading">
        {t('page.loading')}
      </p>
    )

  return (
    <QueryClientProvider client={queryClient}>
      <BackendContext.Provider value={backend}>
        <BackendChanges backend={backend} />
        {children}
      </BackendContext.Provider>
    </QueryClientProvider>
  )
}
