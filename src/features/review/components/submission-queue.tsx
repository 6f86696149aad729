import { useState } from 'react'
import { useErrorText } from '@/lib/error-messages'
import { toBackendError } from '@/backend/errors'
import type { ShopSubmission } from '@/backend/types'
import { useFeatureT, useT } from '@/lib/i18n'
import { useLocaleStore } from '@/lib/locale-store'
import { usePossibleDuplicates } from '@/features/review/api/get-possible-duplicates'
import { useReviewSubmission } from '@/features/review/api/review-submission'
import { reviewMessages } from '../i18n/review-messages'
import '../review.css'

function PossibleDuplicates({ submissionId }: { submissionId: string }) {
  const c = useFeatureT(reviewMessages)
  const duplicates = usePossibleDuplicates(submissionId)
  if (!duplicates.data) return null
  return (
    <div className="duplicates">
      <h4>{c('duplicatesTitle')}</h4>
      {duplicates.data.length === 0 ? (
        <p>{c('noDuplicates')}</p>
      ) : (
        <ul role="list" aria-label={c('duplicatesTitle')}>
          {duplicates.data.map((d) => (
            <li key={`${d.shopId}-${d.reason}`}>
              {d.reason === 'same_phone'
                ? c('duplicatePhone')(d.name)
                : c('duplicateName')(d.name, d.distanceM ?? 0)}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

function SubmissionCard({ submission }: { submission: ShopSubmission }) {
  const c = useFeatureT(reviewMessages)
  const t = useT()
  const locale = useLocaleStore((s) => s.locale)
  const errorText = useErrorText()
  const review = useReviewSubmission()
  const [refusing, setRefusing] = useState(false)
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | null>(null)
  const error = review.error ? toBackendError(review.error) : null
  const pending = submission.status === 'pending'
  return (
    <li className="submission-card">
      <h3>{submission.name}</h3>
      <p>
        {[submission.address, submission.postcode, submission.communeName]
          .filter(Boolean)
          .join(', ')}
      </p>
      <p>
        {c('submittedOn')(
          new Date(submission.createdAt).toLocaleDateString(locale === 'fr' ? 'fr-FR' : 'en-GB'),
        )}{' '}
        · {c('reviewed')[submission.status]}
        {submission.refusalReason ? `${t('text.colon')}${submission.refusalReason}` : ''}
      </p>
      {pending ? <PossibleDuplicates submissionId={submission.id} /> : null}
      {error ? (
        <p role="alert">{error.kind === 'stale-update' ? c('staleReview') : errorText(error)}</p>
      ) : null}
      {pending && !refusing ? (
        <div className="submission-card__actions">
          <button
            type="button"
            className="primary"
            disabled={review.isPending}
            onClick={() =>
              review.mutate({
                kind: 'publish',
                submissionId: submission.id,
                expectedUpdatedAt: submission.updatedAt,
              })
            }
          >
            {c('publish')}
          </button>
          <button type="button" onClick={() => setRefusing(true)}>
            {c('refuse')}
          </button>
        </div>
      ) : null}
      {pending && refusing ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            if (reason.trim() === '') {
              setReasonError(c('refusalRequired'))
              return
            }
            setReasonError(null)
            review.mutate({
              kind: 'refuse',
              submissionId: submission.id,
              expectedUpdatedAt: submission.updatedAt,
              reason: reason.trim(),
            })
          }}
        >
          <label htmlFor={`reason-${submission.id}`}>{c('refusalReason')}</label>
          <textarea
            id={`reason-${submission.id}`}
            value={reason}
            maxLength={500}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? `reason-error-${submission.id}` : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
          {reasonError ? (
            <p id={`reason-error-${submission.id}`} className="field-error">
              {reasonError}
            </p>
          ) : null}
          <div className="submission-card__actions">
            <button type="submit" disabled={review.isPending}>
              {c('confirmRefuse')}
            </button>
            <button type="button" onClick={() => setRefusing(false)}>
              {c('cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </li>
  )
}

/** The territory's referencing requests, pending first, each with its possible duplicates. */
export function SubmissionQueue({ submissions }: { submissions: readonly ShopSubmission[] }) {
  const c = useFeatureT(reviewMessages)
  const pendingCount = submissions.filter((s) => s.status === 'pending').length
  return (
    <section aria-labelledby="queue-title" className="curation-section">
      <h2 id="queue-title">{c('queue')}</h2>
      {pendingCount === 0 ? <p>{c('queueEmpty')}</p> : null}
      <ul role="list" className="submission-list" aria-label={c('queue')}>
        {submissions.map((submission) => (
          <SubmissionCard
            key={`${submission.id}-${submission.updatedAt}`}
            submission={submission}
          />
        ))}
      </ul>
    </section>
  )
}
