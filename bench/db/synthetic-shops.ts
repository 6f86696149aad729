import type { ShopKind, ShopService, ShopStatus } from '../../src/backend/types'

/**
 * Synthetic shops spread over mainland France as a national directory would be: most around
 * towns (weighted by their population), a dense core and a suburban ring, and the rest in the
 * countryside. Generated inside PostgreSQL (generate_series) so that 400,000 rows take seconds.
 */

export const TERRITORY = 'bench-fr'
export const CATEGORIES = [
  'bench-alimentation',
  'bench-sante',
  'bench-mode',
  'bench-maison',
  'bench-culture',
  'bench-services',
  'bench-restauration',
  'bench-loisirs',
]
export const KINDS: ShopKind[] = ['commercant', 'artisan', 'producteur', 'marche', 'service_public']
export const SERVICES: ShopService[] = [
  'click_and_collect',
  'delivery',
  'shipping',
  'gift_cards',
  'visit_by_appointment',
  'remote_ordering',
  'in_store',
]
export const STATUSES: ShopStatus[] = ['open', 'closed', 'unknown']
export const NAME_WORDS = [
  'boulangerie',
  'pharmacie',
  'librairie',
  'fromagerie',
  'épicerie',
  'fleuriste',
  'cordonnerie',
  'quincaillerie',
  'boucherie',
  'caviste',
  'pâtisserie',
  'opticien',
]

/** [name, lon, lat, population in thousands] */
export const CITIES: [string, number, number, number][] = [
  ['Paris', 2.35, 48.857, 2100],
  ['Marseille', 5.37, 43.296, 870],
  ['Lyon', 4.835, 45.764, 520],
  ['Toulouse', 1.444, 43.605, 500],
  ['Nice', 7.262, 43.71, 340],
  ['Nantes', -1.554, 47.218, 320],
  ['Montpellier', 3.877, 43.611, 300],
  ['Strasbourg', 7.752, 48.573, 290],
  ['Bordeaux', -0.579, 44.838, 260],
  ['Lille', 3.057, 50.629, 235],
  ['Rennes', -1.678, 48.117, 225],
  ['Reims', 4.032, 49.258, 180],
  ['Toulon', 5.928, 43.124, 180],
  ['Saint-Étienne', 4.387, 45.434, 175],
  ['Le Havre', 0.108, 49.494, 170],
  ['Grenoble', 5.724, 45.188, 160],
  ['Dijon', 5.041, 47.322, 160],
  ['Angers', -0.553, 47.478, 155],
  ['Nîmes', 4.36, 43.837, 150],
  ['Clermont-Ferrand', 3.087, 45.777, 147],
  ['Le Mans', 0.199, 48.007, 145],
  ['Aix-en-Provence', 5.447, 43.529, 145],
  ['Brest', -4.486, 48.39, 140],
  ['Tours', 0.684, 47.394, 137],
  ['Amiens', 2.295, 49.894, 134],
  ['Limoges', 1.261, 45.833, 131],
  ['Perpignan', 2.895, 42.699, 120],
  ['Metz', 6.176, 49.119, 118],
  ['Besançon', 6.024, 47.238, 117],
  ['Orléans', 1.909, 47.903, 116],
  ['Rouen', 1.099, 49.443, 114],
  ['Mulhouse', 7.338, 47.75, 108],
  ['Caen', -0.37, 49.182, 106],
  ['Nancy', 6.184, 48.692, 104],
  ['Poitiers', 0.34, 46.58, 89],
  ['Pau', -0.37, 43.295, 75],
  ['La Rochelle', -1.152, 46.16, 77],
  ['Niort', -0.459, 46.323, 59],
  ['Angoulême', 0.156, 45.649, 42],
  ['Saintes', -0.633, 45.746, 25],
  ['Bayonne', -1.475, 43.493, 52],
  ['Avignon', 4.806, 43.949, 91],
  ['Valence', 4.892, 44.933, 64],
  ['Chambéry', 5.917, 45.564, 59],
  ['Annecy', 6.129, 45.899, 131],
  ['Troyes', 4.074, 48.297, 62],
  ['Bourges', 2.398, 47.081, 64],
  ['Quimper', -4.102, 47.996, 63],
  ['Vannes', -2.76, 47.658, 54],
  ['Lorient', -3.37, 47.748, 57],
  ['Colmar', 7.358, 48.079, 67],
  ['Calais', 1.858, 50.951, 67],
  ['Ajaccio', 8.737, 41.919, 72],
  ['Bastia', 9.45, 42.697, 48],
  ['Brive', 1.533, 45.159, 46],
  ['Aurillac', 2.445, 44.926, 26],
  ['Rodez', 2.575, 44.35, 24],
  ['Gap', 6.079, 44.559, 41],
  ['Auxerre', 3.573, 47.798, 34],
  ['Nevers', 3.159, 46.99, 33],
]

/** (east, north), (west, south): mainland France and Corsica. */
const BOUNDS = 'box(point(9.7, 51.2), point(-5.3, 41.3))'

export function setupSql(): string {
  const categories = CATEGORIES.map((slug, i) => `('${slug}', '${slug}', '${slug}', ${i})`).join(
    ', ',
  )
  return `
    insert into public.territories (slug, name, centre, bounds, sort_order)
      values ('${TERRITORY}', 'France (benchmark)', point(2.5, 46.6), ${BOUNDS}, 999);
    insert into public.categories (slug, name_fr, name_en, sort_order) values ${categories};
  `
}

/**
 * Shops number `from` to `to`, deterministic (setseed). Triggers are skipped for the bulk load
 * (session_replication_role): they check each location against the territory and write one
 * history row per shop, which a benchmark of reads does not need. Locations are clamped to the
 * territory's bounds, which the skipped trigger would have checked.
 *
 * `oneTown` reproduces the first version of this generator, whose town weights were truncated by
 * an integer division: every town shop landed around Vannes (85% of all shops within 50 km).
 * No French town is that dense, but it is the worst case of a crowded viewport with rare
 * filters, so the benchmark keeps measuring it beside the realistic spread.
 */
export function insertShopsSql(from: number, to: number, { oneTown = false } = {}): string {
  const cities = CITIES.map(
    ([name, lon, lat, pop]) => `('${name.replace(/'/g, "''")}', ${lon}, ${lat}, ${pop})`,
  ).join(',\n      ')
  const arr = (values: readonly string[]) => `array[${values.map((v) => `'${v}'`).join(', ')}]`
  return `
  select setseed(${(from % 1000) / 1000});
  set session_replication_role = replica;
  with cities(name, lon, lat, pop) as (values
      ${cities}),
    weighted as (
      select name, lon, lat,
             sum(pop) over (order by name)${oneTown ? '' : '::double precision'} / sum(pop) over () as upto
        from cities),
    draws as (
      select g, random() as pick, random() as rural, random() as ring,
             sqrt(-2 * ln(1 - random())) as radius, 2 * pi() * random() as angle,
             random() as r1, random() as r2, random() as r3, random() as r4, random() as r5,
             random() as r6, random() as r7, random() as r8
        from generate_series(${from}, ${to}) g),
    placed as (
      select d.*, c.name as city,
             case when d.rural < 0.15 then -4.5 + 12 * d.r8
                  else c.lon + d.radius * cos(d.angle) * (case when d.ring < 0.6 then 0.03 else 0.25 end) / cos(radians(c.lat))
             end as lon,
             case when d.rural < 0.15 then 43.2 + 7.3 * d.r7
                  else c.lat + d.radius * sin(d.angle) * (case when d.ring < 0.6 then 0.03 else 0.25 end)
             end as lat
        from draws d
        cross join lateral (select * from weighted w where w.upto >= d.pick order by w.upto limit 1) c)
  insert into public.shops (territory_slug, kind, name, category_slug, commune_name, location,
    services, status, status_updated_at, published, source, source_ref)
  select '${TERRITORY}',
         (${arr(KINDS)})[1 + floor(r1 * r1 * ${KINDS.length})::int],
         initcap((${arr(NAME_WORDS)})[1 + floor(r2 * ${NAME_WORDS.length})::int]) || ' ' || city || ' ' || g,
         (${arr(CATEGORIES)})[1 + floor(r3 * ${CATEGORIES.length})::int],
         case when rural < 0.15 then 'Village ' || (g % 5000) else city end,
         point(least(9.6, greatest(-5.2, lon)), least(51.1, greatest(41.4, lat))),
         array(select s from unnest(${arr(SERVICES)}::public.shop_service[]) with ordinality u(s, i)
                where ((g * 2654435761::bigint) >> i::int) % 3 = 0),
         case when r4 < 0.45 then 'open' when r4 < 0.65 then 'closed' else 'unknown' end,
         case when r4 < 0.65 then now() - r5 * interval '14 days' end,
         r6 < 0.95,
         'import',
         'bench/' || g
    from placed;
  set session_replication_role = origin;
  `
}
