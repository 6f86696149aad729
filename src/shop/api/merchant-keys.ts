/** Query keys of the merchant's space, general to specific so that a prefix reaches below it. */
export const merchantKeys = {
  all: ['merchant'] as const,
  allMyShops: () => [...merchantKeys.all, 'my-shops'] as const,
  myShops: (userId: string) => [...merchantKeys.allMyShops(), userId] as const,
  allShops: () => [...merchantKeys.all, 'shop'] as const,
  shop: (shopId: string) => [...merchantKeys.allShops(), shopId] as const,
  history: (shopId: string) => [...merchantKeys.all, 'history', shopId] as const,
}
