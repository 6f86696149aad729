import { useErrorText } from '@/lib/error-messages'
import { useT } from '@/lib/i18n'
import { useLocaleStore } from '@/lib/locale-store'
import { useStatusHistory } from '../api/get-status-history'

/** The shop's recent status changes, from the append-only history the database writes. */
export function StatusHistory({ shopId }: { shopId: string }) {
  const t = useT()
  const errorText = useErrorText()
  const locale = useLocaleStore((s) => s.locale)
  const history = useStatusHistory(shopId)
  const format = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  })
  return (
    <section className="status-history" aria-labelledby="status-history-title">
      <h3 id="status-history-title">{t('merchant.history')}</h3>
      {history.isError ? <p role="alert">{errorText(history.error)}</p> : null}
      {history.data?.length === 0 ? <p>{t('merchant.historyEmpty')}</p> : null}
      {history.data?.length ? (
        <ol>
          {history.data.map((event) => (
            <li key={event.id}>
              <time dateTime={event.changedAt}>{format.format(new Date(event.changedAt))}</time> —{' '}
              {t(`display.${event.after.status}`)}
              {event.after.statusMessage
                ? `${t('text.colon')}${t('text.quoted')(event.after.statusMessage)}`
                : ''}
              {event.after.closedUntil
                ? ` (${t('merchant.until')} ${event.after.closedUntil})`
                : ''}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  )
}
