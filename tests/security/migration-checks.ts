import { createHash } from 'node:crypto'

/**
 * The checks behind "a landed migration is never edited", kept pure (contents and hashes in,
 * problems out) so that migrations-immutable.test.ts can prove each one fails on a bad input
 * without touching the real files. Each problem is a sentence that says what to do.
 */

export const MIGRATIONS_DIR = 'supabase/migrations'
export const MANIFEST_PATH = 'supabase/migrations.sha256'

/** Hex SHA-256 of the exact bytes, as `sha256sum` prints it. */
export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex')
}

/** One manifest line, in the format `sha256sum` prints (two spaces: text mode). */
export function manifestLine(file: string, hash: string): string {
  return `${hash}  ${file}`
}

export interface ManifestEntry {
  file: string
  hash: string
}

const ENTRY = /^([0-9a-f]{64}) {2}([^\s/]+)$/

/** The entries of a manifest; comments (`#`) and blank lines are skipped, anything else is a problem. */
export function parseManifest(text: string): { entries: ManifestEntry[]; problems: string[] } {
  const entries: ManifestEntry[] = []
  const problems: string[] = []
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '')
    if (line.trim() === '' || line.startsWith('#')) return
    const match = ENTRY.exec(line)
    if (!match) {
      problems.push(
        `${MANIFEST_PATH} line ${index + 1} is not "<sha256>  <file name>" ` +
          `(64 lower-case hex digits, two spaces, the file name): ${JSON.stringify(line)}`,
      )
      return
    }
    entries.push({ hash: match[1]!, file: match[2]! })
  })
  const seen = new Set<string>()
  entries.forEach((entry, index) => {
    if (seen.has(entry.file)) problems.push(`${MANIFEST_PATH} lists ${entry.file} twice`)
    seen.add(entry.file)
    const previous = entries[index - 1]
    if (previous && previous.file > entry.file) {
      problems.push(
        `${MANIFEST_PATH} is sorted by file name: ${entry.file} must come before ${previous.file}`,
      )
    }
  })
  return { entries, problems }
}

/**
 * The migrations on disk (file name → sha256 of its bytes) against the manifest: every file
 * listed with its checksum, every listed file still there and unchanged.
 */
export function checkManifest(files: ReadonlyMap<string, string>, manifestText: string): string[] {
  const { entries, problems } = parseManifest(manifestText)
  const listed = new Map(entries.map((entry) => [entry.file, entry.hash]))
  for (const [file, hash] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const expected = listed.get(file)
    if (expected === undefined) {
      problems.push(
        `${MIGRATIONS_DIR}/${file} is not in ${MANIFEST_PATH}: add this line, in file-name order ` +
          `(the manifest only grows):\n${manifestLine(file, hash)}`,
      )
    } else if (expected !== hash) {
      problems.push(
        `${MIGRATIONS_DIR}/${file} differs from its checksum in ${MANIFEST_PATH} ` +
          `(now ${hash}): a landed migration is never edited. Restore it and add a new ` +
          `migration for the change. (Only a migration that has not reached main yet may still ` +
          `change, with its line replaced by:\n${manifestLine(file, hash)})`,
      )
    }
  }
  for (const { file } of entries) {
    if (!files.has(file)) {
      problems.push(
        `${MIGRATIONS_DIR}/${file} is listed in ${MANIFEST_PATH} but is gone: a landed ` +
          `migration is never deleted or renamed. Restore it and add a new migration instead.`,
      )
    }
  }
  return problems
}

/**
 * The manifest as it was on main (`previous`) against the working copy (`current`): every entry
 * it had is still there with the same checksum. Lines may only be added.
 */
export function checkManifestOnlyGrew(previous: string, current: string): string[] {
  const now = new Map(parseManifest(current).entries.map((entry) => [entry.file, entry.hash]))
  const problems: string[] = []
  for (const { file, hash } of parseManifest(previous).entries) {
    const hashNow = now.get(file)
    if (hashNow === hash) continue
    problems.push(
      `${MANIFEST_PATH} on main lists ${file} with ${hash}, ` +
        `${hashNow === undefined ? 'which is gone now' : `now ${hashNow}`}: ` +
        `the manifest only grows, by a line per new migration. Restore the line (and the ` +
        `migration) and add a new migration for the change.`,
    )
  }
  return problems
}

/** An edit of a landed migration made before this check existed, accepted as it is. */
export interface AcceptedEdit {
  file: string
  /** The full hash of the commit that edited it. */
  commit: string
  why: string
}

export interface LandedReference {
  /** The commit whose version of the file is the one that must stay. */
  commit: string
  /** How that commit relates to the file: where it landed, or its last accepted edit. */
  source: 'added' | 'accepted edit'
}

/**
 * For each landed migration (file name → commit that added it on main), the version it must
 * keep: as it was added, or as left by its last accepted edit (`accepted` is in history order).
 * Files not in `addedIn` have not landed yet and may still change.
 */
export function landedReferences(
  addedIn: ReadonlyMap<string, string>,
  accepted: readonly AcceptedEdit[],
): Map<string, LandedReference> {
  const references = new Map<string, LandedReference>()
  for (const [file, commit] of addedIn) references.set(file, { commit, source: 'added' })
  for (const edit of accepted) {
    if (addedIn.has(edit.file)) {
      references.set(edit.file, { commit: edit.commit, source: 'accepted edit' })
    }
  }
  return references
}

/** A landed migration's current bytes against its bytes in the reference commit. */
export function checkLandedContent(
  file: string,
  currentHash: string,
  referenceHash: string,
  reference: LandedReference,
): string | undefined {
  if (currentHash === referenceHash) return undefined
  const since =
    reference.source === 'added'
      ? `it landed in ${reference.commit.slice(0, 7)}`
      : `its last accepted edit, ${reference.commit.slice(0, 7)} (listed in ` +
        `migrations-immutable.test.ts as predating this check)`
  return (
    `${MIGRATIONS_DIR}/${file} has changed since ${since}: a landed migration is never ` +
    `edited. Restore it (git show ${reference.commit.slice(0, 7)}:${MIGRATIONS_DIR}/${file}) ` +
    `and add a new migration for the change.`
  )
}

/** Every migration on main (its file names) still on disk: none deleted or renamed. */
export function checkLandedPresent(
  onMain: Iterable<string>,
  files: ReadonlyMap<string, string>,
): string[] {
  return [...onMain]
    .filter((file) => !files.has(file))
    .map(
      (file) =>
        `${MIGRATIONS_DIR}/${file} is on main but gone here: a landed migration is never ` +
        `deleted or renamed. Restore it from main and add a new migration instead.`,
    )
}

/**
 * Parses `git log --format=%x00%H --name-only` output, newest first, into each file's oldest
 * commit: the one that first added it.
 */
export function firstCommitPerFile(log: string): Map<string, string> {
  const first = new Map<string, string>()
  for (const block of log.split('\0')) {
    const [commit, ...files] = block.split('\n').filter((line) => line.trim() !== '')
    if (!commit) continue
    for (const path of files) first.set(path.slice(path.lastIndexOf('/') + 1), commit.trim())
  }
  return first
}
