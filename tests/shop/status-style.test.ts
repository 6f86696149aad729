import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DISPLAY_COLOURS, applyStatusColours } from '@/shop/status-style'

// Every stylesheet of the app, tokens included.
const css = readdirSync(join(process.cwd(), 'src'), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.css'))
  .map((file) => readFileSync(join(process.cwd(), 'src', file), 'utf8'))
  .join('\n')
  .toLowerCase()

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
