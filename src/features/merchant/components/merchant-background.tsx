import { useStatusOutboxSender } from '../api/use-status-outbox-sender'
import { InvitationsNotice } from './invitations-notice'

/**
 * What a signed-in user's session runs on every page: the merchant's unsent taps go out, and
 * invitations to manage a shop are accepted. Loaded only once someone is signed in, so that
 * visitors never download it.
 */
export function MerchantBackground() {
  useStatusOutboxSender()
  return <InvitationsNotice />
}
