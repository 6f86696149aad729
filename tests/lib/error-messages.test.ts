import { afterEach, describe, expect, it, vi } from 'vitest'
import { BACKEND_ERROR_KINDS, BackendError } from '@/backend/errors'
import { backendErrorText } from '@/lib/error-messages'

const RAW = /stale_update|PT409|violates|permission denied|constraint|relation|SQL|PGRST/i

describe('every backend error kind in a sentence', () => {
  afterEach(() => vi.restoreAllMocks())

  it.each(BACKEND_ERROR_KINDS)(
    '%s has a French and an English sentence, never the raw text',
    (kind) => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
      const error = new BackendError(
        kind,
        'stale_update: permission denied for relation shops',
        'PT409',
      )
      const fr = backendErrorText(error, 'fr')
      const en = backendErrorText(error, 'en')
      expect(fr).not.toMatch(RAW)
      expect(en).not.toMatch(RAW)
      expect(fr).not.toBe(en)
      expect(fr.length).toBeGreaterThan(10)
      // The raw detail is for the console.
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('stale_update'))
    },
  )

  it('the kinds have distinct sentences', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    for (const locale of ['fr', 'en'] as const) {
      const sentences = BACKEND_ERROR_KINDS.map((kind) =>
        backendErrorText(new BackendError(kind, 'x'), locale),
      )
      expect(new Set(sentences).size).toBe(BACKEND_ERROR_KINDS.length)
    }
  })

  it('an invalid value names the field in the reader’s language', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const error = new BackendError('invalid', 'violates', '23514', null, 'phone')
    expect(backendErrorText(error, 'fr')).toBe(
      'Valeur refusée pour le téléphone : vérifiez ce que vous avez saisi.',
    )
    expect(backendErrorText(error, 'en')).toBe(
      'The value of the phone number was refused: check what you typed.',
    )
  })

  it('any thrown value (a driver error, a string) gets a sentence', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    expect(backendErrorText(new TypeError('Failed to fetch'), 'fr')).toMatch(/^Pas de connexion/)
    expect(backendErrorText('boom', 'en')).toMatch(/^An unexpected error/)
  })
})
