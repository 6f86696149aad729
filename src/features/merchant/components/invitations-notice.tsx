import { useT } from '@/lib/i18n'
import { MERCHANT_PATH } from '@/lib/routes'
import { useAcceptInvitationsOnSignIn } from '../api/accept-invitations'

/**
 * Accepts a signed-in merchant's invitations on any page, and says what came of it: the shops
 * they now manage, or that the check failed (with a retry), never nothing.
 */
export function InvitationsNotice() {
  const t = useT()
  const invitations = useAcceptInvitationsOnSignIn()
  if (invitations.isError)
    return (
      <div role="alert" className="app-notice app-notice--error">
        <p>
          {t('invitations.failed')} {invitations.error?.message}
        </p>
        <button type="button" onClick={invitations.retry}>
          {t('list.retry')}
        </button>
      </div>
    )
  const joined = invitations.acceptedShopIds.length
  if (joined === 0) return null
  return (
    <p role="status" className="app-notice">
      {t('invitations.joined')(joined)} <a href={MERCHANT_PATH}>{t('nav.merchant')}</a>
    </p>
  )
}
