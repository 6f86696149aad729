import type { BackendError, BackendErrorKind } from '@/backend/errors'
import { toBackendError } from '@/backend/errors'
import { useLocaleStore, type Locale } from './locale-store'

/**
 * Every kind of backend error in a sentence a user understands, in both languages. The driver's
 * own words (SQL, PostgREST, English) never reach the page: they go to the console.
 */
const KIND_MESSAGES: Record<Locale, Record<BackendErrorKind, string>> = {
  fr: {
    network: 'Pas de connexion : rien n’a été perdu, réessayez quand le réseau revient.',
    unavailable: 'Le service ne répond pas pour l’instant : réessayez dans un moment.',
    forbidden: 'Vous n’avez pas le droit de faire ce changement.',
    'stale-update':
      'Modifié ailleurs : une version plus récente vient d’arriver. Vérifiez-la, puis refaites votre changement.',
    'not-found': 'Cet élément n’existe plus, ou vous n’y avez plus accès.',
    invalid: 'Une valeur a été refusée : vérifiez ce que vous avez saisi.',
    unknown: 'Une erreur inattendue est survenue : réessayez dans un moment.',
  },
  en: {
    network: 'No connection: nothing was lost, try again when the network is back.',
    unavailable: 'The service is not answering right now: try again in a moment.',
    forbidden: 'You are not allowed to make this change.',
    'stale-update':
      'Changed elsewhere: a newer version has just arrived. Check it, then make your change again.',
    'not-found': 'This item no longer exists, or you no longer have access to it.',
    invalid: 'A value was refused: check what you typed.',
    unknown: 'An unexpected error occurred: try again in a moment.',
  },
}

/** The fields a refusal can name, as the forms label them. */
const FIELD_LABELS: Record<Locale, Record<string, string>> = {
  fr: {
    name: 'le nom',
    description: 'la description',
    address: 'l’adresse',
    postcode: 'le code postal',
    phone: 'le téléphone',
    email: 'l’e-mail',
    website: 'le site web',
    social_links: 'les réseaux sociaux',
    opening_hours: 'les horaires',
    opening_hours_note: 'la note sur les horaires',
    ordering_instructions: 'la marche à suivre pour commander',
    status_message: 'le message aux clients',
    closed_until: 'la date « fermé jusqu’au »',
    services: 'les services',
  },
  en: {
    name: 'the name',
    description: 'the description',
    address: 'the address',
    postcode: 'the postcode',
    phone: 'the phone number',
    email: 'the e-mail address',
    website: 'the website',
    social_links: 'the social network links',
    opening_hours: 'the opening hours',
    opening_hours_note: 'the note on the hours',
    ordering_instructions: 'how to order',
    status_message: 'the message to shoppers',
    closed_until: 'the "closed until" date',
    services: 'the services',
  },
}

const INVALID_FIELD: Record<Locale, (field: string) => string> = {
  fr: (field) => `Valeur refusée pour ${field} : vérifiez ce que vous avez saisi.`,
  en: (field) => `The value of ${field} was refused: check what you typed.`,
}

const logged = new WeakSet<object>()

/** The raw detail, for whoever opens the console; once per error. */
function logOnce(original: unknown, error: BackendError) {
  const key = typeof original === 'object' && original !== null ? original : error
  if (logged.has(key)) return
  logged.add(key)
  console.warn(`[vitrine] ${error.kind}${error.code ? ` (${error.code})` : ''}: ${error.message}`)
}

/** A sentence for any error the backend (or a request) threw, in `locale`. */
export function backendErrorText(error: unknown, locale: Locale): string {
  const backendError = toBackendError(error)
  logOnce(error, backendError)
  const label = backendError.field ? FIELD_LABELS[locale][backendError.field] : undefined
  if (backendError.kind === 'invalid' && label) return INVALID_FIELD[locale](label)
  return KIND_MESSAGES[locale][backendError.kind]
}

/** `errorText(error)` in the current language. */
export function useErrorText() {
  const locale = useLocaleStore((s) => s.locale)
  return (error: unknown) => backendErrorText(error, locale)
}
