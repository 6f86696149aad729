// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { demoAccountDescription } from '@/features/account/utils/demo-account-description'
import { translate } from '@/lib/i18n'

describe('demoAccountDescription', () => {
  it('says the build’s labels in English and keeps the names', () => {
    const t = translate('en')
    expect(demoAccountDescription('Curateur·rice : Grand Poitiers', t)).toBe(
      'Curator: Grand Poitiers',
    )
    expect(
      demoAccountDescription(
        'Commerces : Démo — Boulangerie des Halles, Démo — Fromagerie du Marché (non publiée)',
        t,
      ),
    ).toBe('Shops: Démo — Boulangerie des Halles, Démo — Fromagerie du Marché (non publiée)')
    expect(demoAccountDescription('Curateur·rice : Niort Agglo · Commerces : Démo — A', t)).toBe(
      'Curator: Niort Agglo · Shops: Démo — A',
    )
    expect(demoAccountDescription('Sans commerce ni territoire', t)).toBe(
      'No shop and no territory',
    )
  })

  it('leaves French as the build wrote it, and an unknown shape unchanged', () => {
    for (const description of [
      'Curateur·rice : Grand Poitiers · Commerces : Démo — A, Démo — B',
      'Sans commerce ni territoire',
    ]) {
      expect(demoAccountDescription(description, translate('fr'))).toBe(description)
    }
    expect(demoAccountDescription('Testeur', translate('en'))).toBe('Testeur')
  })
})
