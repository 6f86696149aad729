import { useEffect, useId, useState, type FormEvent, type KeyboardEvent } from 'react'
import { useErrorText } from '@/lib/error-messages'
import { toBackendError } from '@/backend/errors'
import { SHOP_KINDS, SHOP_SERVICES, type Territory } from '@/backend/types'
import { useFeatureT, useT } from '@/lib/i18n'
import { useLocaleStore } from '@/lib/locale-store'
import { useCategories } from '@/shop/api/get-categories'
import { useLocationSearch } from '@/shop/api/search-locations'
import type { LocationSuggestion } from '@/shop/location-search'
import { OpeningHoursEditor } from '@/components/opening-hours-editor'
import { useSubcategories } from '@/shop/api/get-subcategories'
import { useSubmitShop } from '@/features/referencing/api/submit-shop'
import { referencingMessages } from '@/features/referencing/i18n/referencing-messages'
import { LocationPicker } from '@/map/location-picker'
import { useReferencingDraftStore } from '@/features/referencing/stores/referencing-draft-store'
import {
  addressFromSuggestion,
  checkReferencingForm,
  fillEmptyAddress,
  firstProblemField,
  formatPosition,
  type ReferencingField,
  type ReferencingForm as FormValues,
  type ReferencingProblem,
} from '@/features/referencing/utils/referencing-draft'

type TextField = {
  [K in keyof FormValues]: FormValues[K] extends string ? K : never
}[keyof FormValues]

interface TextOptions {
  type?: 'text' | 'tel' | 'email' | 'url'
  required?: boolean
  autoComplete?: string
  inputMode?: 'numeric' | 'text'
  /** A textarea of that many rows. */
  rows?: number
  className?: string
}

/**
 * The "Référencer mon commerce" questionnaire. Every keystroke goes to the session draft, so a
 * reload, a sign-in or a refusal never loses what was typed; it is checked with the database's
 * rules before sending, and the server's own refusal is shown as it says it.
 */
export function ReferencingForm({ territory }: { territory: Territory }) {
  const c = useFeatureT(referencingMessages)
  const errorText = useErrorText()
  const t = useT()
  const locale = useLocaleStore((s) => s.locale)
  const form = useReferencingDraftStore((s) => s.form)
  const generation = useReferencingDraftStore((s) => s.generation)
  const { formChanged, draftCleared } = useReferencingDraftStore.getState()
  const categories = useCategories()
  const subcategories = useSubcategories()
  const submit = useSubmitShop(territory.slug)
  const [attempted, setAttempted] = useState(false)
  const [sent, setSent] = useState(false)
  const [query, setQuery] = useState('')
  const search = useLocationSearch(territory.slug, query, territory.centre)
  const [focusRequest, setFocusRequest] = useState<{ target: string; n: number } | null>(null)
  const baseId = useId()
  const id = (name: string) => `${baseId}-${name}`

  const check = checkReferencingForm(form, {
    bounds: territory.bounds,
    subcategories: subcategories.data ?? [],
  })
  const problems = attempted && !check.ok ? check.problems : {}
  const serverError = submit.error ? toBackendError(submit.error) : null

  // Focus moves after the render that shows the messages, so that they are read with the field.
  useEffect(() => {
    if (!focusRequest) return
    const element = document.getElementById(focusRequest.target)
    const focusable =
      element && element.matches('input, select, textarea, [tabindex]')
        ? element
        : (element?.querySelector<HTMLElement>('[aria-invalid="true"], input, select, textarea') ??
          null)
    focusable?.focus()
  }, [focusRequest])
  const focus = (target: string) => setFocusRequest((r) => ({ target, n: (r?.n ?? 0) + 1 }))

  function onSubmit(event: FormEvent) {
    event.preventDefault()
    setAttempted(true)
    submit.reset()
    if (!check.ok) {
      const first = firstProblemField(check.problems)
      if (first) focus(id(first))
      return
    }
    submit.mutate(check.draft, {
      onSuccess: () => {
        draftCleared()
        setAttempted(false)
        setQuery('')
        setSent(true)
        focus(id('sent'))
      },
      onError: () => focus(id('server-error')),
    })
  }

  const describe = (problem: ReferencingProblem): string => {
    switch (problem.code) {
      case 'outsideTerritory':
        return c('problem.outsideTerritory')(territory.name)
      case 'tooLong':
        return c('problem.tooLong')(problem.length, problem.max)
      case 'tooManyLinks':
        return c('problem.tooManyLinks')(problem.count, problem.max)
      case 'linkScheme':
        return c('problem.linkScheme')(problem.line)
      case 'link':
        return c('problem.link')(problem.line)
      default:
        return c(`problem.${problem.code}`)
    }
  }
  const errorId = (field: ReferencingField) => id(`${field}-error`)
  const describedBy = (field: ReferencingField, ...others: (string | null)[]) =>
    [problems[field] ? errorId(field) : null, ...others].filter(Boolean).join(' ') || undefined
  const fieldError = (field: ReferencingField) => {
    const problem = problems[field]
    return problem ? (
      <p id={errorId(field)} className="field-error">
        {describe(problem)}
      </p>
    ) : null
  }
  const requiredMark = <span aria-hidden="true"> *</span>

  const textField = (
    field: TextField & ReferencingField,
    label: string,
    options: TextOptions = {},
  ) => {
    const common = {
      id: id(field),
      value: form[field],
      required: options.required,
      autoComplete: options.autoComplete,
      'aria-invalid': problems[field] ? true : undefined,
      'aria-describedby': describedBy(field),
      onChange: (e: { target: { value: string } }) => formChanged({ [field]: e.target.value }),
    }
    return (
      <div className={`referencing-field ${options.className ?? ''}`.trim()}>
        <label htmlFor={id(field)}>
          {label}
          {options.required ? requiredMark : null}
        </label>
        {options.rows ? (
          <textarea rows={options.rows} {...common} />
        ) : (
          <input type={options.type ?? 'text'} inputMode={options.inputMode} {...common} />
        )}
        {fieldError(field)}
      </div>
    )
  }

  function choose(suggestion: LocationSuggestion) {
    formChanged({
      location: suggestion.location,
      ...fillEmptyAddress(form, addressFromSuggestion(suggestion)),
    })
    setQuery('')
  }

  function searchKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Enter picks the first result instead of sending the whole form.
    if (event.key !== 'Enter') return
    event.preventDefault()
    const first = search.data?.suggestions[0]
    if (first) choose(first)
  }

  if (sent) {
    return (
      <div className="referencing-sent">
        <p id={id('sent')} role="status" tabIndex={-1}>
          {c('sent')}
        </p>
        <button type="button" onClick={() => setSent(false)}>
          {c('another')}
        </button>
      </div>
    )
  }

  const categoryName = (names: { nameFr: string; nameEn: string }) =>
    locale === 'fr' ? names.nameFr : names.nameEn
  const subcategoryOptions = (subcategories.data ?? []).filter(
    (s) => s.categorySlug === form.categorySlug,
  )
  const searching = query.trim().length >= 2

  return (
    <form className="referencing-form" aria-label={c('formLabel')} onSubmit={onSubmit} noValidate>
      <p className="referencing-form__note">{c('requiredNote')}</p>

      <section className="referencing-form__section" aria-labelledby={id('shop')}>
        <h3 id={id('shop')}>{c('sectionShop')}</h3>
        {textField('name', c('name'), { required: true, autoComplete: 'organization' })}
        <fieldset className="referencing-form__group">
          <legend>{c('kind')}</legend>
          <div className="chips">
            {SHOP_KINDS.map((kind) => (
              <label key={kind} className="chip">
                <input
                  type="radio"
                  name={id('kind')}
                  value={kind}
                  checked={form.kind === kind}
                  onChange={() => formChanged({ kind })}
                />
                {t(`kind.${kind}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="referencing-form__columns">
          <div className="referencing-field">
            <label htmlFor={id('categorySlug')}>
              {c('category')}
              {requiredMark}
            </label>
            <select
              id={id('categorySlug')}
              required
              value={form.categorySlug}
              aria-invalid={problems.categorySlug ? true : undefined}
              aria-describedby={describedBy('categorySlug')}
              onChange={(e) => {
                const categorySlug = e.target.value
                const keep = (subcategories.data ?? []).some(
                  (s) => s.slug === form.subcategorySlug && s.categorySlug === categorySlug,
                )
                formChanged({ categorySlug, subcategorySlug: keep ? form.subcategorySlug : '' })
              }}
            >
              <option value="">{c('chooseCategory')}</option>
              {(categories.data ?? []).map((category) => (
                <option key={category.slug} value={category.slug}>
                  {categoryName(category)}
                </option>
              ))}
            </select>
            {fieldError('categorySlug')}
            {categories.isError ? (
              <p role="alert" className="field-error">
                {c('categoriesError')}{' '}
                <button type="button" onClick={() => void categories.refetch()}>
                  {c('retry')}
                </button>
              </p>
            ) : null}
          </div>
          <div className="referencing-field">
            <label htmlFor={id('subcategorySlug')}>{c('subcategory')}</label>
            <select
              id={id('subcategorySlug')}
              value={form.subcategorySlug}
              disabled={subcategoryOptions.length === 0 && form.subcategorySlug === ''}
              aria-invalid={problems.subcategorySlug ? true : undefined}
              aria-describedby={describedBy('subcategorySlug')}
              onChange={(e) => formChanged({ subcategorySlug: e.target.value })}
            >
              <option value="">{c('noSubcategory')}</option>
              {subcategoryOptions.map((subcategory) => (
                <option key={subcategory.slug} value={subcategory.slug}>
                  {categoryName(subcategory)}
                </option>
              ))}
            </select>
            {fieldError('subcategorySlug')}
          </div>
        </div>
      </section>

      <section className="referencing-form__section" aria-labelledby={id('place')}>
        <h3 id={id('place')}>{c('sectionPlace')}</h3>
        <fieldset className="referencing-form__group referencing-position">
          <legend>
            {c('position')}
            {requiredMark}
          </legend>
          <div className="referencing-field">
            <label htmlFor={id('location')}>{c('search')}</label>
            <input
              id={id('location')}
              type="search"
              autoComplete="off"
              maxLength={200}
              value={query}
              aria-invalid={problems.location ? true : undefined}
              aria-describedby={describedBy('location', id('search-hint'), id('position-text'))}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={searchKeyDown}
            />
            <p id={id('search-hint')} className="hint">
              {c('searchHint')}
            </p>
          </div>
          {searching ? (
            <div className="referencing-position__results">
              {search.data?.addressSearchFailed ? (
                <p className="hint">{t('filters.addressOffline')}</p>
              ) : null}
              {search.data && search.data.suggestions.length === 0 ? (
                <p className="hint">{t('filters.noPlaceFound')}</p>
              ) : null}
              {search.data?.suggestions.length ? (
                <ul className="suggestions" aria-label={c('suggestions')}>
                  {search.data.suggestions.map((s) => (
                    <li key={`${s.kind}:${s.label}`}>
                      <button type="button" onClick={() => choose(s)}>
                        {s.label}
                        <small> · {t(`filters.suggestionKind.${s.kind}`)}</small>
                      </button>
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
          <p id={id('position-text')} className="referencing-position__text" aria-live="polite">
            {form.location ? (
              <>
                {c('positionIs')} <strong>{formatPosition(form.location)}</strong>
              </>
            ) : (
              c('noPosition')
            )}
          </p>
          {fieldError('location')}
          <LocationPicker
            territory={territory}
            location={form.location}
            onLocationChange={(location) => formChanged({ location })}
            label={c('mapLabel')}
            pinLabel={c('pinLabel')}
          />
          <p className="hint">{c('mapHint')}</p>
        </fieldset>
        <div className="referencing-form__columns referencing-form__columns--address">
          {textField('address', c('address'), {
            autoComplete: 'address-line1',
            className: 'referencing-field--wide',
          })}
          {textField('postcode', c('postcode'), {
            autoComplete: 'postal-code',
            inputMode: 'numeric',
          })}
          {textField('communeName', c('commune'), { autoComplete: 'address-level2' })}
        </div>
      </section>

      <section className="referencing-form__section" aria-labelledby={id('contact')}>
        <h3 id={id('contact')}>{c('sectionContact')}</h3>
        <div className="referencing-form__columns">
          {textField('phone', c('phone'), { type: 'tel', autoComplete: 'tel' })}
          {textField('email', c('email'), { type: 'email', autoComplete: 'email' })}
          {textField('website', c('website'), { type: 'url', autoComplete: 'url' })}
          {textField('socialLinks', c('social'), { rows: 2 })}
        </div>
      </section>

      <section className="referencing-form__section" aria-labelledby={id('offer')}>
        <h3 id={id('offer')}>{c('sectionOffer')}</h3>
        <fieldset className="referencing-form__group">
          <legend>{c('services')}</legend>
          <div className="referencing-form__services">
            {SHOP_SERVICES.map((service) => (
              <label key={service} className="big-checkbox">
                <input
                  type="checkbox"
                  checked={form.services.includes(service)}
                  onChange={() =>
                    formChanged({
                      services: form.services.includes(service)
                        ? form.services.filter((s) => s !== service)
                        : [...form.services, service],
                    })
                  }
                />
                {t(`sheet.service.${service}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div id={id('openingHours')} className="referencing-form__hours">
          <OpeningHoursEditor
            key={generation}
            value={form.openingHours}
            onChange={(openingHours, openingHoursValid) =>
              formChanged({ openingHours, openingHoursValid })
            }
          />
          {fieldError('openingHours')}
        </div>
        {textField('orderingInstructions', c('ordering'), { rows: 3 })}
        {textField('description', c('description'), { rows: 4 })}
      </section>

      {attempted && !check.ok ? (
        <p role="alert" className="field-error">
          {c('fixErrors')}
        </p>
      ) : null}
      {serverError ? (
        <div id={id('server-error')} role="alert" className="problem-banner" tabIndex={-1}>
          <p>
            {c('refused')} {errorText(serverError)}
          </p>
          <p>{c('kept')}</p>
        </div>
      ) : null}
      <button type="submit" className="primary" disabled={submit.isPending}>
        {submit.isPending ? c('submitting') : c('submit')}
      </button>
    </form>
  )
}
