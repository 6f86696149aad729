import type { ImportIssue } from '@/backend/import-row'
import type { ImportReportLine } from '@/backend/types'

export type ReportKind = ImportReportLine['action'] | 'warning' | 'skipped'

export interface ReportEntry {
  line: number
  kind: ReportKind
  message: string | null
}

export interface ImportReport {
  entries: ReportEntry[]
  counts: Record<'create' | 'update' | 'unchanged' | 'error', number>
  /** Nothing may be committed: a line the file or the database refused. */
  blocked: boolean
}

/**
 * One report from what the importer could not read (its issues, its skipped features) and what
 * the database said of every row it read, in file order.
 */
export function mergeImportReport(
  issues: readonly ImportIssue[],
  database: readonly ImportReportLine[],
  skipped: readonly { line: number; reason: string }[] = [],
): ImportReport {
  const entries: ReportEntry[] = [
    ...issues.map((issue) => ({
      line: issue.line,
      kind: issue.severity,
      message: issue.field ? `${issue.field} : ${issue.message}` : issue.message,
    })),
    ...skipped.map((entry) => ({
      line: entry.line,
      kind: 'skipped' as const,
      message: entry.reason,
    })),
    ...database.map((line) => ({ line: line.line, kind: line.action, message: line.message })),
  ].sort((a, b) => a.line - b.line)
  const counts = { create: 0, update: 0, unchanged: 0, error: 0 }
  for (const entry of entries) {
    if (entry.kind in counts) counts[entry.kind as keyof typeof counts] += 1
  }
  return { entries, counts, blocked: counts.error > 0 }
}
