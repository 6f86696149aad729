import type { ImportIssue } from '@/backend/import-row'
import type { ImportReportLine } from '@/backend/types'
import { csvField, UTF8_BOM } from '@/features/import-export/utils/csv-format'

export type ReportKind = ImportReportLine['action'] | 'warning' | 'skipped'

export interface ReportEntry {
  line: number
  kind: ReportKind
  message: string | null
}

/** Lines left out for one reason ("hors du territoire"): said once, not once per line. */
export interface SkippedGroup {
  reason: string
  lines: number[]
}

export interface ImportReport {
  /** Every line's outcomes and problems, in file order; skipped lines are in `skipped`. */
  entries: ReportEntry[]
  /** Lines by outcome; `error` counts lines, `problems` the errors found on them. */
  counts: Record<'create' | 'update' | 'unchanged' | 'error' | 'problems', number>
  skipped: SkippedGroup[]
  /** Nothing may be committed: a line the file or the database refused. */
  blocked: boolean
  /** Lines the commit would create or update: nothing to do when 0. */
  changes: number
}

export const KEPT_POSITION =
  'Adresse non placée : la fiche existante garde sa position (rien n’est placé au centre de la commune).'

/**
 * One report from what the importer could not read (its issues, its skipped features) and what
 * the database said of every row it read, in file order.
 */
export function mergeImportReport(
  issues: readonly ImportIssue[],
  database: readonly ImportReportLine[],
  skipped: readonly { line: number; reason: string }[] = [],
): ImportReport {
  // A line that updates a place already known keeps that place's position (import_shops): its
  // commune's centre was not used, and saying it was would send the curator to fix nothing.
  const keptPosition = new Set(
    database
      .filter((line) => (line.action === 'update' || line.action === 'unchanged') && line.shopId)
      .map((line) => line.line),
  )
  const entries: ReportEntry[] = [
    ...issues.map((issue) => ({
      line: issue.line,
      kind: issue.severity,
      message:
        issue.topic === 'approximate-position' && keptPosition.has(issue.line)
          ? KEPT_POSITION
          : issue.field
            ? `${issue.field} : ${issue.message}`
            : issue.message,
    })),
    ...database.map((line) => ({ line: line.line, kind: line.action, message: line.message })),
  ].sort((a, b) => a.line - b.line)

  const counts = { create: 0, update: 0, unchanged: 0, error: 0, problems: 0 }
  const errorLines = new Set<number>()
  for (const entry of entries) {
    if (entry.kind === 'error') {
      counts.problems += 1
      errorLines.add(entry.line)
    } else if (entry.kind in counts) counts[entry.kind as 'create' | 'update' | 'unchanged'] += 1
  }
  counts.error = errorLines.size

  const groups = new Map<string, number[]>()
  for (const entry of skipped) {
    const lines = groups.get(entry.reason) ?? []
    lines.push(entry.line)
    groups.set(entry.reason, lines)
  }
  return {
    entries,
    counts,
    skipped: [...groups].map(([reason, lines]) => ({ reason, lines: lines.sort((a, b) => a - b) })),
    blocked: errorLines.size > 0,
    changes: counts.create + counts.update,
  }
}

/** The report as a spreadsheet, so that the curator can fix the file line by line. */
export function importReportCsv(
  report: ImportReport,
  words: {
    line: string
    outcome: string
    message: string
    kinds: Record<ReportKind, string>
    /** Each message in the curator's language (the report keeps the French it was given). */
    text?: (message: string) => string
  },
): string {
  const text = words.text ?? ((message: string) => message)
  const rows = [
    [words.line, words.outcome, words.message],
    ...report.entries.map((entry) => [
      String(entry.line),
      words.kinds[entry.kind],
      entry.message === null ? '' : text(entry.message),
    ]),
    ...report.skipped.flatMap((group) =>
      group.lines.map((line) => [String(line), words.kinds.skipped, text(group.reason)]),
    ),
  ]
  return (
    UTF8_BOM + rows.map((cells) => cells.map((cell) => csvField(cell, ';')).join(';')).join('\r\n')
  )
}
