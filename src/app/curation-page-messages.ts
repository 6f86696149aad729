import type { Locale } from '@/lib/locale-store'

/** The curators' space around its parts: title, sign-in, territory, loading. */
const fr = {
  title: 'Espace curateurs',
  signInFirst: 'Connectez-vous avec un compte de curateur pour gérer un territoire.',
  notCurator:
    'Ce compte ne gère aucun territoire. Les curateurs sont désignés par l’administrateur de Vitrine.',
  territory: 'Territoire',
  loading: 'Chargement…',
  loadError: 'Impossible de charger ces données.',
  retry: 'Réessayer',
}

type CurationPageMessages = typeof fr

const en: CurationPageMessages = {
  title: 'Curators’ space',
  signInFirst: 'Sign in with a curator account to manage a territory.',
  notCurator:
    'This account manages no territory. Curators are appointed by Vitrine’s administrator.',
  territory: 'Territory',
  loading: 'Loading…',
  loadError: 'These data could not be loaded.',
  retry: 'Try again',
}

export const curationPageMessages: Record<Locale, CurationPageMessages> = { fr, en }
