import { describe, expect, it } from 'vitest'
import {
  importReportCsv,
  KEPT_POSITION,
  mergeImportReport,
} from '@/features/import-export/utils/import-report'

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
    ])
    expect(report.skipped).toEqual([{ reason: 'hors du territoire', lines: [5] }])
    expect(report.entries[3]?.message).toBe('Téléphone : numéro invalide')
    expect(report.counts).toEqual({ create: 1, update: 0, unchanged: 1, error: 1, problems: 1 })
    expect(report.blocked).toBe(true)
  })

  it('counts lines in error apart from the problems found on them', () => {
    const report = mergeImportReport(
      [
        { line: 4, field: 'Téléphone', severity: 'error', message: 'numéro invalide' },
        { line: 4, field: 'E-mail', severity: 'error', message: 'adresse invalide' },
        { line: 6, field: 'Nom', severity: 'error', message: 'obligatoire' },
      ],
      [],
    )
    expect(report.counts.error).toBe(2)
    expect(report.counts.problems).toBe(3)
  })

  it('says once why many lines were left out, with their numbers', () => {
    const skipped = Array.from({ length: 93 }, (_, index) => ({
      line: index + 2,
      reason: 'hors du territoire Niort Agglo',
    }))
    const report = mergeImportReport([], [], skipped)
    expect(report.entries).toEqual([])
    expect(report.skipped).toEqual([
      { reason: 'hors du territoire Niort Agglo', lines: skipped.map((entry) => entry.line) },
    ])
    expect(report.changes).toBe(0)
  })

  it('downloads as a spreadsheet: line, outcome, message', () => {
    const report = mergeImportReport(
      [
        {
          line: 3,
          field: 'Nom',
          severity: 'error',
          message: 'Le nom est obligatoire ; ajoutez-le.',
        },
      ],
      [{ line: 2, action: 'create', shopId: null, message: null }],
      [{ line: 4, reason: 'hors du territoire' }],
    )
    const csv = importReportCsv(report, {
      line: 'Ligne',
      outcome: 'Résultat',
      message: 'Détail',
      kinds: {
        create: 'Création',
        update: 'Mise à jour',
        unchanged: 'Inchangé',
        error: 'Erreur',
        warning: 'Avertissement',
        skipped: 'Ignoré',
      },
    })
    expect(csv).toBe(
      '\uFEFFLigne;Résultat;Détail\r\n2;Création;\r\n3;Erreur;"Nom : Le nom est obligatoire ; ajoutez-le."\r\n4;Ignoré;hors du territoire',
    )
  })

  it('lets a clean report through, warnings included', () => {
    const report = mergeImportReport(
      [{ line: 2, field: null, severity: 'warning', message: 'note' }],
      [{ line: 2, action: 'update', shopId: 's', message: null }],
    )
    expect(report.blocked).toBe(false)
  })

  it('does not send the curator to fix a guessed position that the update did not use', () => {
    const approximate = (line: number) => ({
      line,
      field: null,
      severity: 'warning' as const,
      message: 'Position approximative (commune) : placé au centre de Poitiers (hors ligne).',
      topic: 'approximate-position' as const,
    })
    const report = mergeImportReport(
      [approximate(2), approximate(3), approximate(4)],
      [
        { line: 2, action: 'create', shopId: null, message: null },
        { line: 3, action: 'update', shopId: 'shop-1', message: 'Doublon possible de « X » (osm)' },
        { line: 4, action: 'unchanged', shopId: 'shop-2', message: null },
      ],
    )
    const messages = report.entries
      .filter((entry) => entry.kind === 'warning')
      .map((entry) => [entry.line, entry.message])
    expect(messages).toEqual([
      [2, 'Position approximative (commune) : placé au centre de Poitiers (hors ligne).'],
      [3, KEPT_POSITION],
      [4, KEPT_POSITION],
    ])
  })
})
