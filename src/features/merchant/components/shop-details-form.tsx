import { useId, useState, type FormEvent } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useBackend } from '@/backend/backend-context'
import { toBackendError } from '@/backend/errors'
import type { Shop } from '@/backend/types'
import { useT } from '@/lib/i18n'
import { validateShopField, type ShopField } from '@/lib/shop-rules'
import { merchantKeys } from '../api/merchant-keys'
import { OpeningHoursEditor } from './opening-hours-editor'

type TextFieldName = 'orderingInstructions' | 'description' | 'phone' | 'email' | 'website'

interface Draft {
  openingHours: string | null
  hoursValid: boolean
  orderingInstructions: string
  description: string
  phone: string
  email: string
  website: string
  socialLinks: string
}

const nullIfBlank = (value: string) => (value.trim() === '' ? null : value.trim())
const linesOf = (value: string) =>
  value
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')

/** The merchant's own details: hours, how to order, description, contacts and links. */
export function ShopDetailsForm({ shop }: { shop: Shop }) {
  const t = useT()
  const backend = useBackend()
  const queryClient = useQueryClient()
  const baseId = useId()
  const [draft, setDraft] = useState<Draft>({
    openingHours: shop.openingHours,
    hoursValid: true,
    orderingInstructions: shop.orderingInstructions ?? '',
    description: shop.description ?? '',
    phone: shop.phone ?? '',
    email: shop.email ?? '',
    website: shop.website ?? '',
    socialLinks: shop.socialLinks.join('\n'),
  })
  const [errors, setErrors] = useState<Partial<Record<ShopField, string>>>({})

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
    onSuccess: (updated) => queryClient.setQueryData(merchantKeys.shop(shop.id), updated),
  })
  const saveError = save.error ? toBackendError(save.error) : null

  function submit(event: FormEvent) {
    event.preventDefault()
    // The same rules as the database's CHECK constraints; blank optional fields are sent as null.
    const found: Partial<Record<ShopField, string>> = {}
    for (const field of [
      'orderingInstructions',
      'description',
      'phone',
      'email',
      'website',
    ] as const) {
      const message = validateShopField(field, nullIfBlank(draft[field]))
      if (message) found[field] = message
    }
    const links = validateShopField('socialLinks', linesOf(draft.socialLinks))
    if (links) found.socialLinks = links
    setErrors(found)
    if (Object.keys(found).length === 0 && draft.hoursValid) save.mutate()
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
      onChange: (e: { target: { value: string } }) =>
        setDraft({ ...draft, [name]: e.target.value }),
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
      </div>
    )
  }

  return (
    <form className="merchant-form details-form" onSubmit={submit} noValidate>
      <h3>{t('merchant.details')}</h3>
      <OpeningHoursEditor
        value={shop.openingHours}
        onChange={(openingHours, hoursValid) =>
          setDraft((d) => ({ ...d, openingHours, hoursValid }))
        }
      />
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
          onChange={(e) => setDraft({ ...draft, socialLinks: e.target.value })}
        />
        {errors.socialLinks ? <p className="field-error">{errors.socialLinks}</p> : null}
      </div>
      {Object.keys(errors).length > 0 || !draft.hoursValid ? (
        <p role="alert" className="field-error">
          {t('merchant.fixErrors')}
        </p>
      ) : null}
      {saveError ? (
        <p role="alert" className="problem-banner">
          {saveError.kind === 'stale-update'
            ? t('merchant.conflict')
            : saveError.kind === 'invalid'
              ? t('merchant.serverInvalid')
              : `${t('merchant.refused')} ${saveError.message}`}
        </p>
      ) : null}
      {save.isSuccess ? <p role="status">{t('merchant.saved')}</p> : null}
      <button type="submit" className="primary" disabled={save.isPending}>
        {save.isPending ? t('merchant.saving') : t('merchant.save')}
      </button>
    </form>
  )
}
