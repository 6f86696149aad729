/**
 * Styles lint: the standard rules, plus the house rules — colours only as tokens
 * (src/styles/tokens.css), breakpoints only as the named custom media of src/styles/breakpoints.ts.
 */
export default {
  extends: ['stylelint-config-standard'],
  rules: {
    // BEM-like names: block, block__element, block--modifier.
    'selector-class-pattern': [
      '^[a-z][a-z0-9]*(-[a-z0-9]+)*(__[a-z0-9]+(-[a-z0-9]+)*)?(--[a-z0-9]+(-[a-z0-9]+)*)?$',
      { message: 'Class names are kebab-case blocks, with __element and --modifier' },
    ],
    'color-no-hex': [true, { message: 'Use a colour token from src/styles/tokens.css' }],
    'color-named': ['never', { message: 'Use a colour token from src/styles/tokens.css' }],
    'function-disallowed-list': [
      ['rgb', 'rgba', 'hsl', 'hsla', 'hwb', 'lab', 'lch', 'oklab', 'oklch'],
      { message: 'Use a colour token from src/styles/tokens.css' },
    ],
    'media-query-no-invalid': null,
    'media-feature-name-no-unknown': [true, { ignoreMediaFeatureNames: ['/^--/'] }],
    // Breakpoints are named once (src/styles/breakpoints.ts): `@media (--phone)`, never a width.
    'media-feature-name-disallowed-list': [
      ['/width$/'],
      { message: 'Use a named breakpoint from src/styles/breakpoints.ts, as (--name)' },
    ],
    'at-rule-disallowed-list': [['import'], { message: 'Import stylesheets from the component' }],
    'custom-media-pattern': null,
  },
  overrides: [
    {
      files: ['src/styles/tokens.css'],
      rules: { 'color-no-hex': null, 'function-disallowed-list': null },
    },
  ],
}
