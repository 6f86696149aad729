import { useErrorText } from '@/lib/error-messages'
import { useT } from '@/lib/i18n'
import { Link } from 'wouter'
import { usePagePath } from '@/lib/routes'
import { useAcceptInvitationsOnSignIn } from '../api/accept-invitations'

/**
 * Accepts a signed-in merchant's invitations on any page, and says what came of it: the shops
 * they now manage, or that the check failed (with a retry), never nothing.
 */
export function InvitationsNotice() {
  const t = useT()
  const errorText = useErrorText()
  const path = usePagePath()
  const invitations = useAcceptInvitationsOnSignIn()
  if (invitations.isError)
    return (
      <div role="alert" className="app-notice app-notice--error">
        <p>
          {t('invitations.failed')} {invitations.error ? errorText(invitations.error) : null}
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
      {t('invitations.joined')(joined)} <Link href={path('merchant')}>{t('nav.merchant')}</Link>
    </p>
  )
}
