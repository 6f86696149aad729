import { join } from 'node:path'
import type { Feature } from '../../supabase/seed-generator/inputs'
import type { PlaceContext } from '../../supabase/seed-generator/map-equipements'
import { buildSeedModel } from '../../supabase/seed-generator/seed-builder'
import { readSeedInputs } from '../../supabase/seed-generator/inputs'

export const DATA_DIR = join(import.meta.dirname, '..', '..', 'supabase', 'data')

export const inputs = readSeedInputs(DATA_DIR)
export const model = buildSeedModel(inputs)

const grandPoitiers = model.territories.find((t) => t.slug === 'grand-poitiers')!
const niort = model.territories.find((t) => t.slug === 'niort-agglo')!

export const gpContext: PlaceContext = {
  territory: grandPoitiers,
  communes: new Map(
    model.communes.filter((c) => c.territorySlug === 'grand-poitiers').map((c) => [c.inseeCode, c]),
  ),
}

export const niortContext: PlaceContext = {
  territory: niort,
  communes: new Map(
    model.communes.filter((c) => c.territorySlug === 'niort-agglo').map((c) => [c.inseeCode, c]),
  ),
}

export function point(properties: Record<string, unknown>, coordinates: [number, number]): Feature {
  return { type: 'Feature', properties, geometry: { type: 'Point', coordinates } }
}

/** A market as the Grand Poitiers file writes it. */
export function market(overrides: Record<string, unknown> = {}): Feature {
  return point(
    {
      OBJECTID: 286,
      Thème: 'ENVIRONNEMENT',
      Sous_thème: 'MARCHE',
      Identifiant_de_l_équipement: 861,
      Nom_de_l_équipement: 'MARCHE DE BERUGES',
      Adresse: "PLACE DE L'EGLISE",
      Code_postal: '86190',
      Commune: 'BERUGES',
      Téléphone: null,
      'E-mail': null,
      Site_web: null,
      Horaires_d_ouvertures: 'Mercredi de 8h à 13h',
      code_insee: '86024',
      ...overrides,
    },
    [0.206348098126211, 46.56744618724978],
  )
}
