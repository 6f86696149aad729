/** Every source and layer id the app adds to a map, in one place. */
export const SOURCE_IDS = {
  communes: 'vitrine-communes',
  places: 'vitrine-places',
} as const

export const LAYER_IDS = {
  background: 'vitrine-background',
  communesFill: 'vitrine-communes-fill',
  communesLine: 'vitrine-communes-line',
  placesCircle: 'vitrine-places-circle',
  placesSelected: 'vitrine-places-selected',
} as const
