import type { translate } from '@/lib/i18n'

type Translate = ReturnType<typeof translate>

// How the build describes a demonstration account (supabase/tooling/build-embedded-database.ts),
// in French: "Curateur·rice : <territories> · Commerces : <shops>", or the account has neither.
const PART_SEPARATOR = ' · '
const CURATOR = 'Curateur·rice : '
const SHOPS = 'Commerces : '
const NEITHER = 'Sans commerce ni territoire'

/**
 * A demonstration account's description in the page's language: the build's labels are said
 * again with `t`, the territories' and shops' names (data) stay as they are, and a description
 * of another shape is shown unchanged.
 */
export function demoAccountDescription(description: string, t: Translate): string {
  return description
    .split(PART_SEPARATOR)
    .map((part) => {
      if (part.startsWith(CURATOR)) return t('account.demoCurator')(part.slice(CURATOR.length))
      if (part.startsWith(SHOPS)) return t('account.demoShops')(part.slice(SHOPS.length))
      return part === NEITHER ? t('account.demoNone') : part
    })
    .join(PART_SEPARATOR)
}
