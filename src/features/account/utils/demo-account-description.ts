import type { DemoAccount } from '@/backend/types'
import type { translate } from '@/lib/i18n'

type Translate = ReturnType<typeof translate>

/**
 * What a demonstration account can do, in the page's language: the territories it curates and
 * the shops it belongs to (names are data and stay as they are), or neither.
 */
export function demoAccountDescription(
  account: Pick<DemoAccount, 'curates' | 'shops'>,
  t: Translate,
): string {
  const parts = [
    account.curates.length ? t('account.demoCurator')(account.curates.join(', ')) : null,
    account.shops.length ? t('account.demoShops')(account.shops.join(', ')) : null,
  ].filter((part): part is string => part !== null)
  return parts.length ? parts.join(' · ') : t('account.demoNone')
}
