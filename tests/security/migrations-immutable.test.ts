import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  MANIFEST_PATH,
  MIGRATIONS_DIR,
  checkLandedContent,
  checkLandedPresent,
  checkManifest,
  checkManifestOnlyGrew,
  firstCommitPerFile,
  landedReferences,
  manifestLine,
  parseManifest,
  sha256,
  type AcceptedEdit,
} from './migration-checks'

/**
 * A landed migration is never edited: a database that already ran it would never see the
 * change, so the schema would depend on when it was created. Two guards, both in `npm test`:
 * - supabase/migrations.sha256 lists every migration with its checksum and only grows;
 * - git history: every migration that has landed on main is byte for byte the version it
 *   landed with (or, for the few edited before this check existed, the version their last
 *   accepted edit left). Skipped, with a warning, outside a git working copy.
 * The check logic lives in migration-checks.ts; the last block shows that each check fails.
 */

const repoRoot = join(import.meta.dirname, '..', '..')

/**
 * Edits of landed migrations made before this check existed, in history order, accepted as
 * they are. Never add to this list: change the schema with a new migration.
 */
const ACCEPTED_EDITS: readonly AcceptedEdit[] = [
  {
    file: '20261122040000_create_directory_schema.sql',
    commit: '27f96b6962adb763558be85337b7a61f2f1e20a6',
    why: 'INSEE code check fixed for Corsica (2A/2B); default sequence grants revoked',
  },
  {
    file: '20261122040000_create_directory_schema.sql',
    commit: '8fa24b44dd24a2c24bcd3bf9a0a96c2669dceac1',
    why: 'strictly increasing updated_at (concurrency token); status history kept on shop delete',
  },
  {
    file: '20261122040000_create_directory_schema.sql',
    commit: '1441a9b44bf10f562d5b5a151f07fde1dca59fa3',
    why: 'private.raise_write_refusal moved here from update_shop_details, used by set_shop_status',
  },
  {
    file: '20261122053000_update_shop_details.sql',
    commit: '1441a9b44bf10f562d5b5a151f07fde1dca59fa3',
    why: 'private.raise_write_refusal moved out to the directory schema',
  },
  {
    file: '20261201100000_input_limits.sql',
    commit: '289f12a2b0aeb8483ca55bbbb7b373034ef76a8a',
    why: 'import_error_message wraps the earlier function instead of restating it',
  },
  {
    file: '20261207090000_rpc_argument_bounds.sql',
    commit: '000735e70d5fe0bfcfe5882332df9f25fddb3799',
    why: 'set_shop_status, update_shop_details and import_shops restated once, in later migrations',
  },
  {
    file: '20261207091000_stale_checked_writes.sql',
    commit: '000735e70d5fe0bfcfe5882332df9f25fddb3799',
    why: 'set_shop_status and update_shop_details restated here once, with the argument checks',
  },
  {
    file: '20261207092000_keys_locks_and_limits.sql',
    commit: '000735e70d5fe0bfcfe5882332df9f25fddb3799',
    why: 'comment on import_shops, now restated here once',
  },
]

/** The commit time of the last accepted edit: no accepted edit may come after this check. */
const CHECK_INTRODUCED_AFTER = '2026-12-07T09:57:47Z'

function migrationsOnDisk(): Map<string, string> {
  const dir = join(repoRoot, MIGRATIONS_DIR)
  return new Map(
    readdirSync(dir)
      .filter((file) => file.endsWith('.sql'))
      .map((file) => [file, sha256(readFileSync(join(dir, file)))]),
  )
}

const manifestText = readFileSync(join(repoRoot, MANIFEST_PATH), 'utf8')

function git(args: string[]): Buffer {
  return execFileSync('git', args, {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  })
}

function gitText(args: string[]): string {
  return git(args).toString('utf8').trim()
}

function gitSucceeds(args: string[]): boolean {
  try {
    git(args)
    return true
  } catch {
    return false
  }
}

/**
 * Blobs by `<commit>:<path>` in one `git cat-file --batch` call; undefined where there is none.
 * Its output: `<oid> blob <size>\n<content>\n` per blob, `<spec> missing\n` otherwise.
 */
function gitBlobs(specs: readonly string[]): (Buffer | undefined)[] {
  const output = execFileSync('git', ['cat-file', '--batch'], {
    cwd: repoRoot,
    input: specs.map((spec) => `${spec}\n`).join(''),
    stdio: ['pipe', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  })
  let at = 0
  return specs.map(() => {
    const headerEnd = output.indexOf(0x0a, at)
    const [, type, size] = output.subarray(at, headerEnd).toString('utf8').split(' ')
    at = headerEnd + 1
    if (type !== 'blob' || size === undefined) return undefined
    const blob = output.subarray(at, at + Number(size))
    at += Number(size) + 1
    return blob
  })
}

/** The ref whose history says what has landed (main, else origin/main, else HEAD), or why not. */
function probeGit(): { base: string } | { skip: string } {
  let inside: string, shallow: string
  try {
    ;[inside, shallow] = gitText(['rev-parse', '--is-inside-work-tree', '--is-shallow-repository'])
      .split('\n')
      .map((line) => line.trim()) as [string, string]
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return { skip: code === 'ENOENT' ? 'git is not installed' : 'not a git working copy' }
  }
  if (inside !== 'true') return { skip: 'not inside a git working copy' }
  if (shallow === 'true') {
    return { skip: 'shallow clone, history incomplete: fetch with full depth' }
  }
  for (const base of ['refs/heads/main', 'refs/remotes/origin/main', 'HEAD']) {
    if (gitSucceeds(['rev-parse', '--verify', '--quiet', `${base}^{commit}`])) return { base }
  }
  return { skip: 'no commit yet' }
}

const gitProbe = probeGit()
const base = 'base' in gitProbe ? gitProbe.base : ''
if ('skip' in gitProbe) {
  console.warn(
    `migrations-immutable: git history checks skipped (${gitProbe.skip}); ` +
      `only the checksums in ${MANIFEST_PATH} are checked.`,
  )
}

function problemsText(problems: readonly string[]): string {
  return problems.join('\n\n')
}

describe('the migration manifest', () => {
  it('lists every migration with its checksum, and only those', () => {
    expect(problemsText(checkManifest(migrationsOnDisk(), manifestText))).toBe('')
  })

  it('states the rule in its header', () => {
    expect(manifestText.split('\n')[0]).toMatch(/^# /)
    expect(manifestText).toMatch(/never edited/)
    expect(manifestText).toMatch(/only grows/)
  })
})

describe.skipIf(!base)('landed migrations, against git history', () => {
  it('are all here, byte for byte as they landed or as their last accepted edit left them', () => {
    const addedIn = firstCommitPerFile(
      git([
        'log',
        base,
        '--no-renames',
        '--diff-filter=A',
        '--format=%x00%H',
        '--name-only',
        '--',
        MIGRATIONS_DIR,
      ]).toString('utf8'),
    )
    const references = landedReferences(addedIn, ACCEPTED_EDITS)
    const onDisk = migrationsOnDisk()
    const onMain = gitSucceeds(['cat-file', '-e', `${base}:./${MIGRATIONS_DIR}`])
      ? gitText(['ls-tree', '--name-only', `${base}:./${MIGRATIONS_DIR}`])
          .split('\n')
          .filter((file) => file.endsWith('.sql'))
      : []
    // Files not yet on main (new, possibly uncommitted) have no reference: they may still change.
    const landed = [...onDisk].flatMap(([file, currentHash]) => {
      const reference = references.get(file)
      return reference ? [{ file, currentHash, reference }] : []
    })
    const blobs = gitBlobs(
      landed.map(({ file, reference }) => `${reference.commit}:./${MIGRATIONS_DIR}/${file}`),
    )
    const problems = checkLandedPresent(onMain, onDisk)
    landed.forEach(({ file, currentHash, reference }, index) => {
      const blob = blobs[index]
      const problem = blob
        ? checkLandedContent(file, currentHash, sha256(blob), reference)
        : `${MIGRATIONS_DIR}/${file} is not in ${reference.commit}`
      if (problem) problems.push(problem)
    })
    expect(problemsText(problems)).toBe('')
  })

  it('keep every checksum the manifest had on main (it only grows)', () => {
    const [previous] = gitBlobs([`${base}:./${MANIFEST_PATH}`])
    if (!previous) return // not on main yet: nothing to compare
    expect(problemsText(checkManifestOnlyGrew(previous.toString('utf8'), manifestText))).toBe('')
  })

  it('accept only historical edits: real edits on main, all before this check', () => {
    const edited = new Set<string>()
    let commit = ''
    for (const line of gitText([
      'log',
      base,
      '--no-renames',
      '--diff-filter=M',
      '--format=commit %H',
      '--name-only',
      '--',
      MIGRATIONS_DIR,
    ]).split('\n')) {
      if (line.startsWith('commit ')) commit = line.slice('commit '.length)
      else if (line.trim()) edited.add(`${commit} ${line.slice(line.lastIndexOf('/') + 1)}`)
    }
    const commits = [...new Set(ACCEPTED_EDITS.map((edit) => edit.commit))]
    const dates = new Map(
      gitText(['show', '-s', '--format=%H %cI', ...commits])
        .split('\n')
        .map((line) => line.split(' ') as [string, string]),
    )
    for (const edit of ACCEPTED_EDITS) {
      const label = `${edit.commit.slice(0, 7)} ${edit.file}`
      expect(edited.has(`${edit.commit} ${edit.file}`), `${label} is an edit on main`).toBe(true)
      const date = dates.get(edit.commit) ?? ''
      expect(Date.parse(date), `${label} predates this check`).toBeLessThanOrEqual(
        Date.parse(CHECK_INTRODUCED_AFTER),
      )
    }
  })
})

describe('the checks fail when they should', () => {
  const original = '-- a landed migration\ncreate table public.t (id int);\n'
  const files = new Map([
    ['20260101000000_a.sql', sha256(original)],
    ['20260102000000_b.sql', sha256('select 1;\n')],
  ])
  const manifest = [
    '# header',
    manifestLine('20260101000000_a.sql', sha256(original)),
    manifestLine('20260102000000_b.sql', sha256('select 1;\n')),
    '',
  ].join('\n')

  it('hash like sha256sum and accept a complete manifest', () => {
    expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(checkManifest(files, manifest)).toEqual([])
  })

  it('print the line to add for a migration missing from the manifest', () => {
    const added = new Map(files).set('20260103000000_c.sql', sha256('select 2;\n'))
    const [problem, ...rest] = checkManifest(added, manifest)
    expect(rest).toEqual([])
    expect(problem).toContain('20260103000000_c.sql is not in supabase/migrations.sha256')
    expect(problem).toContain(`\n${sha256('select 2;\n')}  20260103000000_c.sql`)
  })

  it('name a migration whose content no longer matches its checksum', () => {
    const edited = new Map(files).set('20260101000000_a.sql', sha256(`${original}-- tweak\n`))
    const [problem, ...rest] = checkManifest(edited, manifest)
    expect(rest).toEqual([])
    expect(problem).toContain('20260101000000_a.sql differs from its checksum')
    expect(problem).toContain('add a new migration')
  })

  it('name a listed migration that is gone (deleted or renamed)', () => {
    const renamed = new Map(files)
    renamed.delete('20260101000000_a.sql')
    renamed.set('20260101000000_renamed.sql', sha256(original))
    const problems = checkManifest(renamed, manifest)
    expect(problems).toHaveLength(2)
    expect(problems.join('\n')).toContain('20260101000000_a.sql is listed')
    expect(problems.join('\n')).toContain('20260101000000_renamed.sql is not in')
  })

  it('refuse malformed, duplicated or unsorted manifest lines', () => {
    const lines = manifest.split('\n')
    const bad = [lines[0], lines[2], lines[1], lines[1], `${sha256('x')} *binary.sql`].join('\n')
    const { problems } = parseManifest(bad)
    expect(problems).toHaveLength(3)
    expect(problems.join('\n')).toMatch(/line 5 is not/)
    expect(problems.join('\n')).toMatch(/lists 20260101000000_a\.sql twice/)
    expect(problems.join('\n')).toMatch(/20260101000000_a\.sql must come before/)
  })

  it('refuse a manifest that changed other than by adding lines', () => {
    const grown = `${manifest}${manifestLine('20260103000000_c.sql', sha256('select 2;\n'))}\n`
    expect(checkManifestOnlyGrew(manifest, grown)).toEqual([])
    const rewritten = manifest.replace(sha256(original), sha256(`${original}-- tweak\n`))
    expect(checkManifestOnlyGrew(manifest, rewritten)).toEqual([
      expect.stringContaining(`lists 20260101000000_a.sql with ${sha256(original)}, now`),
    ])
    const shrunk = manifest.replace(/^.*_b\.sql\n/m, '')
    expect(checkManifestOnlyGrew(manifest, shrunk)).toEqual([
      expect.stringContaining('20260102000000_b.sql with'),
    ])
  })

  it('refuse a landed migration edited since it landed, or since its last accepted edit', () => {
    const addedIn = new Map([
      ['20260101000000_a.sql', 'a'.repeat(40)],
      ['20260102000000_b.sql', 'b'.repeat(40)],
    ])
    const accepted: AcceptedEdit[] = [
      { file: '20260102000000_b.sql', commit: 'c'.repeat(40), why: 'first' },
      { file: '20260102000000_b.sql', commit: 'd'.repeat(40), why: 'last' },
      { file: '20260109000000_not_landed.sql', commit: 'e'.repeat(40), why: 'ignored' },
    ]
    const references = landedReferences(addedIn, accepted)
    expect([...references]).toEqual([
      ['20260101000000_a.sql', { commit: 'a'.repeat(40), source: 'added' }],
      ['20260102000000_b.sql', { commit: 'd'.repeat(40), source: 'accepted edit' }],
    ])
    const a = references.get('20260101000000_a.sql')!
    expect(checkLandedContent('20260101000000_a.sql', sha256(original), sha256(original), a)).toBe(
      undefined,
    )
    expect(
      checkLandedContent('20260101000000_a.sql', sha256(`${original} `), sha256(original), a),
    ).toMatch(/_a\.sql has changed since it landed in aaaaaaa.*add a new migration/s)
    const b = references.get('20260102000000_b.sql')!
    expect(checkLandedContent('20260102000000_b.sql', sha256('new'), sha256('old'), b)).toMatch(
      /since its last accepted edit, ddddddd/,
    )
  })

  it('name a migration on main that is gone from the working copy', () => {
    expect(checkLandedPresent(['20260101000000_a.sql'], files)).toEqual([])
    expect(checkLandedPresent(['20260101000000_a.sql', '20260100000000_z.sql'], files)).toEqual([
      expect.stringMatching(/_z\.sql is on main but gone here.*never deleted or renamed/),
    ])
  })

  it('take the oldest commit of `git log` as the one that added a file', () => {
    const log = `\0${'2'.repeat(40)}\n\nsupabase/migrations/x.sql\n\0${'1'.repeat(40)}\n\nsupabase/migrations/x.sql\nsupabase/migrations/y.sql\n`
    expect([...firstCommitPerFile(log)]).toEqual([
      ['x.sql', '1'.repeat(40)],
      ['y.sql', '1'.repeat(40)],
    ])
  })
})
