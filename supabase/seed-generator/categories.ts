/**
 * Reference lists: categories, subcategories (with the OpenStreetMap tags that map to them) and
 * the service labels. The first five categories are those of the Grand Poitiers directory of
 * open shops; the last three cover the other shops a town centre has.
 */

export interface Category {
  slug: string
  nameFr: string
  nameEn: string
}

export interface Subcategory {
  slug: string
  categorySlug: string
  nameFr: string
  nameEn: string
  /** OSM `key=value` tags; each tag belongs to one subcategory at most. */
  osmTags: string[]
}

export const CATEGORIES: readonly Category[] = [
  { slug: 'alimentation', nameFr: 'Alimentation', nameEn: 'Food' },
  { slug: 'sante', nameFr: 'Santé', nameEn: 'Health' },
  { slug: 'culture', nameFr: 'Culture', nameEn: 'Culture' },
  { slug: 'services', nameFr: 'Services', nameEn: 'Services' },
  { slug: 'jeux-et-jouets', nameFr: 'Jeux et jouets', nameEn: 'Games and toys' },
  { slug: 'mode-et-beaute', nameFr: 'Mode et beauté', nameEn: 'Fashion and beauty' },
  { slug: 'maison', nameFr: 'Maison', nameEn: 'Home' },
  { slug: 'restauration', nameFr: 'Restauration', nameEn: 'Food and drink' },
]

type SubcategoryEntry = [slug: string, nameFr: string, nameEn: string, osmTags: string[]]

const SUBCATEGORIES_BY_CATEGORY: Record<string, SubcategoryEntry[]> = {
  alimentation: [
    [
      'boulangerie',
      'Boulangerie, pâtisserie',
      'Bakery, pastry shop',
      ['shop=bakery', 'shop=pastry'],
    ],
    ['boucherie', 'Boucherie, charcuterie', 'Butcher', ['shop=butcher']],
    ['fromagerie', 'Fromagerie, crèmerie', 'Cheese shop', ['shop=cheese', 'shop=dairy']],
    ['primeur', 'Fruits et légumes', 'Greengrocer', ['shop=greengrocer']],
    ['poissonnerie', 'Poissonnerie', 'Fishmonger', ['shop=seafood']],
    [
      'epicerie',
      'Épicerie, supérette',
      'Grocery, convenience store',
      ['shop=convenience', 'shop=supermarket', 'shop=general', 'shop=deli'],
    ],
    ['caviste', 'Caviste', 'Wine shop', ['shop=wine', 'shop=alcohol']],
    ['vente-a-la-ferme', 'Vente à la ferme', 'Farm shop', ['shop=farm']],
    ['marche', 'Marché', 'Market', ['amenity=marketplace']],
    // Food aid shops; OSM files them as food banks.
    [
      'epicerie-sociale',
      'Épicerie sociale et solidaire',
      'Social grocery',
      ['social_facility=food_bank'],
    ],
  ],
  sante: [
    ['pharmacie', 'Pharmacie', 'Pharmacy', ['amenity=pharmacy', 'healthcare=pharmacy']],
    ['opticien', 'Opticien', 'Optician', ['shop=optician']],
    ['audioprothesiste', 'Audioprothésiste', 'Hearing aids', ['shop=hearing_aids']],
    ['materiel-medical', 'Matériel médical', 'Medical supplies', ['shop=medical_supply']],
    ['herboristerie', 'Herboristerie', 'Herbalist', ['shop=herbalist']],
  ],
  culture: [
    ['librairie', 'Librairie', 'Bookshop', ['shop=books']],
    ['bibliotheque', 'Bibliothèque, médiathèque', 'Library', ['amenity=library']],
    ['cinema', 'Cinéma', 'Cinema', ['amenity=cinema']],
    [
      'theatre',
      'Théâtre, salle de spectacle',
      'Theatre, performance venue',
      ['amenity=theatre', 'amenity=arts_centre'],
    ],
    ['musee', 'Musée', 'Museum', ['tourism=museum']],
    ['galerie', 'Galerie d’art', 'Art gallery', ['tourism=gallery', 'shop=art']],
    ['disquaire', 'Disquaire', 'Record shop', ['shop=music']],
    [
      'instruments-de-musique',
      'Instruments de musique',
      'Musical instruments',
      ['shop=musical_instrument'],
    ],
  ],
  services: [
    ['bureau-de-poste', 'Bureau de poste', 'Post office', ['amenity=post_office']],
    // Town-hall post counters have no OSM tag of their own (they are amenity=post_office).
    ['agence-postale', 'Agence postale communale', 'Municipal post office', []],
    ['relais-poste', 'Relais poste', 'Post partner shop', ['post_office=post_partner']],
    ['tabac-presse', 'Tabac, presse', 'Tobacconist, newsagent', ['shop=tobacco', 'shop=newsagent']],
    [
      'pressing',
      'Pressing, laverie',
      'Dry cleaning, laundry',
      ['shop=dry_cleaning', 'shop=laundry'],
    ],
    [
      'cordonnerie',
      'Cordonnerie, clés',
      'Shoe repair, key cutting',
      ['craft=shoemaker', 'shop=shoe_repair', 'craft=key_cutter'],
    ],
    [
      'reparation',
      'Réparation',
      'Repair shop',
      ['shop=repair', 'shop=mobile_phone', 'shop=computer'],
    ],
  ],
  'jeux-et-jouets': [
    ['jouets', 'Jouets', 'Toys', ['shop=toys']],
    ['jeux-de-societe', 'Jeux de société', 'Board games', ['shop=games']],
    ['jeux-video', 'Jeux vidéo', 'Video games', ['shop=video_games']],
    [
      'loisirs-creatifs',
      'Loisirs créatifs, modélisme',
      'Crafts and hobbies',
      ['shop=craft', 'shop=model'],
    ],
    ['ludotheque', 'Ludothèque', 'Toy library', ['amenity=toy_library']],
  ],
  'mode-et-beaute': [
    ['vetements', 'Vêtements', 'Clothes', ['shop=clothes', 'shop=boutique', 'shop=fashion']],
    ['chaussures', 'Chaussures', 'Shoes', ['shop=shoes']],
    ['coiffeur', 'Coiffeur', 'Hairdresser', ['shop=hairdresser']],
    [
      'beaute',
      'Beauté, parfumerie',
      'Beauty, perfumery',
      ['shop=beauty', 'shop=cosmetics', 'shop=perfumery'],
    ],
    [
      'bijouterie',
      'Bijouterie, horlogerie',
      'Jewellery, watches',
      ['shop=jewelry', 'shop=watches'],
    ],
    ['maroquinerie', 'Maroquinerie', 'Leather goods, bags', ['shop=bag', 'shop=leather']],
  ],
  maison: [
    [
      'quincaillerie',
      'Quincaillerie, bricolage',
      'Hardware, DIY',
      ['shop=hardware', 'shop=doityourself'],
    ],
    [
      'decoration',
      'Décoration, arts de la table',
      'Decoration, houseware',
      ['shop=interior_decoration', 'shop=houseware'],
    ],
    ['meubles', 'Meubles', 'Furniture', ['shop=furniture']],
    [
      'fleuriste',
      'Fleuriste, jardinerie',
      'Florist, garden centre',
      ['shop=florist', 'shop=garden_centre'],
    ],
    [
      'electromenager',
      'Électroménager, électronique',
      'Appliances, electronics',
      ['shop=appliance', 'shop=electronics'],
    ],
    [
      'artisanat-d-art',
      'Artisanat d’art',
      'Arts and crafts workshop',
      ['craft=pottery', 'shop=pottery'],
    ],
  ],
  restauration: [
    ['restaurant', 'Restaurant', 'Restaurant', ['amenity=restaurant']],
    ['cafe', 'Café, salon de thé', 'Café, tea room', ['amenity=cafe', 'shop=tea', 'shop=coffee']],
    ['bar', 'Bar', 'Bar, pub', ['amenity=bar', 'amenity=pub']],
    ['restauration-rapide', 'Restauration rapide', 'Fast food', ['amenity=fast_food']],
    ['glacier', 'Glacier', 'Ice cream', ['amenity=ice_cream']],
    ['traiteur', 'Traiteur', 'Caterer', ['craft=caterer']],
  ],
}

export const SUBCATEGORIES: readonly Subcategory[] = CATEGORIES.flatMap((category) =>
  (SUBCATEGORIES_BY_CATEGORY[category.slug] ?? []).map(([slug, nameFr, nameEn, osmTags]) => ({
    slug,
    categorySlug: category.slug,
    nameFr,
    nameEn,
    osmTags,
  })),
)

export function subcategory(slug: string): Subcategory {
  const found = SUBCATEGORIES.find((s) => s.slug === slug)
  if (!found) throw new Error(`unknown subcategory ${slug}`)
  return found
}

/**
 * The subcategory of an OSM feature, from its tags. `amenity`/`shop` are tried before the
 * secondary keys (`healthcare`, `craft`...) because they name what the place mainly is.
 */
export function subcategoryForOsmTags(tags: Record<string, unknown>): Subcategory | null {
  const keys = [
    'amenity',
    'shop',
    'tourism',
    'craft',
    'healthcare',
    'social_facility',
    'post_office',
  ]
  for (const key of keys) {
    const value = tags[key]
    if (typeof value !== 'string') continue
    for (const part of value.split(';')) {
      const tag = `${key}=${part.trim()}`
      const found = SUBCATEGORIES.find((s) => s.osmTags.includes(tag))
      if (found) return found
    }
  }
  return null
}

export interface ServiceLabel {
  code: string
  nameFr: string
  nameEn: string
}

/** Labels of the `public.shop_service` enum, in the schema's order. */
export const SERVICES: readonly ServiceLabel[] = [
  { code: 'click_and_collect', nameFr: 'Retrait en magasin', nameEn: 'Click and collect' },
  { code: 'delivery', nameFr: 'Livraison', nameEn: 'Delivery' },
  { code: 'shipping', nameFr: 'Envoi postal', nameEn: 'Shipping' },
  { code: 'gift_cards', nameFr: 'Cartes cadeaux', nameEn: 'Gift cards' },
  {
    code: 'visit_by_appointment',
    nameFr: 'Visite sur rendez-vous',
    nameEn: 'Visit by appointment',
  },
  {
    code: 'remote_ordering',
    nameFr: 'Commande à distance (téléphone, site)',
    nameEn: 'Remote ordering (phone, website)',
  },
  { code: 'in_store', nameFr: 'Accueil en boutique', nameEn: 'In-store service' },
]
