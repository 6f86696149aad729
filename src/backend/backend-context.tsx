import { createContext, useContext } from 'react'
import type { VitrineBackend } from './port'

export const BackendContext = createContext<VitrineBackend | null>(null)

export function useBackend(): VitrineBackend {
  const backend = useContext(BackendContext)
  if (!backend) throw new Error('useBackend() needs a <BackendContext.Provider>')
  return backend
}
