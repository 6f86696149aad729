import type { Locale } from '@/lib/locale-store'

const fr = {
  title: 'Membres et invitations',
  intro:
    'Invitez un commerçant par e-mail : il devient membre du commerce dès qu’il se connecte avec cette adresse vérifiée.',
  // shop picker
  filter: 'Rechercher un commerce (nom ou commune)',
  shop: 'Commerce',
  chooseShop: 'Choisissez un commerce',
  shopOption: (name: string, commune: string | null) => (commune ? `${name} — ${commune}` : name),
  unpublished: '(non publié)',
  matches: (n: number) =>
    n === 0
      ? 'Aucun commerce ne correspond.'
      : `${n} commerce${n > 1 ? 's' : ''} correspond${n > 1 ? 'ent' : ''}.`,
  noShops: 'Aucun commerce sur ce territoire pour l’instant.',
  pickFirst: 'Choisissez un commerce pour voir ses membres et ses invitations.',
  loading: 'Chargement…',
  loadError: 'Impossible de charger ces données.',
  retry: 'Réessayer',
  // members
  members: 'Membres',
  membersOf: (shop: string) => `Membres de ${shop}`,
  noMembers: 'Personne ne gère encore ce commerce.',
  unknownEmail: 'adresse inconnue',
  role: { owner: 'Propriétaire', staff: 'Équipe' },
  memberSince: (date: string) => `membre depuis le ${date}`,
  remove: 'Retirer',
  removeLabel: (email: string) => `Retirer ${email}`,
  confirmRemoveQuestion: (email: string, shop: string) =>
    `Retirer ${email} de « ${shop} » ? Cette personne ne pourra plus gérer ce commerce.`,
  confirmRemove: 'Confirmer le retrait',
  cancel: 'Annuler',
  removed: (email: string) => `${email} ne fait plus partie de ce commerce.`,
  removeFailed: (message: string) => `Le retrait a échoué : ${message}`,
  // invitations
  invitations: 'Invitations en attente',
  invitationsOf: (shop: string) => `Invitations en attente pour ${shop}`,
  noInvitations: 'Aucune invitation en attente.',
  invitedOn: (date: string) => `invitation du ${date}`,
  revoke: 'Annuler l’invitation',
  revokeLabel: (email: string) => `Annuler l’invitation de ${email}`,
  revoked: (email: string) => `L’invitation de ${email} est annulée.`,
  revokeFailed: (message: string) => `L’annulation a échoué : ${message}`,
  // invite form
  inviteTitle: 'Inviter une personne',
  email: 'Adresse e-mail',
  emailHint: 'Exemple : prenom.nom@exemple.fr',
  roleLabel: 'Rôle',
  invite: 'Inviter',
  inviting: 'Enregistrement…',
  emailRequired: 'Indiquez l’adresse e-mail de la personne à inviter.',
  emailInvalid:
    'Cette adresse e-mail n’est pas valide : vérifiez-la (par exemple prenom.nom@exemple.fr).',
  duplicate: 'Une invitation est déjà en attente pour cette adresse.',
  inviteFailed: 'L’invitation n’a pas été enregistrée.',
  kept: 'Votre saisie est conservée.',
  offline: 'Pas de connexion au serveur : réessayez dans un instant.',
  invited: (email: string) =>
    `Invitation enregistrée pour ${email} : cette personne deviendra membre en se connectant avec cette adresse.`,
}

type MembersMessages = typeof fr

const en: MembersMessages = {
  title: 'Members and invitations',
  intro:
    'Invite a merchant by e-mail: they become a member of the shop as soon as they sign in with that verified address.',
  filter: 'Search a shop (name or town)',
  shop: 'Shop',
  chooseShop: 'Choose a shop',
  shopOption: (name: string, commune: string | null) => (commune ? `${name} — ${commune}` : name),
  unpublished: '(unpublished)',
  matches: (n: number) =>
    n === 0 ? 'No shop matches.' : `${n} shop${n === 1 ? ' matches' : 's match'}.`,
  noShops: 'No shop in this territory yet.',
  pickFirst: 'Choose a shop to see its members and invitations.',
  loading: 'Loading…',
  loadError: 'This data could not be loaded.',
  retry: 'Retry',
  members: 'Members',
  membersOf: (shop: string) => `Members of ${shop}`,
  noMembers: 'Nobody manages this shop yet.',
  unknownEmail: 'unknown address',
  role: { owner: 'Owner', staff: 'Staff' },
  memberSince: (date: string) => `member since ${date}`,
  remove: 'Remove',
  removeLabel: (email: string) => `Remove ${email}`,
  confirmRemoveQuestion: (email: string, shop: string) =>
    `Remove ${email} from “${shop}”? They will no longer be able to manage this shop.`,
  confirmRemove: 'Confirm removal',
  cancel: 'Cancel',
  removed: (email: string) => `${email} is no longer part of this shop.`,
  removeFailed: (message: string) => `The removal failed: ${message}`,
  invitations: 'Pending invitations',
  invitationsOf: (shop: string) => `Pending invitations for ${shop}`,
  noInvitations: 'No pending invitation.',
  invitedOn: (date: string) => `invited on ${date}`,
  revoke: 'Cancel the invitation',
  revokeLabel: (email: string) => `Cancel the invitation of ${email}`,
  revoked: (email: string) => `The invitation of ${email} is cancelled.`,
  revokeFailed: (message: string) => `The cancellation failed: ${message}`,
  inviteTitle: 'Invite someone',
  email: 'E-mail address',
  emailHint: 'Example: first.last@example.com',
  roleLabel: 'Role',
  invite: 'Invite',
  inviting: 'Saving…',
  emailRequired: 'Enter the e-mail address of the person to invite.',
  emailInvalid: 'This e-mail address is not valid: check it (for example first.last@example.com).',
  duplicate: 'An invitation is already pending for this address.',
  inviteFailed: 'The invitation was not saved.',
  kept: 'What you typed is kept.',
  offline: 'No connection to the server: try again in a moment.',
  invited: (email: string) =>
    `Invitation saved for ${email}: they will become a member when they sign in with this address.`,
}

export const membersMessages: Record<Locale, MembersMessages> = { fr, en }
