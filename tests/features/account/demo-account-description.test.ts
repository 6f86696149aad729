// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { demoAccountDescription } from '@/features/account/utils/demo-account-description'
import { translate } from '@/lib/i18n'

describe('demoAccountDescription', () => {
  const curator = { curates: ['Grand Poitiers', 'Niort Agglo'], shops: [] }
  const merchant = { curates: [], shops: ['Démo — Boulangerie des Halles', 'Démo — A'] }
  const both = { curates: ['Niort Agglo'], shops: ['Démo — A'] }
  const neither = { curates: [], shops: [] }

  it('words what the account can do in English, keeping the names', () => {
    const t = translate('en')
    expect(demoAccountDescription(curator, t)).toBe('Curator: Grand Poitiers, Niort Agglo')
    expect(demoAccountDescription(merchant, t)).toBe(
      'Shops: Démo — Boulangerie des Halles, Démo — A',
    )
    expect(demoAccountDescription(both, t)).toBe('Curator: Niort Agglo · Shops: Démo — A')
    expect(demoAccountDescription(neither, t)).toBe('No shop and no territory')
  })

  it('and in French', () => {
    const t = translate('fr')
    expect(demoAccountDescription(both, t)).toBe(
      'Curateur·rice : Niort Agglo · Commerces : Démo — A',
    )
    expect(demoAccountDescription(neither, t)).toBe('Sans commerce ni territoire')
  })
})
