import { useMutation } from '@tanstack/react-query'
import type { VitrineBackend } from '@/backend/port'
import type { ImportRow } from '@/backend/import-row'
import type { ImportSource } from '@/backend/types'
import { useBackend } from '@/backend/backend-context'

export interface ImportRequest {
  territorySlug: string
  source: ImportSource
  rows: ImportRow[]
  dryRun: boolean
}

export function importShops(backend: VitrineBackend, request: ImportRequest) {
  return backend.importShops(request.territorySlug, request.source, request.rows, request.dryRun)
}

export function useImportShops() {
  const backend = useBackend()
  return useMutation({ mutationFn: (request: ImportRequest) => importShops(backend, request) })
}
