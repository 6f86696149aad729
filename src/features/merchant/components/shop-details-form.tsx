import { useId, useState, type FormEvent } from 'react'
import { useMutation } from '@tanstack/react-query'
import { useBackend } from '@/backend/backend-context'
import { toBackendError } from '@/backend/errors'
import type { Shop } from '@/backend/types'
import { useT } from '@/lib/i18n'
import { useLocaleStore, type Locale } from '@/lib/locale-store'
import { validateShopField, type ShopField } from '@/shop/shop-rules'
import { useErrorText } from '@/lib/error-messages'
import { useLiveDraft } from '../hooks/use-live-draft'
import { FieldConflict } from './conflict-note'
import { OpeningHoursEditor } from '@/components/opening-hours-editor'

type TextFieldName = 'orderingInstructions' | 'description' | 'phone' | 'email' | 'website'

interface Draft {
  openingHours: string | null
  orderingInstructions: string
  description: string
  phone: string
  email: string
  website: string
  socialLinks: string
}

function draftFrom(shop: Shop): Draft {
  return {
    openingHours: shop.openingHours,
    orderingInstructions: shop.orderingInstructions ?? '',
    description: shop.description ?? '',
    phone: shop.phone ?? '',
    email: shop.email ?? '',
    website: shop.website ?? '',
    socialLinks: shop.socialLinks.join('\n'),
  }
}

const nullIfBlank = (value: string) => (value.trim() === '' ? null : value.trim())
const linesOf = (value: string) =>
  value
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')

/**
 * The same rules as the database's CHECK constraints, in `locale`; blank optional fields are
 * sent as null.
 */
function fieldErrors(draft: Draft, locale: Locale): Partial<Record<ShopField, string>> {
  const found: Partial<Record<ShopField, string>> = {}
  for (const field of [
    'orderingInstructions',
    'description',
    'phone',
    'email',
    'website',
  ] as const) {
    const message = validateShopField(field, nullIfBlank(draft[field]), locale)
    if (message) found[field] = message
  }
  const links = validateShopField('socialLinks', linesOf(draft.socialLinks), locale)
  if (links) found.socialLinks = links
  return found
}

/** The merchant's own details: hours, how to order, description, contacts and links. */
export function ShopDetailsForm({ shop }: { shop: Shop }) {
  const t = useT()
  const locale = useLocaleStore((s) => s.locale)
  const errorText = useErrorText()
  const backend = useBackend()
  const baseId = useId()
  // The form follows every change made elsewhere, except in a field being typed in.
  const live = useLiveDraft<Draft>(draftFrom(shop))
  const draft = live.draft
  const [hoursValid, setHoursValid] = useState(true)
  // The hours editor reads its value when it mounts: it starts again when the hours change
  // other than by its own hand (a change made elsewhere, "Prendre la nouvelle valeur").
  const [hoursEditor, setHoursEditor] = useState({ value: draft.openingHours, key: 0 })
  if (hoursEditor.value !== draft.openingHours) {
    setHoursEditor({ value: draft.openingHours, key: hoursEditor.key + 1 })
    setHoursValid(true)
  }
  // What the last "save" checked: its messages follow the language, chosen before or after.
  const [checked, setChecked] = useState<Draft | null>(null)
  const errors = checked ? fieldErrors(checked, locale) : {}

  const save = useMutation({
    mutationFn: () =>
      backend.updateShopDetails({
        shopId: shop.id,
        openingHours: draft.openingHours,
        orderingInstructions: nullIfBlank(draft.orderingInstructions),
        description: nullIfBlank(draft.description),
        phone: nullIfBlank(draft.phone),
        email: nullIfBlank(draft.email),
        website: nullIfBlank(draft.website),
        socialLinks: linesOf(draft.socialLinks),
        expectedUpdatedAt: shop.updatedAt,
      }),
    // The saved shop, or after a stale refusal the newer version, comes in through the
    // backend's report; the fields changed on both sides then show it.
  })
  const saveError = save.error ? toBackendError(save.error) : null

  function submit(event: FormEvent) {
    event.preventDefault()
    setChecked(draft)
    if (Object.keys(fieldErrors(draft, locale)).length === 0 && hoursValid) save.mutate()
  }

  const field = (
    name: TextFieldName,
    label: string,
    type: 'text' | 'tel' | 'email' | 'url' | 'textarea',
  ) => {
    const id = `${baseId}-${name}`
    const error = errors[name]
    const common = {
      id,
      value: draft[name],
      'aria-invalid': error ? true : undefined,
      'aria-describedby': error ? `${id}-error` : undefined,
      onChange: (e: { target: { value: string } }) => live.setField(name, e.target.value),
    }
    return (
      <div className="details-field">
        <label htmlFor={id}>{label}</label>
        {type === 'textarea' ? (
          <textarea rows={3} {...common} />
        ) : (
          <input type={type} {...common} />
        )}
        {error ? (
          <p id={`${id}-error`} className="field-error">
            {error}
          </p>
        ) : null}
        <FieldConflict live={live} field={name} />
      </div>
    )
  }

  return (
    <form className="merchant-form details-form" onSubmit={submit} noValidate>
      <h3>{t('merchant.details')}</h3>
      <OpeningHoursEditor
        key={hoursEditor.key}
        value={hoursEditor.value}
        onChange={(openingHours, valid) => {
          setHoursEditor((editor) => ({ ...editor, value: openingHours }))
          setHoursValid(valid)
          live.setField('openingHours', openingHours)
        }}
      />
      <FieldConflict live={live} field="openingHours" />
      {field('orderingInstructions', t('merchant.ordering'), 'textarea')}
      {field('description', t('merchant.description'), 'textarea')}
      {field('phone', t('merchant.phone'), 'tel')}
      {field('email', t('merchant.email'), 'email')}
      {field('website', t('merchant.website'), 'url')}
      <div className="details-field">
        <label htmlFor={`${baseId}-social`}>{t('merchant.social')}</label>
        <textarea
          id={`${baseId}-social`}
          rows={2}
          value={draft.socialLinks}
          aria-invalid={errors.socialLinks ? true : undefined}
          onChange={(e) => live.setField('socialLinks', e.target.value)}
        />
        {errors.socialLinks ? <p className="field-error">{errors.socialLinks}</p> : null}
        <FieldConflict live={live} field="socialLinks" />
      </div>
      {Object.keys(errors).length > 0 || !hoursValid ? (
        <p role="alert" className="field-error">
          {t('merchant.fixErrors')}
        </p>
      ) : null}
      {saveError?.kind === 'stale-update' ? (
        <div role="alert" className="problem-banner">
          <p>{t('merchant.conflictDetails')}</p>
          <button
            type="button"
            className="primary"
            disabled={save.isPending}
            onClick={() => save.mutate()}
          >
            {t('merchant.saveAgain')}
          </button>
        </div>
      ) : saveError ? (
        <p role="alert" className="problem-banner">
          {t('merchant.refused')} {errorText(saveError)} {t('merchant.kept')}
        </p>
      ) : null}
      {save.isSuccess ? <p role="status">{t('merchant.saved')}</p> : null}
      <button type="submit" className="primary" disabled={save.isPending}>
        {save.isPending ? t('merchant.saving') : t('merchant.save')}
      </button>
    </form>
  )
}
