import { useT } from '@/lib/i18n'

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
