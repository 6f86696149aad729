/** Query keys of the places feature, general to specific so that a prefix invalidates below it. */
export const placesKeys = {
  all: ['places'] as const,
  territories: () => [...placesKeys.all, 'territories'] as const,
  categories: () => [...placesKeys.all, 'categories'] as const,
  shops: (territorySlug: string) => [...placesKeys.all, 'shops', territorySlug] as const,
  shop: (shopId: string) => [...placesKeys.all, 'shop', shopId] as const,
  communes: (territorySlug: string) => [...placesKeys.all, 'communes', territorySlug] as const,
  locationSearch: (territorySlug: string, query: string) =>
    [...placesKeys.all, 'location-search', territorySlug, query] as const,
}
