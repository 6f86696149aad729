import { useState, type FormEvent } from 'react'
import { useBackend } from '@/backend/backend-context'
import type { SignInMethod } from '@/backend/types'
import { useErrorText } from '@/lib/error-messages'
import { useT } from '@/lib/i18n'
import { useSignIn } from '../api/sign-in'
import { demoAccountDescription } from '../utils/demo-account-description'

/**
 * The ways to sign in this backend offers: the demo accounts (embedded), and the e-mail with its
 * link and six-digit code (Supabase). Used by the account dialog and, signed out, by the pages
 * that need an account ("Mon commerce"), so nobody is sent to look for a button elsewhere.
 */
export function SignInOptions({
  onSignedIn,
  extra,
}: {
  onSignedIn?: () => void
  /** Shown between the demo accounts and the e-mail form (the demo reset link). */
  extra?: React.ReactNode
}) {
  const t = useT()
  const errorText = useErrorText()
  const backend = useBackend()
  const signIn = useSignIn()
  const [email, setEmail] = useState('')
  const [code, setCode] = useState('')
  const methods = backend.signInMethods()

  /**
   * Signing in re-renders the page as the user before `mutate`'s own callbacks would run, and
   * this component is gone by then (the account dialog shows the user's menu): the promise still
   * settles. A failure is shown from the mutation's state.
   */
  function signInWith(method: SignInMethod) {
    signIn.mutateAsync(method).then(
      () => onSignedIn?.(),
      () => undefined,
    )
  }
  function requestEmail(event: FormEvent) {
    event.preventDefault()
    signIn.mutate({ kind: 'email-code-request', email })
  }
  function verifyCode(event: FormEvent) {
    event.preventDefault()
    signInWith({ kind: 'email-code-verify', email, code })
  }

  return (
    <>
      {methods.demoAccounts.length > 0 ? (
        <>
          <p>{t('account.demoNote')}</p>
          <ul className="demo-accounts">
            {methods.demoAccounts.map((account) => (
              <li key={account.email}>
                <button
                  type="button"
                  disabled={signIn.isPending}
                  onClick={() => signInWith({ kind: 'demo', email: account.email })}
                >
                  <strong>{account.displayName}</strong>
                  <span>{account.email}</span>
                  <small>{demoAccountDescription(account, t)}</small>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {extra}
      {methods.email ? (
        <>
          <form onSubmit={requestEmail}>
            <label>
              {t('account.email')}
              <input
                type="email"
                required
                autoComplete="email"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            </label>
            <button type="submit" disabled={signIn.isPending}>
              {t('account.emailSend')}
            </button>
          </form>
          {signIn.data?.kind === 'email-sent' ? (
            <form onSubmit={verifyCode}>
              <p role="status">{t('account.emailSent')}</p>
              <label>
                {t('account.code')}
                <input
                  inputMode="numeric"
                  pattern="[0-9]{6}"
                  required
                  autoComplete="one-time-code"
                  value={code}
                  onChange={(e) => setCode(e.target.value)}
                />
              </label>
              <button type="submit" disabled={signIn.isPending}>
                {t('account.codeVerify')}
              </button>
            </form>
          ) : null}
        </>
      ) : null}
      {signIn.isError ? (
        <p role="alert">
          {t('account.error')} {errorText(signIn.error)}
        </p>
      ) : null}
    </>
  )
}
