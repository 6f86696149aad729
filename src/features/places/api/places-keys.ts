/** Query keys of the places feature, general to specific so that a prefix invalidates below it. */
export const placesKeys = {
  all: ['places'] as const,
  territories: () => [...placesKeys.all, 'territories'] as const,
  categories: () => [...placesKeys.all, 'categories'] as const,
  shops: (territorySlug: string) => [...placesKeys.all, 'shops', territorySlug] as const,
  shop: (shopId: string) => [...placesKeys.all, 'shop', shopId] as const,
}
