import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DISPLAY_COLOURS, applyStatusColours } from '@/shop/status-style'

const css = readFileSync(join(process.cwd(), 'src/app/app.css'), 'utf8').toLowerCase()

describe('one colour per status', () => {
  it('is set on the document for the stylesheets', () => {
    applyStatusColours()
    for (const [status, colour] of Object.entries(DISPLAY_COLOURS)) {
      expect(document.documentElement.style.getPropertyValue(`--status-${status}`)).toBe(colour)
    }
  })

  it('is never written again in a stylesheet: they use the custom properties', () => {
    for (const colour of Object.values(DISPLAY_COLOURS)) {
      expect(css).not.toContain(colour.toLowerCase())
    }
    expect(css).toContain('var(--status-open)')
    expect(css).toContain('var(--status-closed)')
  })
})
