// The row shape is the backend port's (the database function takes it); importers use it here.
export type { ImportIssue, ImportRow, ParsedImport } from '@/backend/import-row'
