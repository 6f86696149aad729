import { describe, expect, it } from 'vitest'
import { EMPTY_FILTERS } from '@/features/places/utils/place-filters'
import { VIEWPORT_ROWS, viewportQuery } from '@/features/places/utils/viewport-query'

describe('viewportQuery', () => {
  it('widens the visible area to three decimals, never cutting it', () => {
    expect(viewportQuery([0.12345, 46.54321, 0.45678, 46.6789], EMPTY_FILTERS)).toEqual({
      bounds: [0.123, 46.543, 0.457, 46.679],
      limit: VIEWPORT_ROWS,
    })
  })

  it('keeps within the world and puts the corners in order (the database refuses otherwise)', () => {
    expect(viewportQuery([-200.5, -95, 190, 91], EMPTY_FILTERS).bounds).toEqual([
      -180, -90, 180, 90,
    ])
    expect(viewportQuery([1, 2, 0, 1], EMPTY_FILTERS).bounds).toEqual([0, 1, 1, 2])
  })

  it('passes the filters the database applies, sorted, so that one choice is one query', () => {
    const query = viewportQuery([0, 46, 1, 47], {
      ...EMPTY_FILTERS,
      services: ['delivery', 'click_and_collect'],
      categories: ['restauration', 'alimentation'],
      kinds: ['artisan'],
      query: '  boulangerie  ',
      openNow: true,
    })
    expect(query).toEqual({
      bounds: [0, 46, 1, 47],
      services: ['click_and_collect', 'delivery'],
      categories: ['alimentation', 'restauration'],
      kinds: ['artisan'],
      query: 'boulangerie',
      limit: VIEWPORT_ROWS,
    })
  })
})
