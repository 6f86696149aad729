// @vitest-environment node
import { join } from 'node:path'
import stylelint from 'stylelint'
import { describe, expect, it } from 'vitest'
import { BREAKPOINTS, replaceCustomMedia } from '@/styles/breakpoints'

// The house rules for styles, as `npm run lint` applies them: colours are tokens, breakpoints
// are named once. Proved to fire on a stylesheet that breaks them.

async function lint(code: string, file = 'src/features/places/places.css') {
  const result = await stylelint.lint({
    code,
    codeFilename: join(process.cwd(), file),
    configFile: join(process.cwd(), 'stylelint.config.mjs'),
  })
  return result.results[0]!.warnings.map((warning) => warning.rule)
}

describe('style rules', () => {
  it('refuse a literal colour outside the tokens', async () => {
    expect(await lint('.place-sheet {\n  color: #c04a00;\n}\n')).toContain('color-no-hex')
    expect(await lint('.place-sheet {\n  color: rgb(0 0 0 / 20%);\n}\n')).toContain(
      'function-disallowed-list',
    )
    expect(await lint('.place-sheet {\n  color: var(--ink);\n}\n')).toEqual([])
  })

  it('let the tokens file name colours', async () => {
    expect(await lint(':root {\n  --ink: #1d2520;\n}\n', 'src/styles/tokens.css')).toEqual([])
  })

  it('refuse a width written in a media query: breakpoints are named', async () => {
    expect(
      await lint('@media (max-width: 599px) {\n  .place-sheet {\n    margin: 0;\n  }\n}\n'),
    ).toContain('media-feature-name-disallowed-list')
    expect(await lint('@media (--phone) {\n  .place-sheet {\n    margin: 0;\n  }\n}\n')).toEqual([])
  })

  it('turn each named breakpoint into its query, and refuse an unknown name', () => {
    expect(replaceCustomMedia('@media (--phone) {}')).toBe(`@media ${BREAKPOINTS.phone} {}`)
    expect(() => replaceCustomMedia('@media (--watch) {}', 'x.css')).toThrow(
      'Unknown breakpoint --watch in x.css',
    )
  })
})
