import type { Plugin } from 'vite'

/**
 * The layout's breakpoints, written once. Stylesheets name them as custom media queries
 * (`@media (--phone)`), which `customMediaFromBreakpoints` turns into these queries at build
 * time; scripts can pass them to `matchMedia`.
 */
export const BREAKPOINTS = {
  /** Narrow phones: the hours editor and the members' form stack their controls. */
  narrow: '(max-width: 30rem)',
  phone: '(max-width: 599px)',
  tablet: '(min-width: 600px)',
  /** The referencing form puts short fields side by side. */
  'two-columns': '(min-width: 700px)',
  'below-desktop': '(max-width: 899px)',
  /** The shopper's page puts the list beside the map. */
  desktop: '(min-width: 900px)',
} as const

export type Breakpoint = keyof typeof BREAKPOINTS

/** Replaces `(--name)` in the app's `@media` rules with the named query; an unknown name fails. */
export function replaceCustomMedia(css: string, file = 'a stylesheet'): string {
  return css.replace(/@media\s+\(--([a-z-]+)\)/g, (_rule, name: string) => {
    const query = BREAKPOINTS[name as Breakpoint]
    if (!query) throw new Error(`Unknown breakpoint --${name} in ${file}`)
    return `@media ${query}`
  })
}

/** The Vite plugin that applies the breakpoints to the app's own stylesheets. */
export function customMediaFromBreakpoints(): Plugin {
  return {
    name: 'vitrine:custom-media',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.css(\?|$)/.test(id)) return null
      return { code: replaceCustomMedia(code, id), map: null }
    },
  }
}
