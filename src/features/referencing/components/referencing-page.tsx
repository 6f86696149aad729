import { useId, type ReactNode } from 'react'
import type { Territory } from '@/backend/types'
import { useFeatureT } from '@/lib/i18n'
import { useSessionUser } from '@/session/get-session-user'
import { referencingMessages } from '@/features/referencing/i18n/referencing-messages'
import {
  hasDraft,
  useReferencingDraftStore,
} from '@/features/referencing/stores/referencing-draft-store'
import { ReferencingForm } from '@/features/referencing/components/referencing-form'
import { ReferencingSubmissions } from '@/features/referencing/components/referencing-submissions'
import '@/components/forms.css'
import '../referencing.css'

/**
 * "Référencer mon commerce": a signed-in person describes their shop for the territory's
 * curators and follows their requests. Visitors are asked to sign in first (with `signIn`, which
 * the app gives: features do not import each other); a draft they started is kept for when they
 * come back.
 */
export function ReferencingPage({
  territory,
  signIn,
}: {
  territory: Territory
  signIn: ReactNode
}) {
  const c = useFeatureT(referencingMessages)
  const session = useSessionUser()
  const draftStarted = useReferencingDraftStore((s) => hasDraft(s.form))
  const titleId = useId()

  return (
    <div className="referencing-page">
      <section aria-labelledby={titleId}>
        <h2 id={titleId}>{c('title')}</h2>
        <p className="referencing-page__territory">{c('territory')(territory.name)}</p>
        <p>{c('intro')}</p>
        {session.isPending ? (
          <p role="status">{c('loading')}</p>
        ) : !session.data ? (
          <div className="referencing-signin">
            <p>{c('signInFirst')}</p>
            {draftStarted ? <p>{c('draftKept')}</p> : null}
            {signIn}
          </div>
        ) : (
          <ReferencingForm territory={territory} />
        )}
      </section>
      {session.data ? <ReferencingSubmissions /> : null}
    </div>
  )
}
