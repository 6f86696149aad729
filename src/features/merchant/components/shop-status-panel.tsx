import { useId, useState } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useBackend } from '@/backend/backend-context'
import { toBackendError } from '@/backend/errors'
import {
  SHOP_SERVICES,
  type SetShopStatusInput,
  type Shop,
  type ShopService,
} from '@/backend/types'
import { useT } from '@/lib/i18n'
import { SHOP_LIMITS, validateShopField } from '@/lib/shop-rules'
import { useLocaleStore } from '@/lib/locale-store'
import { formatUpdatedAgo } from '@/features/places/utils/relative-time'
import { useMerchantShop } from '../api/get-merchant-shop'
import { merchantKeys } from '../api/merchant-keys'
import { useStatusOutboxStore } from '../stores/status-outbox-store'
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
    services: [...source.services],
  }
}

/** "Mon commerce": what shoppers see of this shop now, and one tap to change it. */
export function ShopStatusPanel({ shopId }: { shopId: string }) {
  const shop = useMerchantShop(shopId)
  const t = useT()
  if (shop.isPending) return <p role="status">{t('merchant.loading')}</p>
  if (shop.isError) return <p role="alert">{shop.error.message}</p>
  if (!shop.data) return <p role="alert">{t('merchant.notFound')}</p>
  return <LoadedPanel key={shop.data.id} shop={shop.data} />
}

function LoadedPanel({ shop }: { shop: Shop }) {
  const t = useT()
  const locale = useLocaleStore((s) => s.locale)
  const backend = useBackend()
  const queryClient = useQueryClient()
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
  const [draft, setDraft] = useState<Draft>(() => draftFrom(effective))
  const isOpen = effective.status === 'open'
  const messageLength = [...draft.message].length
  const messageError = validateShopField('statusMessage', draft.message)
  const messageInvalid = messageError !== null

  function queue(change: Partial<Pick<SetShopStatusInput, 'status'>> & { draft?: Draft }) {
    const next = change.draft ?? draft
    const status = change.status ?? effective.status
    statusQueued({
      shopId: shop.id,
      status,
      message: next.message.trim() || null,
      closedUntil: status === 'closed' && next.closedUntil ? next.closedUntil : null,
      services: next.services,
      expectedUpdatedAt: shop.updatedAt,
    })
  }

  const confirm = useMutation({
    mutationFn: () => backend.confirmShopStatus(shop.id, shop.updatedAt),
    onSuccess: (updated) => queryClient.setQueryData(merchantKeys.shop(shop.id), updated),
    onError: () => void queryClient.invalidateQueries({ queryKey: merchantKeys.shop(shop.id) }),
  })
  const confirmError = confirm.error ? toBackendError(confirm.error) : null

  return (
    <section className="merchant-panel" aria-labelledby="merchant-shop-name">
      <h2 id="merchant-shop-name">{shop.name}</h2>

      {effective.status === 'unknown' ? (
        // Never set: shoppers see "unknown", so no side is shown as if it were the current one.
        <div className="status-choice" role="group" aria-labelledby={ids.choice}>
          <p id={ids.choice} className="status-choice__prompt">
            {t('merchant.firstStatus')}
          </p>
          <button
            type="button"
            className="status-switch is-open"
            onClick={() => queue({ status: 'open' })}
          >
            <span className="status-switch__label">{t('merchant.open')}</span>
          </button>
          <button
            type="button"
            className="status-switch is-closed"
            onClick={() => queue({ status: 'closed' })}
          >
            <span className="status-switch__label">{t('merchant.closed')}</span>
          </button>
        </div>
      ) : (
        <button
          type="button"
          role="switch"
          aria-checked={isOpen}
          className={`status-switch ${isOpen ? 'is-open' : 'is-closed'}`}
          onClick={() => queue({ status: isOpen ? 'closed' : 'open' })}
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
      {problem?.kind === 'conflict' ? (
        <div role="alert" className="problem-banner">
          <p>{t('merchant.conflict')}</p>
          <button
            type="button"
            onClick={() => {
              problemDismissed(shop.id)
              setDraft(draftFrom(shop))
            }}
          >
            {t('merchant.understood')}
          </button>
        </div>
      ) : problem?.kind === 'refused' ? (
        <div role="alert" className="problem-banner">
          <p>
            {t('merchant.refused')} {problem.message}
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
          if (!messageInvalid) queue({})
        }}
      >
        <label htmlFor={ids.message}>{t('merchant.message')}</label>
        <textarea
          id={ids.message}
          rows={3}
          value={draft.message}
          aria-describedby={ids.counter}
          aria-invalid={messageInvalid}
          onChange={(e) => setDraft({ ...draft, message: e.target.value })}
        />
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
              onChange={(e) => setDraft({ ...draft, closedUntil: e.target.value })}
            />
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
                  setDraft({
                    ...draft,
                    services: draft.services.includes(service)
                      ? draft.services.filter((s) => s !== service)
                      : [...draft.services, service],
                  })
                }
              />
              {t(`sheet.service.${service}`)}
            </label>
          ))}
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
          {confirmError.kind === 'stale-update' ? t('merchant.conflict') : confirmError.message}
        </p>
      ) : null}

      <ShopDetailsForm shop={shop} />
      <StatusHistory shopId={shop.id} />
    </section>
  )
}
