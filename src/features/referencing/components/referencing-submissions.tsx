import { useId, useState } from 'react'
import { Link } from 'wouter'
import { useErrorText } from '@/lib/error-messages'
import type { ShopSubmission } from '@/backend/types'
import { toBackendError } from '@/backend/errors'
import { useFeatureT } from '@/lib/i18n'
import { useLocaleStore, type Locale } from '@/lib/locale-store'
import { placeOnMapPath } from '@/lib/routes'
import { useMySubmissions } from '@/features/referencing/api/get-my-submissions'
import { useWithdrawSubmission } from '@/features/referencing/api/withdraw-submission'
import { referencingMessages } from '@/features/referencing/i18n/referencing-messages'

const formatDate = (iso: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long' }).format(
    new Date(iso),
  )

/** "Mes demandes": the user's submissions, newest first, and what became of them. */
export function ReferencingSubmissions() {
  const c = useFeatureT(referencingMessages)
  const errorText = useErrorText()
  const submissions = useMySubmissions()
  const titleId = useId()
  const sorted = [...(submissions.data ?? [])].sort((a, b) =>
    b.createdAt.localeCompare(a.createdAt),
  )
  return (
    <section className="referencing-submissions" aria-labelledby={titleId}>
      <h2 id={titleId}>{c('mySubmissions')}</h2>
      {submissions.isPending ? (
        <p role="status">{c('loading')}</p>
      ) : submissions.isError ? (
        <div role="alert">
          <p>
            {c('submissionsError')} {errorText(submissions.error)}
          </p>
          <button type="button" onClick={() => void submissions.refetch()}>
            {c('retry')}
          </button>
        </div>
      ) : sorted.length === 0 ? (
        <p>{c('noSubmissions')}</p>
      ) : (
        <ul className="referencing-submissions__list" aria-labelledby={titleId}>
          {sorted.map((submission) => (
            <SubmissionItem key={submission.id} submission={submission} />
          ))}
        </ul>
      )}
    </section>
  )
}

function SubmissionItem({ submission }: { submission: ShopSubmission }) {
  const c = useFeatureT(referencingMessages)
  const errorText = useErrorText()
  const locale = useLocaleStore((s) => s.locale)
  const withdraw = useWithdrawSubmission()
  const [confirming, setConfirming] = useState(false)
  const nameId = useId()
  const error = withdraw.error ? toBackendError(withdraw.error) : null
  return (
    <li className="referencing-submission" aria-labelledby={nameId}>
      <h3 id={nameId}>{submission.name}</h3>
      <p className="referencing-submission__meta">
        {[submission.communeName, c('sentOn')(formatDate(submission.createdAt, locale))]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <p className={`referencing-submission__state is-${submission.status}`}>
        {c(`state.${submission.status}`)}
      </p>
      {submission.status === 'published' && submission.shopId ? (
        <Link href={placeOnMapPath(submission.territorySlug, submission.shopId)}>
          {c('seeOnMap')}
        </Link>
      ) : null}
      {submission.status === 'refused' && submission.refusalReason ? (
        <p className="referencing-submission__reason">
          {c('reason')} {submission.refusalReason}
        </p>
      ) : null}
      {submission.status === 'pending' ? (
        confirming ? (
          <div className="referencing-submission__confirm">
            <p>{c('withdrawConfirm')(submission.name)}</p>
            <div className="dialog-actions">
              <button type="button" onClick={() => setConfirming(false)}>
                {c('cancel')}
              </button>
              <button
                type="button"
                className="danger"
                disabled={withdraw.isPending}
                onClick={() =>
                  withdraw.mutate(submission.id, { onSettled: () => setConfirming(false) })
                }
              >
                {c('withdrawYes')}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            {c('withdraw')}
          </button>
        )
      ) : null}
      {error ? (
        <p role="alert" className="field-error">
          {c('withdrawFailed')} {errorText(error)}
        </p>
      ) : null}
    </li>
  )
}
