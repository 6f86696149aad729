import { useT } from '@/lib/i18n'
import type { LiveDraft } from '../hooks/use-live-draft'

/**
 * Under a field the merchant is typing in, when the same field changed elsewhere: their text
 * stays; they choose, the newer value is never put over their typing.
 */
export function ConflictNote({
  value,
  onKeepMine,
  onTakeTheirs,
}: {
  /** The newer value, as text. */
  value: string
  onKeepMine: () => void
  onTakeTheirs: () => void
}) {
  const t = useT()
  return (
    <div role="alert" className="conflict-note">
      <p>
        {t('merchant.changedElsewhere')(value.trim() === '' ? t('merchant.emptyValue') : value)}
      </p>
      <div className="conflict-note__actions">
        <button type="button" onClick={onKeepMine}>
          {t('merchant.keepMine')}
        </button>
        <button type="button" onClick={onTakeTheirs}>
          {t('merchant.takeTheirs')}
        </button>
      </div>
    </div>
  )
}

/** The note under `field` of a live draft, when that field is in conflict; nothing otherwise. */
export function FieldConflict<T extends object, K extends keyof T>({
  live,
  field,
  format = (value) => (value === null || value === undefined ? '' : String(value)),
}: {
  live: LiveDraft<T>
  field: K
  format?: (value: T[K]) => string
}) {
  if (!(field in live.conflicts)) return null
  return (
    <ConflictNote
      value={format(live.conflicts[field] as T[K])}
      onKeepMine={() => live.keepMine(field)}
      onTakeTheirs={() => live.takeTheirs(field)}
    />
  )
}
