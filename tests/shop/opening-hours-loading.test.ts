import { describe, expect, it, vi } from 'vitest'

// A fresh copy of the module, as the app has it before the library's download finished (the
// unit tests' setup loads the shared copy).
async function freshModule() {
  vi.resetModules()
  return import('@/shop/opening-hours')
}

describe('opening_hours, downloaded apart', () => {
  it('answers "not yet" to the shoppers’ pages, and refuses to judge a value elsewhere', async () => {
    const hours = await freshModule()
    expect(hours.isOpeningHoursLoaded()).toBe(false)
    expect(hours.parseOpeningHoursIfLoaded('Mo-Fr 09:00-18:00')).toBeNull()
    // Never a wrong "invalid" while the library is missing.
    expect(() => hours.parseOpeningHours('Mo-Fr 09:00-18:00')).toThrow(/not loaded/)
    expect(() => hours.openingHoursError('Mo-Fr 09:00-18:00', 'en')).toThrow(/not loaded/)
    // No value needs no library.
    expect(hours.parseOpeningHours('  ')).toEqual({ ok: false, error: hours.NO_HOURS_ERROR })
  })

  it('tells its listeners once loaded, then parses', async () => {
    const hours = await freshModule()
    const listener = vi.fn()
    const unsubscribe = hours.onOpeningHoursLoaded(listener)
    await Promise.all([hours.loadOpeningHours(), hours.loadOpeningHours()])
    expect(listener).toHaveBeenCalledTimes(1)
    unsubscribe()
    expect(hours.isOpeningHoursLoaded()).toBe(true)
    const parsed = hours.parseOpeningHoursIfLoaded('Mo-Fr 09:00-18:00')
    expect(parsed?.ok).toBe(true)
    expect(hours.parseOpeningHours('Mo-Fr 25:00').ok).toBe(false)
  })
})
