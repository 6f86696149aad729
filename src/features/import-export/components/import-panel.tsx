import { useEffect, useId, useMemo, useState } from 'react'
import { useErrorText } from '@/lib/error-messages'
import { BackendError } from '@/backend/errors'
import { DUPLICATE_CHOICES, type DuplicateChoice, type ImportRow } from '@/backend/import-row'
import type { ImportSource } from '@/backend/types'
import { useFeatureT } from '@/lib/i18n'
import { env } from '@/lib/env'
import { useLocaleStore } from '@/lib/locale-store'
import { reportTextIn } from '../i18n/report-text'
import { useImportShops } from '@/features/import-export/api/import-shops'
import { importExportMessages } from '../i18n/import-export-messages'
import { TableScroll } from '@/components/table-scroll'
import type { ImportCatalog } from '@/features/import-export/utils/import-catalog'
import {
  importReportCsv,
  mergeImportReport,
  type ImportReport,
} from '@/features/import-export/utils/import-report'
import {
  readImportFile,
  type ReadImportFile,
} from '@/features/import-export/utils/read-import-file'
import { questionnaireTemplateCsv } from '@/features/import-export/utils/questionnaire-csv'
import '../import-export.css'

interface Checked {
  file: ReadImportFile
  report: ImportReport
}

/** The same action and message on every line: what was approved is what would be done. */
function sameOutcomes(a: ImportReport, b: ImportReport): boolean {
  const key = (report: ImportReport) =>
    JSON.stringify(report.entries.map((entry) => [entry.line, entry.kind, entry.message]))
  return key(a) === key(b)
}

/** A line the database found already in the territory, for which the curator may choose. */
function isPossibleDuplicate(entry: ImportReport['entries'][number]): boolean {
  return entry.kind !== 'error' && (entry.message?.startsWith('Doublon possible de') ?? false)
}

/** A download link's address for a text, made once per text and released when it changes. */
function useDownloadUrl(text: string | null, type: string): string | undefined {
  const url = useMemo(
    () => (text === null ? undefined : URL.createObjectURL(new Blob([text], { type }))),
    [text, type],
  )
  useEffect(() => () => void (url && URL.revokeObjectURL?.(url)), [url])
  return url
}

/**
 * A file goes through a full dry run first (the importer's checks, then the database's, line by
 * line); only a report without errors can be committed, and the commit is all or nothing.
 */
export function ImportPanel({ catalog }: { catalog: ImportCatalog }) {
  const c = useFeatureT(importExportMessages)
  const errorText = useErrorText()
  const id = useId()
  const importShops = useImportShops()
  const [file, setFile] = useState<File | null>(null)
  const [checked, setChecked] = useState<Checked | null>(null)
  const [committed, setCommitted] = useState<ImportReport | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const locale = useLocaleStore((s) => s.locale)
  // The report keeps the French its readers and the database wrote; it is shown (and downloaded)
  // in the curator's language.
  const say = (message: string) => reportTextIn(locale, message)

  const send = (source: ImportSource, rows: ImportRow[], dryRun: boolean) =>
    importShops.mutateAsync({ territorySlug: catalog.territory.slug, source, rows, dryRun })

  async function check() {
    if (!file) return
    setProblem(null)
    setChecked(null)
    setCommitted(null)
    try {
      const read = await readImportFile(file, catalog, { url: env.geocoderUrl })
      const database = read.rows.length > 0 ? await send(read.source, read.rows, true) : []
      setChecked({ file: read, report: mergeImportReport(read.issues, database, read.skipped) })
    } catch (error) {
      setProblem(error instanceof BackendError ? errorText(error) : c('unreadable'))
    }
  }

  /** The curator's choice for a possible duplicate: the dry run is made again with it. */
  async function choose(line: number, choice: DuplicateChoice) {
    if (!checked) return
    setProblem(null)
    const rows = checked.file.rows.map((row) =>
      row.line === line ? { ...row, onDuplicate: choice } : row,
    )
    try {
      const database = await send(checked.file.source, rows, true)
      setChecked({
        file: { ...checked.file, rows },
        report: mergeImportReport(checked.file.issues, database, checked.file.skipped),
      })
    } catch (error) {
      setProblem(errorText(error))
    }
  }

  async function commit() {
    if (!checked || checked.report.blocked) return
    setProblem(null)
    try {
      // What the curator approved must still be what would happen: the territory may have
      // changed since the check (another curator's import, a merchant's edit).
      const again = mergeImportReport(
        checked.file.issues,
        await send(checked.file.source, checked.file.rows, true),
        checked.file.skipped,
      )
      if (!sameOutcomes(again, checked.report)) {
        setChecked({ ...checked, report: again })
        setProblem(c('changedSinceCheck'))
        return
      }
      const database = await send(checked.file.source, checked.file.rows, false)
      const report = mergeImportReport(checked.file.issues, database, checked.file.skipped)
      if (report.blocked) setChecked({ ...checked, report })
      else {
        setCommitted(report)
        setChecked(null)
      }
    } catch (error) {
      setProblem(errorText(error))
    }
  }

  const shown = committed ?? checked?.report ?? null
  const busy = importShops.isPending
  const templateUrl = useDownloadUrl(
    useMemo(() => questionnaireTemplateCsv(), []),
    'text/csv;charset=utf-8',
  )
  // The words of the current language, a stable object: the file is made again only when the
  // report or the language changes, and so is its address.
  const words = importExportMessages[locale]
  const reportCsv = useMemo(
    () =>
      shown
        ? importReportCsv(shown, {
            line: words.line,
            outcome: words.result,
            message: words.detail,
            kinds: words.action,
            text: (message) => reportTextIn(locale, message),
          })
        : null,
    [shown, words, locale],
  )
  const reportUrl = useDownloadUrl(reportCsv, 'text/csv;charset=utf-8')
  return (
    <section aria-labelledby={`${id}-title`} className="curation-section">
      <h2 id={`${id}-title`}>{c('importTitle')}</h2>
      <p>{c('importHelp')}</p>
      <p>
        <a href={templateUrl} download="vitrine-questionnaire.csv">
          {c('templateLink')}
        </a>
      </p>
      <label htmlFor={`${id}-file`}>{c('fileLabel')}</label>
      <input
        id={`${id}-file`}
        type="file"
        accept=".csv,.geojson,.json,text/csv,application/geo+json,application/json"
        onChange={(event) => {
          setFile(event.target.files?.[0] ?? null)
          setChecked(null)
          setCommitted(null)
        }}
      />
      <div className="curation-controls">
        <button type="button" disabled={!file || busy} onClick={() => void check()}>
          {busy && !checked ? c('checking') : c('check')}
        </button>
        {checked && !checked.report.blocked ? (
          <button
            type="button"
            className="primary"
            disabled={busy || checked.report.changes === 0}
            aria-describedby={checked.report.changes === 0 ? `${id}-nothing` : undefined}
            onClick={() => void commit()}
          >
            {busy ? c('committing') : c('commit')(checked.report.changes)}
          </button>
        ) : null}
      </div>
      {problem ? <p role="alert">{problem}</p> : null}
      {checked?.file.encoding ? (
        <p>{c('encoding')(checked.file.encoding, checked.file.delimiter ?? '')}</p>
      ) : null}
      {checked && checked.file.geocoder !== 'not-needed' ? (
        <p>{c('geocoder')[checked.file.geocoder]}</p>
      ) : null}
      {shown ? (
        <div role="status">
          <p>
            {committed
              ? c('committed')(shown.counts.create, shown.counts.update)
              : shown.blocked
                ? c('blocked')(shown.counts.error, shown.counts.problems)
                : c('summary')(
                    shown.counts.create,
                    shown.counts.update,
                    shown.counts.unchanged,
                    shown.counts.error,
                  )}
          </p>
          {checked && !checked.report.blocked && checked.report.changes === 0 ? (
            <p id={`${id}-nothing`}>{c('nothingToImport')}</p>
          ) : null}
        </div>
      ) : null}
      {shown
        ? shown.skipped.map((group) => (
            <details key={group.reason} className="import-skipped">
              <summary>{c('skippedGroup')(group.lines.length, say(group.reason))}</summary>
              <p>{c('skippedLines')(group.lines.join(', '))}</p>
            </details>
          ))
        : null}
      {shown ? (
        <p>
          <a href={reportUrl} download="vitrine-rapport-import.csv">
            {c('downloadReport')}
          </a>
        </p>
      ) : null}
      {shown ? (
        <TableScroll label={c('reportTitle')}>
          <table className="import-report">
            <caption>{c('reportTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{c('line')}</th>
                <th scope="col">{c('result')}</th>
                <th scope="col">{c('detail')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.entries.map((entry, index) => (
                <tr key={`${entry.line}-${index}`} className={`import-report__${entry.kind}`}>
                  <td>{entry.line}</td>
                  <td>{c('action')[entry.kind]}</td>
                  <td>
                    {entry.message === null ? '' : say(entry.message)}
                    {checked && !committed && isPossibleDuplicate(entry) ? (
                      <select
                        aria-label={c('duplicateChoiceLabel')(entry.line)}
                        value={
                          checked.file.rows.find((row) => row.line === entry.line)?.onDuplicate ??
                          'update'
                        }
                        disabled={busy}
                        onChange={(event) =>
                          void choose(entry.line, event.target.value as DuplicateChoice)
                        }
                      >
                        {DUPLICATE_CHOICES.map((choice) => (
                          <option key={choice} value={choice}>
                            {c('duplicateChoice')[choice]}
                          </option>
                        ))}
                      </select>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </section>
  )
}
