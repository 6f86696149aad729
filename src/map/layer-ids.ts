/** Every source and layer id the app adds to a map, in one place. */
export const SOURCE_IDS = {
  communes: 'vitrine-communes',
  places: 'vitrine-places',
  radius: 'vitrine-radius',
} as const

export const LAYER_IDS = {
  background: 'vitrine-background',
  communesFill: 'vitrine-communes-fill',
  communesLine: 'vitrine-communes-line',
  radiusFill: 'vitrine-radius-fill',
  radiusLine: 'vitrine-radius-line',
  clusters: 'vitrine-places-clusters',
  placesSelected: 'vitrine-places-selected',
  placesSymbol: 'vitrine-places-symbol',
} as const
