import { useId, useRef, useState } from 'react'
import { useBackend } from '@/backend/backend-context'
import { useT } from '@/lib/i18n'
import { useSessionUser } from '@/session/get-session-user'
import { useResetDemoData } from '../api/reset-demo-data'
import { useSignOut } from '../api/sign-in'
import { SignInOptions } from './sign-in-options'
import { useErrorText } from '@/lib/error-messages'
import { Link } from 'wouter'
import { usePagePath } from '@/lib/routes'
import { useCuratedTerritories } from '@/session/get-curated-territories'
import '../account.css'

/**
 * Sign-in; once signed in, one compact "Compte" button (a phone's header has no room for more)
 * opening the user's pages and sign-out. In the embedded backend, the demo accounts and reset.
 */
export function AccountMenu() {
  const t = useT()
  const path = usePagePath()
  const errorText = useErrorText()
  const backend = useBackend()
  const session = useSessionUser()
  const signOut = useSignOut()
  const reset = useResetDemoData()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const [confirmingReset, setConfirmingReset] = useState(false)
  const methods = backend.signInMethods()
  const user = session.data ?? null
  // Only curators get the link to their space.
  const curated = useCuratedTerritories()

  const open = () => dialogRef.current?.showModal()
  const close = () => {
    setConfirmingReset(false)
    dialogRef.current?.close()
  }

  // The demo reset, offered signed in or not (the embedded backend only).
  const resetLink = backend.resetDemoData ? (
    <p>
      <button type="button" className="link-button" onClick={() => setConfirmingReset(true)}>
        {t('account.reset')}
      </button>
    </p>
  ) : null

  return (
    <div className="account-menu">
      {user ? (
        <>
          <span className="account-menu__user">
            {t('account.signedInAs')(user.displayName ?? user.email ?? '')}
          </span>
          <button type="button" aria-haspopup="dialog" onClick={open}>
            {t('account.menu')}
          </button>
        </>
      ) : (
        <button type="button" aria-haspopup="dialog" onClick={open}>
          {t('account.signIn')}
        </button>
      )}
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        className="account-dialog"
        onClose={() => setConfirmingReset(false)}
      >
        {user && !confirmingReset ? (
          <>
            <h2 id={titleId}>{t('account.title')}</h2>
            <p>{t('account.signedInAs')(user.displayName ?? user.email ?? '')}</p>
            <nav aria-label={t('account.title')}>
              <ul className="account-links">
                <li>
                  <Link href={path('merchant')} onClick={close}>
                    {t('nav.merchant')}
                  </Link>
                </li>
                <li>
                  <Link href={path('referencing')} onClick={close}>
                    {t('account.referencing')}
                  </Link>
                </li>
                {curated.data && curated.data.length > 0 ? (
                  <li>
                    <Link href={path('curation')} onClick={close}>
                      {t('account.curation')}
                    </Link>
                  </li>
                ) : null}
              </ul>
            </nav>
            {signOut.isError ? (
              <p role="alert">
                {t('account.signOutError')} {errorText(signOut.error)}
              </p>
            ) : null}
            {resetLink}
            <div className="dialog-actions">
              <button type="button" onClick={close}>
                {t('account.close')}
              </button>
              <button
                type="button"
                disabled={signOut.isPending}
                onClick={() => signOut.mutate(undefined, { onSuccess: close })}
              >
                {t('account.signOut')}
              </button>
            </div>
          </>
        ) : confirmingReset ? (
          <>
            <h2 id={titleId}>{t('account.reset')}</h2>
            <p>{t('account.resetConfirm')}</p>
            {reset.isError ? <p role="alert">{errorText(reset.error)}</p> : null}
            <div className="dialog-actions">
              <button type="button" onClick={close}>
                {t('account.close')}
              </button>
              <button
                type="button"
                className="danger"
                disabled={reset.isPending}
                onClick={() => reset.mutate(undefined, { onSuccess: close })}
              >
                {t('account.reset')}
              </button>
            </div>
          </>
        ) : (
          <>
            <h2 id={titleId}>
              {methods.demoAccounts.length > 0 ? t('account.demoTitle') : t('account.signIn')}
            </h2>
            <SignInOptions onSignedIn={close} extra={resetLink} />
            <div className="dialog-actions">
              <button type="button" onClick={close}>
                {t('account.close')}
              </button>
            </div>
          </>
        )}
      </dialog>
    </div>
  )
}
