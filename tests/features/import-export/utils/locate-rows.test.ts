import { describe, expect, it, vi } from 'vitest'
import {
  geocoderCsv,
  placeRows,
  readGeocoderCsv,
  type UnplacedRow,
} from '@/features/import-export/utils/locate-rows'
import { communeAt } from '@/features/import-export/utils/import-catalog'
import {
  BUXEROLLES_INSEE,
  POITIERS_INSEE,
  grandPoitiersCatalog,
  grandPoitiersCatalogOutlined,
} from '../../../fixtures/curation/catalog'

const catalog = grandPoitiersCatalogOutlined()

function unplaced(overrides: Partial<UnplacedRow> = {}): UnplacedRow {
  return {
    line: 2,
    sourceRef: 'boulangerie@86000',
    kind: 'commercant',
    name: 'Boulangerie',
    categorySlug: 'alimentation',
    subcategorySlug: null,
    description: null,
    address: '21 rue des Écossais',
    postcode: '86000',
    communeInsee: POITIERS_INSEE,
    communeName: 'Poitiers',
    phone: null,
    email: null,
    website: null,
    socialLinks: [],
    openingHours: null,
    openingHoursNote: null,
    orderingInstructions: null,
    services: [],
    ...overrides,
  }
}

/** The national address service's answer: the request's columns, then its result_* columns. */
function banAnswer(
  results: {
    line: number
    lat?: number
    lon?: number
    score?: number
    label?: string
    citycode?: string
    type?: string
  }[],
): string {
  const header =
    'ligne;adresse;code_postal;code_insee;commune;latitude;longitude;result_label;result_score;result_type;result_id;result_housenumber;result_name;result_street;result_postcode;result_city;result_context;result_citycode'
  const lines = results.map((r) =>
    [
      r.line,
      'x',
      '',
      '',
      '',
      r.lat ?? '',
      r.lon ?? '',
      r.label ?? '',
      r.score ?? '',
      r.type ?? '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      r.citycode ?? '',
    ].join(';'),
  )
  return [header, ...lines].join('\n')
}

function fakeService(answer: (form: FormData) => Response | Promise<Response>) {
  const calls: FormData[] = []
  const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    calls.push(init!.body as FormData)
    return answer(init!.body as FormData)
  })
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls }
}

describe('placing rows without coordinates, offline', () => {
  it('puts each row at its commune’s point, inside the commune, and says so', async () => {
    const placed = await placeRows(
      [unplaced(), unplaced({ line: 3, communeInsee: BUXEROLLES_INSEE, communeName: null })],
      catalog,
      { url: null },
    )
    expect(placed.geocoder).toBe('offline')
    expect(
      placed.rows.map((row) => [row.line, communeAt(catalog, row.lon, row.lat)?.inseeCode]),
    ).toEqual([
      [2, POITIERS_INSEE],
      [3, BUXEROLLES_INSEE],
    ])
    expect(placed.rows[1]!.communeName).toBe('Buxerolles')
    expect(placed.issues).toEqual([
      {
        line: 2,
        field: null,
        severity: 'warning',
        message:
          'Position approximative (commune) : placé au centre de Poitiers (hors ligne ou sans service d’adresses).',
        topic: 'approximate-position',
      },
      expect.objectContaining({ line: 3, severity: 'warning' }),
    ])
  })

  it('refuses only the line it cannot place: no commune of the territory, or no outline', async () => {
    const placed = await placeRows(
      [
        unplaced({ line: 2, communeInsee: null, communeName: 'Niort' }),
        unplaced({ line: 3 }),
        // Grand Poitiers without outlines but Poitiers and Buxerolles: Chauvigny has none.
        unplaced({ line: 4, communeInsee: '86070', communeName: null }),
      ],
      grandPoitiersCatalog(),
      { url: null },
    )
    expect(placed.rows.map((row) => row.line)).toEqual([3])
    expect(placed.issues.filter((issue) => issue.severity === 'error')).toEqual([
      expect.objectContaining({
        line: 2,
        message: expect.stringMatching(
          /aucune commune du territoire Grand Poitiers n’est indiquée/,
        ),
      }),
      expect.objectContaining({
        line: 4,
        message: expect.stringMatching(/la commune Chauvigny n’a pas de contour connu/),
      }),
    ])
  })
})

describe('placing rows with the national address service', () => {
  it('sends one request with the address, the commune and the codes that restrict it', async () => {
    const service = fakeService(
      () =>
        new Response(
          banAnswer([
            {
              line: 2,
              lat: 46.582095,
              lon: 0.338,
              score: 0.93,
              label: '21 Rue des Écossais 86000 Poitiers',
              citycode: POITIERS_INSEE,
              type: 'housenumber',
            },
          ]),
        ),
    )
    const placed = await placeRows([unplaced()], catalog, {
      url: 'https://adresse.example/search/csv/',
      fetch: service.fetch,
    })
    expect(service.calls).toHaveLength(1)
    const form = service.calls[0]!
    expect(form.getAll('columns')).toEqual(['adresse', 'commune'])
    expect(form.get('citycode')).toBe('code_insee')
    expect(form.get('postcode')).toBe('code_postal')
    expect(await (form.get('data') as Blob).text()).toBe(
      'ligne;adresse;code_postal;code_insee;commune\r\n2;21 rue des Écossais;86000;86194;Poitiers\r\n',
    )
    expect(placed).toEqual({
      geocoder: 'used',
      issues: [],
      rows: [expect.objectContaining({ line: 2, lon: 0.338, lat: 46.582095 })],
    })
  })

  it('keeps a doubtful match with a warning naming the address found', async () => {
    const service = fakeService(
      () =>
        new Response(
          banAnswer([
            {
              line: 2,
              lat: 46.58,
              lon: 0.34,
              score: 0.52,
              label: 'Rue des Carmes 86000 Poitiers',
              citycode: POITIERS_INSEE,
              type: 'street',
            },
          ]),
        ),
    )
    const placed = await placeRows([unplaced()], catalog, {
      url: 'https://a.example/',
      fetch: service.fetch,
    })
    expect(placed.rows[0]).toMatchObject({ lon: 0.34, lat: 46.58 })
    expect(placed.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message:
          'Position à vérifier (score 0,52) : adresse trouvée « Rue des Carmes 86000 Poitiers ».',
      }),
    ])
  })

  it('falls back on the commune for an address not found, found elsewhere, or found as a commune', async () => {
    const service = fakeService(
      () =>
        new Response(
          banAnswer([
            { line: 2 },
            {
              line: 3,
              lat: 46.32,
              lon: -0.46,
              score: 0.9,
              label: '1 Rue Ricard 79000 Niort',
              citycode: '79191',
              type: 'housenumber',
            },
            {
              line: 4,
              lat: 46.58,
              lon: 0.34,
              score: 0.8,
              label: 'Poitiers',
              citycode: POITIERS_INSEE,
              type: 'municipality',
            },
            {
              line: 5,
              lat: 46.58,
              lon: 0.34,
              score: 0.2,
              label: 'Rue de la Gare 86000 Poitiers',
              citycode: POITIERS_INSEE,
              type: 'street',
            },
          ]),
        ),
    )
    const placed = await placeRows(
      [2, 3, 4, 5].map((line) => unplaced({ line })),
      catalog,
      { url: 'https://a.example/', fetch: service.fetch },
    )
    expect(placed.rows.map((row) => communeAt(catalog, row.lon, row.lat)?.inseeCode)).toEqual([
      POITIERS_INSEE,
      POITIERS_INSEE,
      POITIERS_INSEE,
      POITIERS_INSEE,
    ])
    expect(placed.issues.map((issue) => issue.message)).toEqual([
      'Position approximative (commune) : placé au centre de Poitiers (adresse non trouvée).',
      'Position approximative (commune) : placé au centre de Poitiers (adresse trouvée hors du territoire, « 1 Rue Ricard 79000 Niort »).',
      'Position approximative (commune) : placé au centre de Poitiers (adresse non reconnue, la plus proche est « Poitiers »).',
      'Position approximative (commune) : placé au centre de Poitiers (adresse non reconnue, la plus proche est « Rue de la Gare 86000 Poitiers »).',
    ])
  })

  it('places every row at its commune when the service fails or is too slow', async () => {
    for (const fetch of [
      fakeService(() => new Response('Service Unavailable', { status: 503 })).fetch,
      fakeService(() => {
        throw new TypeError('Failed to fetch')
      }).fetch,
      // Never answers: the timeout gives up.
      ((_url: RequestInfo | URL, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () =>
            reject(new DOMException('aborted', 'AbortError')),
          ),
        )) as typeof globalThis.fetch,
    ]) {
      const placed = await placeRows([unplaced()], catalog, {
        url: 'https://a.example/',
        fetch,
        timeoutMs: 20,
      })
      expect(placed.geocoder).toBe('failed')
      expect(placed.rows).toHaveLength(1)
      expect(placed.issues[0]!.message).toBe(
        'Position approximative (commune) : placé au centre de Poitiers (le service national des adresses n’a pas répondu).',
      )
    }
  })

  it('asks nothing for rows with a commune and no address', async () => {
    const service = fakeService(() => new Response(''))
    const placed = await placeRows([unplaced({ address: null })], catalog, {
      url: 'https://a.example/',
      fetch: service.fetch,
    })
    expect(service.calls).toHaveLength(0)
    expect(placed.rows).toHaveLength(1)
    expect(placed.issues[0]!.message).toMatch(/\(pas d’adresse\)\.$/)
  })
})

describe('the service’s files', () => {
  it('quote what needs quoting and read the answer back by line', () => {
    expect(geocoderCsv([unplaced({ address: 'Place "du" Marché; centre' })])).toBe(
      'ligne;adresse;code_postal;code_insee;commune\r\n2;"Place ""du"" Marché; centre";86000;86194;Poitiers\r\n',
    )
    const answer = readGeocoderCsv(
      banAnswer([
        {
          line: 7,
          lat: 46.5,
          lon: 0.3,
          score: 0.81,
          label: 'X',
          citycode: '86194',
          type: 'street',
        },
      ]),
    )
    expect(answer.get(7)).toEqual({
      lat: 46.5,
      lon: 0.3,
      score: 0.81,
      label: 'X',
      citycode: '86194',
      type: 'street',
    })
  })
})
