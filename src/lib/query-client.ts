import { QueryClient } from '@tanstack/react-query'

/**
 * `localDatabase`: the embedded backend answers from the device, so its queries and writes never
 * wait for the browser to say it is online (TanStack Query pauses them otherwise).
 */
export function createQueryClient({ localDatabase = false } = {}): QueryClient {
  const networkMode = localDatabase ? 'always' : 'online'
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 2, networkMode },
      mutations: { networkMode },
    },
  })
}
