import { shopId } from './ids'
import type { SeedShop, ShopKind, ShopService, ShopStatus } from './shop'
import { GRAND_POITIERS, NIORT_AGGLO } from './territories'
import type { Position } from './geo'

/**
 * Demo accounts and clearly fictional demo shops, so that every screen and rule has something to
 * show: each service filter, each status, an unpublished shop, merchants and curators.
 * Nothing here describes a real business.
 */

export interface DemoAccount {
  userId: string
  email: string
  displayName: string
  /** Shown on the demo sign-in screen. */
  description: string
  curates: string[]
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    userId: 'de000000-0000-4000-8000-000000000001',
    email: 'marchande@demo.vitrine.test',
    displayName: 'Camille',
    description:
      'Marchande : gère trois boutiques de démonstration à Poitiers, dont une non publiée.',
    curates: [],
  },
  {
    userId: 'de000000-0000-4000-8000-000000000002',
    email: 'marchand@demo.vitrine.test',
    displayName: 'Bruno',
    description: 'Marchand : gère deux boutiques de démonstration à Poitiers.',
    curates: [],
  },
  {
    userId: 'de000000-0000-4000-8000-000000000003',
    email: 'curatrice@demo.vitrine.test',
    displayName: 'Claire',
    description: 'Curatrice du territoire Grand Poitiers : ajoute, corrige et publie les fiches.',
    curates: [GRAND_POITIERS],
  },
  {
    userId: 'de000000-0000-4000-8000-000000000004',
    email: 'curateur.niort@demo.vitrine.test',
    displayName: 'Nicolas',
    description: 'Curateur du territoire Niort Agglo.',
    curates: [NIORT_AGGLO],
  },
  {
    userId: 'de000000-0000-4000-8000-000000000005',
    email: 'visiteur@demo.vitrine.test',
    displayName: 'Victor',
    description: 'Visiteur connecté, sans boutique ni territoire.',
    curates: [],
  },
]

export const DEMO_ATTRIBUTION = 'Fiche fictive de démonstration (Vitrine)'
export const DEMO_ADDRESS = 'Adresse fictive (démonstration)'
const POITIERS_INSEE = '86194'

interface DemoShopSpec {
  ref: string
  owner: 'marchande@demo.vitrine.test' | 'marchand@demo.vitrine.test' | null
  kind: ShopKind
  name: string
  categorySlug: string
  subcategorySlug: string
  description: string
  /** Inside the commune of Poitiers (checked by the unit tests). */
  location: Position
  openingHours: string
  orderingInstructions: string
  services: ShopService[]
  status: ShopStatus
  statusMessage: string | null
  closedUntilDaysAfterSeeding: number | null
  published: boolean
}

const SPECS: readonly DemoShopSpec[] = [
  {
    ref: 'demo-1',
    owner: 'marchande@demo.vitrine.test',
    kind: 'artisan',
    name: 'Démo — Boulangerie des Halles',
    categorySlug: 'alimentation',
    subcategorySlug: 'boulangerie',
    description: 'Boulangerie fictive de démonstration : pains au levain, viennoiseries.',
    location: [0.3437, 46.5826],
    openingHours: 'Tu-Sa 07:00-19:30; Su 07:00-13:00; PH off',
    orderingInstructions:
      'Commandez la veille par téléphone avant 18 h, puis retirez votre commande en boutique.',
    services: ['click_and_collect', 'in_store'],
    status: 'open',
    statusMessage: 'Ouvert aux horaires habituels.',
    closedUntilDaysAfterSeeding: null,
    published: true,
  },
  {
    ref: 'demo-2',
    owner: null,
    kind: 'producteur',
    name: 'Démo — Les Paniers du Clain',
    categorySlug: 'alimentation',
    subcategorySlug: 'vente-a-la-ferme',
    description: 'Producteur fictif de démonstration : paniers de légumes de saison.',
    location: [0.3392, 46.5788],
    openingHours: 'We 16:00-19:00; Sa 09:00-12:30',
    orderingInstructions:
      'Composez votre panier sur le site avant le lundi soir ; livraison le mercredi dans Poitiers.',
    services: ['delivery', 'remote_ordering'],
    status: 'open',
    statusMessage: 'Livraisons le mercredi, retrait à la ferme le samedi matin.',
    closedUntilDaysAfterSeeding: null,
    published: true,
  },
  {
    ref: 'demo-3',
    owner: 'marchande@demo.vitrine.test',
    kind: 'commercant',
    name: 'Démo — Librairie La Page Blanche',
    categorySlug: 'culture',
    subcategorySlug: 'librairie',
    description: 'Librairie fictive de démonstration : romans, jeunesse, bande dessinée.',
    location: [0.3461, 46.5812],
    openingHours: 'Mo 14:00-19:00; Tu-Sa 10:00-19:00; PH off',
    orderingInstructions:
      'Réservez un livre par courriel en indiquant son titre ; nous l’envoyons par la poste ou le gardons en boutique.',
    services: ['shipping', 'gift_cards'],
    status: 'closed',
    statusMessage: 'Fermée pour inventaire. Les envois postaux et les cartes cadeaux continuent.',
    closedUntilDaysAfterSeeding: 21,
    published: true,
  },
  {
    ref: 'demo-4',
    owner: 'marchand@demo.vitrine.test',
    kind: 'artisan',
    name: 'Démo — Atelier Céramique du Pont-Neuf',
    categorySlug: 'maison',
    subcategorySlug: 'artisanat-d-art',
    description: 'Atelier fictif de démonstration : vaisselle et objets en grès tournés à la main.',
    location: [0.3497, 46.5806],
    openingHours: 'We-Fr 14:00-18:00; Sa 10:00-18:00',
    orderingInstructions: 'Prenez rendez-vous par téléphone pour visiter l’atelier.',
    services: ['visit_by_appointment'],
    status: 'unknown',
    statusMessage: null,
    closedUntilDaysAfterSeeding: null,
    published: true,
  },
  {
    ref: 'demo-5',
    owner: 'marchand@demo.vitrine.test',
    kind: 'commercant',
    name: 'Démo — Le Petit Bazar à Jouets',
    categorySlug: 'jeux-et-jouets',
    subcategorySlug: 'jouets',
    description: 'Magasin de jouets fictif de démonstration : jeux en bois, jeux de société.',
    location: [0.3418, 46.5848],
    openingHours: 'Mo-Sa 10:00-12:30,14:00-19:00; PH off',
    orderingInstructions:
      'Commandez sur le site ; nous vous prévenons par SMS quand la commande est prête à retirer.',
    services: ['click_and_collect', 'gift_cards'],
    status: 'open',
    statusMessage: null,
    closedUntilDaysAfterSeeding: null,
    published: true,
  },
  {
    ref: 'demo-6',
    owner: null,
    kind: 'artisan',
    name: 'Démo — Salon de coiffure Mélusine',
    categorySlug: 'mode-et-beaute',
    subcategorySlug: 'coiffeur',
    description: 'Salon de coiffure fictif de démonstration.',
    location: [0.3381, 46.5826],
    openingHours: 'Tu-Fr 09:00-18:30; Sa 08:30-16:00',
    orderingInstructions: 'Sur rendez-vous uniquement, par téléphone.',
    services: ['visit_by_appointment', 'in_store'],
    status: 'unknown',
    statusMessage: null,
    closedUntilDaysAfterSeeding: null,
    published: true,
  },
  {
    ref: 'demo-7',
    owner: null,
    kind: 'commercant',
    name: 'Démo — Café-restaurant du Baptistère',
    categorySlug: 'restauration',
    subcategorySlug: 'restaurant',
    description: 'Café-restaurant fictif de démonstration : cuisine du marché.',
    location: [0.3482, 46.5797],
    openingHours: 'Mo-Fr 11:30-14:30,18:30-22:00; Sa 18:30-22:30',
    orderingInstructions:
      'Appelez avant 11 h pour commander le plat du jour ; livraison à vélo dans le centre.',
    services: ['remote_ordering', 'delivery'],
    status: 'closed',
    statusMessage: 'Salle fermée ; les commandes par téléphone et la livraison continuent.',
    closedUntilDaysAfterSeeding: null,
    published: true,
  },
  {
    ref: 'demo-8',
    owner: 'marchande@demo.vitrine.test',
    kind: 'commercant',
    name: 'Démo — Fromagerie du Marché (non publiée)',
    categorySlug: 'alimentation',
    subcategorySlug: 'fromagerie',
    description: 'Fromagerie fictive de démonstration, en attente de publication par la curatrice.',
    location: [0.3426, 46.5775],
    openingHours: 'Tu-Sa 08:30-13:00,15:30-19:30; Su 09:00-12:30',
    orderingInstructions: 'Commandez vos plateaux 48 h à l’avance, par téléphone ou en boutique.',
    services: ['click_and_collect', 'in_store'],
    status: 'open',
    statusMessage: null,
    closedUntilDaysAfterSeeding: null,
    published: false,
  },
]

export function demoShops(): SeedShop[] {
  return SPECS.map((spec, index) => {
    const number = String(index + 1).padStart(2, '0')
    return {
      id: shopId('demo', spec.ref),
      territorySlug: GRAND_POITIERS,
      kind: spec.kind,
      name: spec.name,
      categorySlug: spec.categorySlug,
      subcategorySlug: spec.subcategorySlug,
      description: spec.description,
      address: DEMO_ADDRESS,
      postcode: '86000',
      communeInsee: POITIERS_INSEE,
      communeName: 'Poitiers',
      location: spec.location,
      locationApproximate: false,
      // Visibly fictitious: the Poitiers 05 49 prefix followed by zeros and the shop's number.
      phone: `05 49 00 00 ${number}`,
      email: `${spec.ref}@example.org`,
      website: `https://example.org/${spec.ref}`,
      openingHours: spec.openingHours,
      openingHoursNote: null,
      orderingInstructions: spec.orderingInstructions,
      services: spec.services,
      status: spec.status,
      statusMessage: spec.statusMessage,
      closedUntilDaysAfterSeeding: spec.closedUntilDaysAfterSeeding,
      published: spec.published,
      source: 'demo',
      sourceRef: spec.ref,
      sourceAttribution: DEMO_ATTRIBUTION,
    }
  })
}

export interface DemoMembership {
  shopId: string
  userId: string
  role: 'owner' | 'staff'
}

export function demoMemberships(): DemoMembership[] {
  return SPECS.filter((spec) => spec.owner !== null).map((spec) => {
    const account = DEMO_ACCOUNTS.find((a) => a.email === spec.owner)
    if (!account) throw new Error(`no demo account ${spec.owner}`)
    return { shopId: shopId('demo', spec.ref), userId: account.userId, role: 'owner' }
  })
}

export function demoCurators(): { territorySlug: string; userId: string }[] {
  return DEMO_ACCOUNTS.flatMap((account) =>
    account.curates.map((territorySlug) => ({ territorySlug, userId: account.userId })),
  )
}
