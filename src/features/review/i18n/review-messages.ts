import type { Locale } from '@/lib/locale-store'

/** The curators' review of referencing requests. */
const fr = {
  queue: 'Demandes de référencement',
  queueEmpty: 'Aucune demande en attente.',
  submittedOn: (date: string) => `Envoyée le ${date}`,
  publish: 'Publier',
  refuse: 'Refuser',
  refusalReason: 'Motif du refus (envoyé au commerçant)',
  refusalRequired: 'Indiquez le motif du refus.',
  confirmRefuse: 'Confirmer le refus',
  cancel: 'Annuler',
  duplicatesTitle: 'Doublons possibles',
  duplicateName: (name: string, metres: number) =>
    `« ${name} » à ${Math.round(metres)} m (même nom)`,
  duplicatePhone: (name: string) => `« ${name} » (même téléphone)`,
  noDuplicates: 'Aucun doublon trouvé.',
  staleReview: 'Cette demande a changé entre-temps : voici sa version actuelle.',
  reviewed: { published: 'Publiée', refused: 'Refusée', pending: 'En attente' },
}

type ReviewMessages = typeof fr

const en: ReviewMessages = {
  queue: 'Listing requests',
  queueEmpty: 'No pending request.',
  submittedOn: (date: string) => `Sent on ${date}`,
  publish: 'Publish',
  refuse: 'Refuse',
  refusalReason: 'Reason for refusal (sent to the merchant)',
  refusalRequired: 'Give the reason for the refusal.',
  confirmRefuse: 'Confirm refusal',
  cancel: 'Cancel',
  duplicatesTitle: 'Possible duplicates',
  duplicateName: (name: string, metres: number) =>
    `“${name}” ${Math.round(metres)} m away (same name)`,
  duplicatePhone: (name: string) => `“${name}” (same phone)`,
  noDuplicates: 'No duplicate found.',
  staleReview: 'This request changed meanwhile: here is its current version.',
  reviewed: { published: 'Published', refused: 'Refused', pending: 'Pending' },
}

export const reviewMessages: Record<Locale, ReviewMessages> = { fr, en }
