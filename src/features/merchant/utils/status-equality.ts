import type { SetShopStatusInput, Shop } from '@/backend/types'

/** Whether the server already holds what the merchant asked for (e.g. a resend after a lost answer). */
export function serverHasStatus(shop: Shop, input: SetShopStatusInput): boolean {
  const services = input.services ?? shop.services
  return (
    shop.status === input.status &&
    (shop.statusMessage ?? null) === (input.message?.trim() || null) &&
    (shop.closedUntil ?? null) === (input.closedUntil ?? null) &&
    [...shop.services].sort().join(',') === [...services].sort().join(',')
  )
}
