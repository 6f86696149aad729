export const merchantKeys = {
  all: ['merchant'] as const,
  myShops: (userId: string) => [...merchantKeys.all, 'my-shops', userId] as const,
  shop: (shopId: string) => [...merchantKeys.all, 'shop', shopId] as const,
  history: (shopId: string) => [...merchantKeys.all, 'history', shopId] as const,
}
