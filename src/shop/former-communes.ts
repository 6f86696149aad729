/**
 * Communes merged into a "commune nouvelle", whose old names people still write (they often stay
 * the postal locality: La Poste's 2016 file says "JAUNAY CLAN", "BEAUMONT"). Each entry names the
 * current commune's INSEE code and the former communes' names. Source: INSEE, Code officiel
 * géographique, "communes nouvelles" of 2017-01-01 in the Vienne, Licence Ouverte; extend it with
 * the departments a territory covers.
 */
export const FORMER_COMMUNE_NAMES: ReadonlyMap<string, readonly string[]> = new Map([
  // Beaumont Saint-Cyr (86019), from Beaumont and Saint-Cyr on 2017-01-01.
  ['86019', ['Beaumont', 'Saint-Cyr']],
  // Jaunay-Marigny (86115), from Jaunay-Clan and Marigny-Brizay on 2017-01-01.
  ['86115', ['Jaunay-Clan', 'Marigny-Brizay']],
])
