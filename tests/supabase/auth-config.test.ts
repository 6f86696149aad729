import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

/**
 * The project's Auth settings that security depends on. Invitations bind to a confirmed e-mail
 * address (accept_shop_invitations reads auth.users.email_confirmed_at): with confirmations
 * off, Supabase confirms every e-mail sign-up at once and an invited address could be claimed by
 * anyone through the Auth API.
 */
const config = readFileSync(new URL('../../supabase/config.toml', import.meta.url), 'utf8')

/** The value of `key` in the `[section]` table of the TOML file (flat keys only). */
function setting(section: string, key: string): string | null {
  const lines = config.split('\n')
  let current = ''
  for (const raw of lines) {
    const line = raw.replace(/#.*$/, '').trim()
    const header = /^\[([^\]]+)\]$/.exec(line)
    if (header) current = header[1]!
    else if (current === section) {
      const pair = /^([A-Za-z_]+)\s*=\s*(.+)$/.exec(line)
      if (pair && pair[1] === key) return pair[2]!.trim()
    }
  }
  return null
}

describe('supabase/config.toml', () => {
  it('requires every e-mail sign-up to confirm its address', () => {
    expect(setting('auth.email', 'enable_confirmations')).toBe('true')
  })

  it('keeps e-mail changes confirmed on both addresses', () => {
    expect(setting('auth.email', 'double_confirm_changes')).toBe('true')
  })
})
