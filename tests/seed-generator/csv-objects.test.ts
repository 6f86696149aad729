import { describe, expect, it } from 'vitest'
import { csvObjects } from '../../supabase/seed-generator/inputs'

describe('csvObjects (the seed generator’s CSV files, read with the app’s parser)', () => {
  it('keys each row by the header, without a byte-order mark or a leading #', () => {
    const text =
      '\uFEFF#Code_commune_INSEE;Nom\r\n86194;"Poitiers"\r\n\r\n79191;"Niort ""centre"""\r\n'
    expect(csvObjects(text, ';')).toEqual([
      { Code_commune_INSEE: '86194', Nom: 'Poitiers' },
      { Code_commune_INSEE: '79191', Nom: 'Niort "centre"' },
    ])
  })

  it('refuses a row of another width, naming its line', () => {
    expect(() => csvObjects('a,b\n1,2\n3\n', ',')).toThrow(/line 3 has 1 fields, header has 2/)
  })

  it('refuses an unterminated quote', () => {
    expect(() => csvObjects('a,b\n"1,2\n', ',')).toThrow(/CSV line 2/)
  })
})
