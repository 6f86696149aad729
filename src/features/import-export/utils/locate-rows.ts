import type { ImportIssue, ImportRow } from '@/backend/import-row'
import { parseCsv } from '@/lib/csv-parse'
import { representativePoint } from '@/shop/place-geometry'
import {
  inTerritoryBounds,
  resolveCommune,
  type ImportCatalog,
  type ImportCommune,
} from '@/features/import-export/utils/import-catalog'

/**
 * Places the rows of a questionnaire that gave an address but no coordinates.
 *
 * Online, every such row goes in one request to the national address service's batch geocoder
 * (the Base Adresse Nationale's `search/csv/`), filtered by the row's INSEE code and postcode; a
 * result counts only inside the territory. Offline, when the service fails or takes too long, or
 * for an address it does not find, the row goes at its commune's point (the centroid of the
 * commune's outline bundled with the territory) and the report says so. A row is an error only
 * when neither is possible: no commune of the territory to fall back on.
 */

/** A row read without a position: everything else is checked already. */
export type UnplacedRow = Omit<ImportRow, 'lon' | 'lat'>

export interface GeocoderOptions {
  /** The batch geocoder's URL (BAN `…/search/csv/`); null: offline, commune points only. */
  url: string | null
  fetch?: typeof fetch
  /** The whole batch; past it, the rows go at their communes (default 30 s). */
  timeoutMs?: number
}

export type GeocoderOutcome = 'not-needed' | 'used' | 'offline' | 'failed'

export interface PlacedRows {
  rows: ImportRow[]
  issues: ImportIssue[]
  /** Whether the service was asked, and how it went (for the report's summary). */
  geocoder: GeocoderOutcome
}

/** At or above: the address found is taken as it is. */
export const SURE_SCORE = 0.7
/** Below: the address found is too unlike the one written; the row goes at its commune. */
export const USABLE_SCORE = 0.4

interface GeocodedAddress {
  lon: number
  lat: number
  score: number
  label: string
  citycode: string | null
  /** BAN's result type: housenumber, street, locality, municipality. */
  type: string | null
}

function quote(text: string): string {
  return `« ${text} »`
}

function score(value: number): string {
  return value.toFixed(2).replace('.', ',')
}

function cell(value: string | null): string {
  const text = (value ?? '').replace(/[\r\n]+/g, ' ')
  return /[";]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The request's file: one line per row, keyed by the row's line in the curator's file. */
export function geocoderCsv(rows: readonly UnplacedRow[]): string {
  const lines = ['ligne;adresse;code_postal;code_insee;commune']
  for (const row of rows) {
    lines.push(
      [String(row.line), row.address, row.postcode, row.communeInsee, row.communeName]
        .map(cell)
        .join(';'),
    )
  }
  return `${lines.join('\r\n')}\r\n`
}

/** The service's answer, by line: the first result of each address it found. */
export function readGeocoderCsv(text: string): Map<number, GeocodedAddress> {
  const { records } = parseCsv(text)
  const [header, ...data] = records
  const found = new Map<number, GeocodedAddress>()
  if (!header) return found
  const column = (name: string) => header.fields.findIndex((field) => field.trim() === name)
  const at = {
    line: column('ligne'),
    lat: column('latitude'),
    lon: column('longitude'),
    score: column('result_score'),
    label: column('result_label'),
    citycode: column('result_citycode'),
    type: column('result_type'),
  }
  if (at.line < 0 || at.lat < 0 || at.lon < 0) return found
  for (const record of data) {
    const value = (index: number) => (index >= 0 ? (record.fields[index]?.trim() ?? '') : '')
    const line = Number(value(at.line))
    const lat = Number.parseFloat(value(at.lat))
    const lon = Number.parseFloat(value(at.lon))
    if (!Number.isInteger(line) || !Number.isFinite(lat) || !Number.isFinite(lon)) continue
    const foundScore = Number.parseFloat(value(at.score))
    found.set(line, {
      lat,
      lon,
      score: Number.isFinite(foundScore) ? foundScore : 0,
      label: value(at.label),
      citycode: value(at.citycode) || null,
      type: value(at.type) || null,
    })
  }
  return found
}

async function geocode(
  rows: readonly UnplacedRow[],
  options: GeocoderOptions,
): Promise<Map<number, GeocodedAddress> | 'offline' | 'failed'> {
  if (!options.url) return 'offline'
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return 'offline'
  const form = new FormData()
  form.append('data', new Blob([geocoderCsv(rows)], { type: 'text/csv' }), 'adresses.csv')
  // The query is the address and the commune; the codes restrict it to the right commune.
  form.append('columns', 'adresse')
  form.append('columns', 'commune')
  form.append('postcode', 'code_postal')
  form.append('citycode', 'code_insee')
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 30_000)
  try {
    const response = await (options.fetch ?? fetch)(options.url, {
      method: 'POST',
      body: form,
      signal: controller.signal,
    })
    if (!response.ok) return 'failed'
    return readGeocoderCsv(await response.text())
  } catch {
    return 'failed'
  } finally {
    clearTimeout(timer)
  }
}

function communeOf(catalog: ImportCatalog, row: UnplacedRow): ImportCommune | null {
  return (
    (row.communeInsee ? resolveCommune(catalog, row.communeInsee) : null) ??
    (row.communeName ? resolveCommune(catalog, row.communeName) : null)
  )
}

function insideTerritory(catalog: ImportCatalog, found: GeocodedAddress): boolean {
  if (!inTerritoryBounds(catalog, found.lon, found.lat)) return false
  // The communes of the territory, when the app knows them, decide; otherwise its bounds.
  if (catalog.communes.length === 0) return true
  return found.citycode !== null && resolveCommune(catalog, found.citycode) !== null
}

/** Places each row, exactly when the service found its address, else at its commune. */
export async function placeRows(
  unplaced: readonly UnplacedRow[],
  catalog: ImportCatalog,
  options: GeocoderOptions,
): Promise<PlacedRows> {
  if (unplaced.length === 0) return { rows: [], issues: [], geocoder: 'not-needed' }
  // Only rows with an address need the service: a commune alone is placed here.
  const withAddress = unplaced.filter((row) => row.address)
  const answer = withAddress.length > 0 ? await geocode(withAddress, options) : 'not-needed'
  const results = answer instanceof Map ? answer : new Map<number, GeocodedAddress>()
  const why =
    answer === 'offline'
      ? 'hors ligne ou sans service d’adresses'
      : answer === 'failed'
        ? 'le service national des adresses n’a pas répondu'
        : null

  const rows: ImportRow[] = []
  const issues: ImportIssue[] = []
  const warn = (line: number, message: string) =>
    issues.push({ line, field: null, severity: 'warning', message })

  for (const row of unplaced) {
    const found = results.get(row.line)
    const usable =
      found && found.score >= USABLE_SCORE && found.type !== 'municipality'
        ? insideTerritory(catalog, found)
        : false
    if (found && usable) {
      const commune =
        communeOf(catalog, row) ?? (found.citycode ? resolveCommune(catalog, found.citycode) : null)
      if (found.score < SURE_SCORE) {
        warn(
          row.line,
          `Position à vérifier (score ${score(found.score)}) : adresse trouvée ${quote(found.label)}.`,
        )
      }
      rows.push({
        ...row,
        communeInsee: row.communeInsee ?? commune?.inseeCode ?? null,
        communeName: row.communeName ?? commune?.name ?? null,
        lon: found.lon,
        lat: found.lat,
      })
      continue
    }

    const commune = communeOf(catalog, row)
    const point = commune?.geometry ? representativePoint(commune.geometry) : null
    if (!commune || !point) {
      issues.push({
        line: row.line,
        field: null,
        severity: 'error',
        message: commune
          ? `Impossible de placer le commerce : ${why ?? 'adresse non trouvée'}, et la commune ` +
            `${commune.name} n’a pas de contour connu. Ajoutez latitude et longitude.`
          : `Impossible de placer le commerce : ${why ?? 'adresse non trouvée dans le territoire'}, ` +
            `et aucune commune du territoire ${catalog.territory.name} n’est indiquée. ` +
            'Ajoutez la commune, ou latitude et longitude.',
      })
      continue
    }
    const reason =
      why ??
      (found
        ? found.type === 'municipality' || found.score < USABLE_SCORE
          ? `adresse non reconnue, la plus proche est ${quote(found.label)}`
          : `adresse trouvée hors du territoire, ${quote(found.label)}`
        : row.address
          ? 'adresse non trouvée'
          : 'pas d’adresse')
    issues.push({
      line: row.line,
      field: null,
      severity: 'warning',
      message: `Position approximative (commune) : placé au centre de ${commune.name} (${reason}).`,
      topic: 'approximate-position',
    })
    rows.push({
      ...row,
      communeInsee: commune.inseeCode,
      communeName: row.communeName ?? commune.name,
      lon: point[0],
      lat: point[1],
      positionApproximate: true,
    })
  }
  return { rows, issues, geocoder: answer instanceof Map ? 'used' : answer }
}
