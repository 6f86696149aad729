import { describe, expect, it } from 'vitest'
import { mergeImportReport } from '@/features/import-export/utils/import-report'

describe('mergeImportReport', () => {
  it('puts the file’s issues and the database’s verdicts in line order, and blocks on any error', () => {
    const report = mergeImportReport(
      [
        { line: 4, field: 'Téléphone', severity: 'error', message: 'numéro invalide' },
        { line: 2, field: 'Horaires', severity: 'warning', message: 'gardés en note' },
      ],
      [
        { line: 2, action: 'create', shopId: null, message: null },
        { line: 3, action: 'unchanged', shopId: 's3', message: null },
      ],
      [{ line: 5, reason: 'hors du territoire' }],
    )
    expect(report.entries.map((e) => [e.line, e.kind])).toEqual([
      [2, 'warning'],
      [2, 'create'],
      [3, 'unchanged'],
      [4, 'error'],
      [5, 'skipped'],
    ])
    expect(report.entries[3]?.message).toBe('Téléphone : numéro invalide')
    expect(report.counts).toEqual({ create: 1, update: 0, unchanged: 1, error: 1 })
    expect(report.blocked).toBe(true)
  })

  it('lets a clean report through, warnings included', () => {
    const report = mergeImportReport(
      [{ line: 2, field: null, severity: 'warning', message: 'note' }],
      [{ line: 2, action: 'update', shopId: 's', message: null }],
    )
    expect(report.blocked).toBe(false)
  })
})
