import { useId, useState } from 'react'
import { useMutation } from '@tanstack/react-query'
import { useBackend } from '@/backend/backend-context'
import { toBackendError } from '@/backend/errors'
import { SHOP_SERVICES, type Shop, type ShopService, type ShopStatus } from '@/backend/types'
import { useErrorText } from '@/lib/error-messages'
import { useT } from '@/lib/i18n'
import { SHOP_LIMITS, validateShopField } from '@/shop/shop-rules'
import { useLocaleStore } from '@/lib/locale-store'
import { formatUpdatedAgo } from '@/shop/relative-time'
import { useMerchantShop } from '../api/get-merchant-shop'
import { useStatusOutboxStore } from '../stores/status-outbox-store'
import { useLiveDraft } from '../hooks/use-live-draft'
import { FieldConflict } from './conflict-note'
import { ShopDetailsForm } from './shop-details-form'
import { StatusHistory } from './status-history'

// The database's own limit (shared rules, checked against the CHECK constraints).
const MESSAGE_MAX = SHOP_LIMITS.statusMessage

interface Draft {
  message: string
  closedUntil: string
  services: ShopService[]
}

function draftFrom(source: {
  statusMessage: string | null
  closedUntil: string | null
  services: ShopService[]
}): Draft {
  return {
    message: source.statusMessage ?? '',
    closedUntil: source.closedUntil ?? '',
    services: [...source.services].sort(),
  }
}

/** "Mon commerce": what shoppers see of this shop now, and one tap to change it. */
export function ShopStatusPanel({ shopId }: { shopId: string }) {
  const shop = useMerchantShop(shopId)
  const t = useT()
  const errorText = useErrorText()
  if (shop.isPending) return <p role="status">{t('merchant.loading')}</p>
  if (shop.isError) return <p role="alert">{errorText(shop.error)}</p>
  if (!shop.data) return <p role="alert">{t('merchant.notFound')}</p>
  return <LoadedPanel key={shop.data.id} shop={shop.data} />
}

function LoadedPanel({ shop }: { shop: Shop }) {
  const t = useT()
  const errorText = useErrorText()
  const locale = useLocaleStore((s) => s.locale)
  const backend = useBackend()
  const pending = useStatusOutboxStore((s) => s.pending[shop.id])
  const problem = useStatusOutboxStore((s) => s.problems[shop.id])
  const { statusQueued, problemDismissed } = useStatusOutboxStore.getState()
  const ids = { message: useId(), until: useId(), counter: useId(), choice: useId() }

  // What the shopper will see: the merchant's unsent change, otherwise the server's state.
  const effective = pending
    ? {
        status: pending.input.status,
        statusMessage: pending.input.message,
        closedUntil: pending.input.closedUntil,
        services: pending.input.services ?? shop.services,
      }
    : {
        status: shop.status,
        statusMessage: shop.statusMessage,
        closedUntil: shop.closedUntil,
        services: shop.services,
      }
  // The form follows every change made elsewhere, except in a field being typed in.
  const live = useLiveDraft<Draft>(draftFrom(effective))
  const draft = live.draft
  // A message taken down by a status flip, offered back once.
  const [removedMessage, setRemovedMessage] = useState<string | null>(null)
  const isOpen = effective.status === 'open'
  const messageLength = [...draft.message].length
  const messageError = validateShopField('statusMessage', draft.message, locale)
  const messageInvalid = messageError !== null

  function queue(status: ShopStatus, message: string | null) {
    setRemovedMessage(null)
    statusQueued({
      shopId: shop.id,
      status,
      message,
      // "Fermé jusqu'au" belongs to a closing: it goes when the shop reopens.
      closedUntil: status === 'closed' && draft.closedUntil ? draft.closedUntil : null,
      services: draft.services,
      expectedUpdatedAt: shop.updatedAt,
    })
  }

  /**
   * A flip of the status. A message published under the other status is not carried over: it
   * said something about that status ("Ouvert aux horaires habituels" under "Fermé" would
   * contradict it). It is taken down in the same tap and offered back. A message the merchant
   * has just typed is the one they mean for the new status, and goes with it.
   */
  function flip(status: ShopStatus) {
    const typed = draft.message.trim()
    const published = effective.statusMessage ?? ''
    const writtenBefore = typed !== '' && typed === published.trim()
    queue(status, writtenBefore ? null : typed || null)
    if (writtenBefore) setRemovedMessage(published)
  }

  function publish() {
    queue(effective.status, draft.message.trim() || null)
  }

  const confirm = useMutation({
    mutationFn: () => backend.confirmShopStatus(shop.id, shop.updatedAt),
  })
  const confirmError = confirm.error ? toBackendError(confirm.error) : null
  const statusWord = (status: ShopStatus) =>
    status === 'open' ? t('merchant.open') : status === 'closed' ? t('merchant.closed') : ''
  const servicesText = (services: readonly ShopService[] | undefined) =>
    (services ?? []).map((service) => t(`sheet.service.${service}`)).join(', ')

  return (
    <section className="merchant-panel" aria-labelledby="merchant-shop-name">
      <h2 id="merchant-shop-name">{shop.name}</h2>

      {effective.status === 'unknown' ? (
        // Never set: shoppers see "unknown", so no side is shown as if it were the current one.
        <div className="status-choice" role="group" aria-labelledby={ids.choice}>
          <p id={ids.choice} className="status-choice__prompt">
            {t('merchant.firstStatus')}
          </p>
          <button type="button" className="status-switch is-open" onClick={() => flip('open')}>
            <span className="status-switch__label">{t('merchant.open')}</span>
          </button>
          <button type="button" className="status-switch is-closed" onClick={() => flip('closed')}>
            <span className="status-switch__label">{t('merchant.closed')}</span>
          </button>
        </div>
      ) : (
        <button
          type="button"
          role="switch"
          aria-checked={isOpen}
          className={`status-switch ${isOpen ? 'is-open' : 'is-closed'}`}
          onClick={() => flip(isOpen ? 'closed' : 'open')}
        >
          <span className="status-switch__label">
            {isOpen ? t('merchant.open') : t('merchant.closed')}
          </span>
          <span className="status-switch__hint">
            {isOpen ? t('merchant.tapToClose') : t('merchant.tapToOpen')}
          </span>
        </button>
      )}

      <p className="merchant-panel__updated">
        {shop.status === 'unknown' && !pending
          ? t('merchant.neverSet')
          : shop.statusUpdatedAt
            ? formatUpdatedAgo(shop.statusUpdatedAt, new Date(), locale)
            : null}
      </p>

      {pending ? (
        <p role="status" className="outbox-banner">
          {pending.attempts > 0 ? t('merchant.pendingRetry') : t('merchant.pending')}
        </p>
      ) : null}
      {removedMessage ? (
        <div role="status" className="outbox-banner">
          <p>{t('merchant.messageRemoved')(removedMessage)}</p>
          <button type="button" onClick={() => queue(effective.status, removedMessage)}>
            {t('merchant.messageRestore')}
          </button>
        </div>
      ) : null}
      {problem?.kind === 'conflict' ? (
        <div role="alert" className="problem-banner">
          <p>
            {t('merchant.conflictStatus')(
              [statusWord(problem.input.status), problem.input.message ?? '']
                .filter(Boolean)
                .join(' — '),
            )}
          </p>
          <div className="problem-banner__actions">
            <button
              type="button"
              className="primary"
              onClick={() => statusQueued({ ...problem.input, expectedUpdatedAt: shop.updatedAt })}
            >
              {t('merchant.applyAgain')}
            </button>
            <button type="button" onClick={() => problemDismissed(shop.id)}>
              {t('merchant.keepCurrent')}
            </button>
          </div>
        </div>
      ) : problem?.kind === 'refused' ? (
        <div role="alert" className="problem-banner">
          <p>
            {t('merchant.refused')} {errorText(problem.error)}
          </p>
          <button type="button" onClick={() => problemDismissed(shop.id)}>
            {t('merchant.understood')}
          </button>
        </div>
      ) : null}

      <form
        className="merchant-form"
        onSubmit={(event) => {
          event.preventDefault()
          if (!messageInvalid) publish()
        }}
      >
        <label htmlFor={ids.message}>{t('merchant.message')}</label>
        <textarea
          id={ids.message}
          rows={3}
          value={draft.message}
          aria-describedby={ids.counter}
          aria-invalid={messageInvalid}
          onChange={(e) => live.setField('message', e.target.value)}
        />
        <FieldConflict live={live} field="message" />
        <p
          id={ids.counter}
          className={messageInvalid ? 'counter is-over' : 'counter'}
          aria-live="polite"
        >
          {t('merchant.counter')(messageLength, MESSAGE_MAX)}
        </p>
        {messageError ? <p className="field-error">{messageError}</p> : null}
        {effective.status === 'closed' ? (
          <>
            <label htmlFor={ids.until}>{t('merchant.closedUntil')}</label>
            <input
              id={ids.until}
              type="date"
              value={draft.closedUntil}
              onChange={(e) => live.setField('closedUntil', e.target.value)}
            />
            <FieldConflict live={live} field="closedUntil" />
          </>
        ) : null}
        <fieldset>
          <legend>{t('merchant.services')}</legend>
          {SHOP_SERVICES.map((service) => (
            <label key={service} className="big-checkbox">
              <input
                type="checkbox"
                checked={draft.services.includes(service)}
                onChange={() =>
                  live.setField(
                    'services',
                    draft.services.includes(service)
                      ? draft.services.filter((s) => s !== service)
                      : [...draft.services, service].sort(),
                  )
                }
              />
              {t(`sheet.service.${service}`)}
            </label>
          ))}
          <FieldConflict live={live} field="services" format={servicesText} />
        </fieldset>
        <button type="submit" className="primary" disabled={messageInvalid}>
          {t('merchant.publish')}
        </button>
      </form>

      <button
        type="button"
        onClick={() => confirm.mutate()}
        disabled={confirm.isPending || Boolean(pending)}
      >
        {t('merchant.confirm')}
      </button>
      {confirm.isSuccess ? <p role="status">{t('merchant.confirmed')}</p> : null}
      {confirmError ? (
        <p role="alert">
          {confirmError.kind === 'stale-update'
            ? t('merchant.conflictConfirm')
            : errorText(confirmError)}
        </p>
      ) : null}

      <ShopDetailsForm shop={shop} />
      <StatusHistory shopId={shop.id} />
    </section>
  )
}
