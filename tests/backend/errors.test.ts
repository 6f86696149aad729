import { describe, expect, it } from 'vitest'
import { BackendError, errorKindFromSqlState, toBackendError } from '@/backend/errors'

describe('errorKindFromSqlState', () => {
  it.each([
    ['PT409', 'stale-update'],
    ['42501', 'forbidden'],
    ['23514', 'invalid'],
    ['22P02', 'invalid'],
    ['PGRST116', 'not-found'],
    ['XX000', 'unknown'],
    [null, 'unknown'],
  ] as const)('%s → %s', (code, kind) => {
    expect(errorKindFromSqlState(code)).toBe(kind)
  })
})

describe('toBackendError', () => {
  it('keeps code and detail of a PostgREST error', () => {
    const error = toBackendError({
      code: 'PT409',
      message: 'stale_update',
      details: '2026-11-22 04:00:57+00',
    })
    expect(error).toBeInstanceOf(BackendError)
    expect(error.kind).toBe('stale-update')
    expect(error.detail).toBe('2026-11-22 04:00:57+00')
  })
  it('recognises a network failure', () => {
    expect(toBackendError(new TypeError('Failed to fetch')).kind).toBe('network')
  })
  it('returns a BackendError unchanged', () => {
    const original = new BackendError('forbidden', 'no')
    expect(toBackendError(original)).toBe(original)
  })
})
