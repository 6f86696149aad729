import type { Locale } from '@/lib/locale-store'

/** The territory's dashboard. */
const fr = {
  dashboard: 'Tableau de bord',
  published: 'Publiés',
  openNow: 'Ouverts maintenant',
  open: 'Ouverts',
  closed: 'Fermés',
  unknown: 'Statut inconnu',
  toConfirm: 'À confirmer (plus de 7 jours)',
  pending: 'Demandes en attente',
  unpublished: 'Non publiés',
  servicesCaption: (published: number) =>
    `Commerces publiés proposant chaque service (sur ${published})`,
  byCommune: 'Par commune',
  commune: 'Commune',
  shopsCount: 'Commerces',
  shopsTitle: 'Commerces du territoire',
  sortBy: 'Trier par',
  sort: {
    lastUpdate: 'dernière nouvelle (la plus ancienne d’abord)',
    name: 'nom',
    commune: 'commune',
    status: 'statut',
  },
  filterSilent: 'Seulement ceux à relancer (à confirmer ou inconnus)',
  name: 'Nom',
  status: 'Statut',
  lastNews: 'Dernière nouvelle',
  never: 'jamais',
  statusLabel: { open: 'Ouvert', closed: 'Fermé', unknown: 'Inconnu', 'to-confirm': 'À confirmer' },
  notPublished: '(non publié)',
}

type DashboardMessages = typeof fr

const en: DashboardMessages = {
  dashboard: 'Dashboard',
  published: 'Published',
  openNow: 'Open now',
  open: 'Open',
  closed: 'Closed',
  unknown: 'Status unknown',
  toConfirm: 'To confirm (over 7 days)',
  pending: 'Pending requests',
  unpublished: 'Not published',
  servicesCaption: (published: number) => `Published shops offering each service (of ${published})`,
  byCommune: 'By commune',
  commune: 'Commune',
  shopsCount: 'Shops',
  shopsTitle: 'The territory’s shops',
  sortBy: 'Sort by',
  sort: {
    lastUpdate: 'last news (oldest first)',
    name: 'name',
    commune: 'commune',
    status: 'status',
  },
  filterSilent: 'Only those to chase (to confirm or unknown)',
  name: 'Name',
  status: 'Status',
  lastNews: 'Last news',
  never: 'never',
  statusLabel: { open: 'Open', closed: 'Closed', unknown: 'Unknown', 'to-confirm': 'To confirm' },
  notPublished: '(not published)',
}

export const dashboardMessages: Record<Locale, DashboardMessages> = { fr, en }
