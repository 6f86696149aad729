import { useLocaleStore, type Locale } from './locale-store'

const fr = {
  'app.tagline': 'Les commerces ouverts près de chez vous',
  'map.label': 'Carte des commerces',
  'list.label': 'Résultats',
  'list.count': (n: number) => (n <= 1 ? `${n} lieu` : `${n} lieux`),
  'list.loading': 'Chargement des lieux…',
  'list.error': 'Les lieux n’ont pas pu être chargés.',
  'list.retry': 'Réessayer',
  'list.empty': 'Aucun lieu n’est encore référencé sur ce territoire.',
  'status.open': 'Ouvert',
  'status.closed': 'Fermé',
  'status.unknown': 'Statut inconnu',
  'kind.commercant': 'Commerçant',
  'kind.artisan': 'Artisan',
  'kind.producteur': 'Producteur',
  'kind.marche': 'Marché',
  'kind.service_public': 'Service public',
  'legend.title': 'Légende',
  'account.signIn': 'Se connecter',
  'account.signOut': 'Se déconnecter',
  'account.demoTitle': 'Comptes de démonstration',
  'account.demoNote':
    'Démonstration : les données restent dans ce navigateur. Choisissez un compte pour essayer.',
  'account.signedInAs': (name: string) => `Connecté·e : ${name}`,
  'account.reset': 'Réinitialiser les données de démonstration',
  'account.resetConfirm':
    'Remettre toutes les données de démonstration à leur état initial ? Vos modifications seront perdues.',
  'account.resetDone': 'Les données de démonstration ont été réinitialisées.',
  'account.error': 'La connexion a échoué.',
  'account.close': 'Fermer',
  'credits.title': 'Sources et licences',
  'credits.osm': '© OpenStreetMap contributors',
  'credits.open':
    'IGN Admin Express, DGCL BANATIC, Grand Poitiers Open Data, La Poste (Licence Ouverte)',
  'locale.switch': 'English',
  'locale.switchLabel': 'Switch to English',
  'backend.embedded': 'Mode démonstration (base intégrée au navigateur)',
  'backend.failed': 'Vitrine n’a pas pu démarrer.',
}

type Messages = typeof fr

const en: Messages = {
  'app.tagline': 'Local shops open near you',
  'map.label': 'Map of shops',
  'list.label': 'Results',
  'list.count': (n: number) => (n === 1 ? '1 place' : `${n} places`),
  'list.loading': 'Loading places…',
  'list.error': 'The places could not be loaded.',
  'list.retry': 'Retry',
  'list.empty': 'No place is listed in this territory yet.',
  'status.open': 'Open',
  'status.closed': 'Closed',
  'status.unknown': 'Status unknown',
  'kind.commercant': 'Shop',
  'kind.artisan': 'Craftsperson',
  'kind.producteur': 'Producer',
  'kind.marche': 'Market',
  'kind.service_public': 'Public service',
  'legend.title': 'Legend',
  'account.signIn': 'Sign in',
  'account.signOut': 'Sign out',
  'account.demoTitle': 'Demonstration accounts',
  'account.demoNote': 'Demonstration: data stays in this browser. Pick an account to try it.',
  'account.signedInAs': (name: string) => `Signed in: ${name}`,
  'account.reset': 'Reset the demonstration data',
  'account.resetConfirm':
    'Restore all demonstration data to its initial state? Your changes will be lost.',
  'account.resetDone': 'The demonstration data has been reset.',
  'account.error': 'Sign-in failed.',
  'account.close': 'Close',
  'credits.title': 'Sources and licences',
  'credits.osm': '© OpenStreetMap contributors',
  'credits.open':
    'IGN Admin Express, DGCL BANATIC, Grand Poitiers Open Data, La Poste (Licence Ouverte)',
  'locale.switch': 'Français',
  'locale.switchLabel': 'Passer en français',
  'backend.embedded': 'Demonstration mode (database in your browser)',
  'backend.failed': 'Vitrine could not start.',
}

const messages: Record<Locale, Messages> = { fr, en }

export type MessageKey = keyof Messages

export function translate(locale: Locale) {
  return <K extends MessageKey>(key: K): Messages[K] => messages[locale][key]
}

/** `t('list.count')(3)` for messages with arguments, `t('map.label')` for plain ones. */
export function useT() {
  const locale = useLocaleStore((s) => s.locale)
  return translate(locale)
}

/** MapLibre's own control labels. */
export const MAP_CONTROL_LOCALE: Record<Locale, Record<string, string>> = {
  fr: {
    'NavigationControl.ZoomIn': 'Zoomer',
    'NavigationControl.ZoomOut': 'Dézoomer',
    'AttributionControl.ToggleAttribution': 'Afficher les crédits',
  },
  en: {},
}
