import { describe, expect, it } from 'vitest'
import {
  BackendError,
  errorKindFromSqlState,
  fieldFromConstraint,
  toBackendError,
} from '@/backend/errors'

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

describe('what each adapter gets from its driver', () => {
  it('reads PostgREST’s error JSON for a stale write (Supabase)', () => {
    const error = toBackendError({
      code: 'PT409',
      details: '2026-12-07 08:00:00.123456+00',
      hint: null,
      message: 'stale_update: the shop changed since it was loaded',
    })
    expect(error.kind).toBe('stale-update')
    expect(error.code).toBe('PT409')
  })

  it('names the refused column from PostgREST’s constraint message', () => {
    const error = toBackendError({
      code: '23514',
      details: 'Failing row contains (...)',
      hint: null,
      message: 'new row for relation "shops" violates check constraint "shops_phone_check"',
    })
    expect(error.kind).toBe('invalid')
    expect(error.field).toBe('phone')
  })

  it('names the refused column from PGlite’s constraint field', () => {
    const error = toBackendError({
      code: '23514',
      message: 'new row for relation "shops" violates check constraint "shops_website_clean"',
      constraint: 'shops_website_clean',
    })
    expect(error.field).toBe('website')
  })

  it.each([
    ['PGRST000', 'unavailable'],
    ['PGRST003', 'unavailable'],
    ['57014', 'unavailable'],
    ['08006', 'unavailable'],
    ['P0001', 'invalid'],
    ['54000', 'invalid'],
  ] as const)('%s → %s', (code, kind) => {
    expect(toBackendError({ code, message: 'x' }).kind).toBe(kind)
  })

  it('recognises supabase-js’s own fetch failure, which has no code', () => {
    expect(toBackendError({ message: 'TypeError: Failed to fetch', code: '' }).kind).toBe('network')
  })
})

describe('fieldFromConstraint', () => {
  it.each([
    ['shops_status_message_check', 'status_message'],
    ['shop_submissions_social_links_clean', 'social_links'],
    ['shops_commune_name_visible', 'commune_name'],
    ['shops_closed_until_only_when_closed', null],
    ['territories_centre_in_bounds', null],
    [null, null],
  ] as const)('%s → %s', (constraint, field) => {
    expect(fieldFromConstraint(constraint)).toBe(field)
  })
})
