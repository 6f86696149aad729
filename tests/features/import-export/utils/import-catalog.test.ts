import { describe, expect, it } from 'vitest'
import { SHOP_SERVICES } from '@/backend/types'
import {
  communeAt,
  compactKey,
  hasCommuneOutlines,
  inTerritoryBounds,
  resolveCategory,
  resolveCommune,
  resolveKind,
  resolveService,
  resolveSubcategory,
  serviceSynonyms,
  subcategoryForOsmTags,
} from '@/features/import-export/utils/import-catalog'
import {
  BUXEROLLES_INSEE,
  POITIERS_INSEE,
  grandPoitiersCatalog,
  poitiersBuxerollesCatalog,
} from '../../../fixtures/curation/catalog'

const catalog = grandPoitiersCatalog()

describe('compactKey', () => {
  it('ignores case, accents, ligatures, punctuation and spaces', () => {
    expect(compactKey('Sous-catégorie')).toBe('souscategorie')
    expect(compactKey(' SOUS_CATÉGORIE ')).toBe('souscategorie')
    expect(compactKey('Bons d’achat')).toBe(compactKey("bons d'achat"))
    expect(compactKey('Cœur')).toBe('coeur')
  })
})

describe('resolveCategory', () => {
  it('finds a category from its French name, slug or English name, however written', () => {
    for (const text of ['Santé', 'sante', 'SANTE', ' santé ', 'Health']) {
      expect(resolveCategory(catalog, text)?.slug).toBe('sante')
    }
    expect(resolveCategory(catalog, 'jeux et jouets')?.slug).toBe('jeux-et-jouets')
    expect(resolveCategory(catalog, 'Mode & beauté')).toBeNull()
    expect(resolveCategory(catalog, 'Automobile')).toBeNull()
    expect(resolveCategory(catalog, '')).toBeNull()
  })

  it('uses the lists it is given, not a bundled copy', () => {
    const custom = { ...catalog, categories: [{ slug: 'velo', nameFr: 'Vélo', nameEn: 'Bike' }] }
    expect(resolveCategory(custom, 'velo')?.slug).toBe('velo')
    expect(resolveCategory(custom, 'Santé')).toBeNull()
  })
})

describe('resolveSubcategory', () => {
  it('finds a subcategory from its full name, slug, or one unambiguous part of its name', () => {
    expect(resolveSubcategory(catalog, 'Boulangerie, pâtisserie')?.slug).toBe('boulangerie')
    expect(resolveSubcategory(catalog, 'boulangerie')?.slug).toBe('boulangerie')
    expect(resolveSubcategory(catalog, 'Pâtisserie')?.slug).toBe('boulangerie')
    expect(resolveSubcategory(catalog, 'Médiathèque')?.slug).toBe('bibliotheque')
    expect(resolveSubcategory(catalog, 'Epicerie')?.slug).toBe('epicerie')
    expect(resolveSubcategory(catalog, 'Fruits et légumes')?.slug).toBe('primeur')
  })

  it('narrows to the category when one is given', () => {
    expect(resolveSubcategory(catalog, 'Pharmacie', 'sante')?.slug).toBe('pharmacie')
    expect(resolveSubcategory(catalog, 'Pharmacie', 'alimentation')).toBeNull()
  })

  it('refuses a name two subcategories share', () => {
    const twice = {
      ...catalog,
      subcategories: [
        {
          slug: 'a',
          categorySlug: 'maison',
          nameFr: 'Bricolage, jardin',
          nameEn: 'A',
          osmTags: [],
        },
        {
          slug: 'b',
          categorySlug: 'maison',
          nameFr: 'Bricolage, outils',
          nameEn: 'B',
          osmTags: [],
        },
      ],
    }
    expect(resolveSubcategory(twice, 'Bricolage')).toBeNull()
    expect(resolveSubcategory(twice, 'Outils')?.slug).toBe('b')
  })
})

describe('resolveKind', () => {
  it('reads French words, with or without accents, and the codes', () => {
    expect(resolveKind('Commerçant')).toBe('commercant')
    expect(resolveKind('commercant')).toBe('commercant')
    expect(resolveKind('Commerce')).toBe('commercant')
    expect(resolveKind('ARTISAN')).toBe('artisan')
    expect(resolveKind('Producteur')).toBe('producteur')
    expect(resolveKind('Marché')).toBe('marche')
    expect(resolveKind('marche')).toBe('marche')
    expect(resolveKind('Service public')).toBe('service_public')
    expect(resolveKind('service_public')).toBe('service_public')
    expect(resolveKind('Grossiste')).toBeNull()
  })
})

describe('resolveService', () => {
  it('reads the documented labels and their synonyms', () => {
    const expected: [string, string][] = [
      ['Click and collect', 'click_and_collect'],
      ['Click & Collect', 'click_and_collect'],
      ['Retrait en magasin', 'click_and_collect'],
      ['Livraison', 'delivery'],
      ['livraison à domicile', 'delivery'],
      ['Envoi postal', 'shipping'],
      ['Expédition', 'shipping'],
      ['Bons d’achat', 'gift_cards'],
      ["Bons d'achat", 'gift_cards'],
      ['Cartes cadeaux', 'gift_cards'],
      ['Visite sur rendez-vous', 'visit_by_appointment'],
      ['Sur RDV', 'visit_by_appointment'],
      ['Commande à distance', 'remote_ordering'],
      ['par téléphone', 'remote_ordering'],
      ['Commande à distance (téléphone, site)', 'remote_ordering'],
      ['Ouvert en magasin', 'in_store'],
      ['Accueil en magasin', 'in_store'],
      ['delivery', 'delivery'],
    ]
    for (const [label, service] of expected)
      expect([label, resolveService(label)]).toEqual([label, service])
  })

  it('maps every synonym to its own service and no label to two', () => {
    const seen = new Map<string, string>()
    for (const service of SHOP_SERVICES) {
      for (const label of serviceSynonyms(service)) {
        expect(resolveService(label)).toBe(service)
        const key = compactKey(label)
        expect(seen.get(key) ?? service).toBe(service)
        seen.set(key, service)
      }
    }
  })

  it('refuses what names no service', () => {
    expect(resolveService('Paiement sans contact')).toBeNull()
    expect(resolveService('sur place')).toBeNull()
    expect(resolveService('')).toBeNull()
  })
})

describe('communes', () => {
  it('finds a commune from its INSEE code or its name, "St" for "Saint"', () => {
    expect(resolveCommune(catalog, '86194')?.name).toBe('Poitiers')
    expect(resolveCommune(catalog, 'POITIERS')?.inseeCode).toBe('86194')
    expect(resolveCommune(catalog, 'St-Benoît')?.inseeCode).toBe('86214')
    expect(resolveCommune(catalog, 'saint georges les baillargeaux')?.inseeCode).toBe('86222')
    expect(resolveCommune(catalog, 'Niort')).toBeNull()
    expect(resolveCommune(catalog, '79191')).toBeNull()
  })

  it('locates a point in an outlined commune', () => {
    expect(communeAt(catalog, 0.3404, 46.5802)?.inseeCode).toBe(POITIERS_INSEE)
    expect(communeAt(catalog, 0.37, 46.605)?.inseeCode).toBe(BUXEROLLES_INSEE)
    // Chauvigny has no outline in this catalog.
    expect(communeAt(catalog, 0.646, 46.569)).toBeNull()
  })

  it('clips to outlines only when every commune has one', () => {
    expect(hasCommuneOutlines(catalog)).toBe(false)
    expect(hasCommuneOutlines(poitiersBuxerollesCatalog())).toBe(true)
    expect(hasCommuneOutlines({ ...catalog, communes: [] })).toBe(false)
  })

  it('checks the territory bounds', () => {
    expect(inTerritoryBounds(catalog, 0.3404, 46.5802)).toBe(true)
    expect(inTerritoryBounds(catalog, -1.1511, 46.1603)).toBe(false)
  })
})

describe('subcategoryForOsmTags', () => {
  it('reads amenity and shop before the secondary keys, and multi-valued tags', () => {
    expect(
      subcategoryForOsmTags(catalog, { amenity: 'pharmacy', healthcare: 'pharmacy' })?.slug,
    ).toBe('pharmacie')
    expect(subcategoryForOsmTags(catalog, { shop: 'pastry;bakery' })?.slug).toBe('boulangerie')
    expect(subcategoryForOsmTags(catalog, { craft: 'shoemaker' })?.slug).toBe('cordonnerie')
    expect(subcategoryForOsmTags(catalog, { amenity: 'recycling' })).toBeNull()
    expect(subcategoryForOsmTags(catalog, { name: 'Pharmacie' })).toBeNull()
  })
})
