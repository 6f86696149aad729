import { describe, expect, it } from 'vitest'
import type { Subcategory } from '@/backend/types'
import {
  addressFromSuggestion,
  checkReferencingForm,
  EMPTY_REFERENCING_FORM,
  fillEmptyAddress,
  firstProblemField,
  formatPosition,
  isInsideBounds,
  linesOf,
  openingHoursValidity,
  type ReferencingForm,
} from '@/features/referencing/utils/referencing-draft'
import { SHOP_LIMITS } from '@/shop/shop-rules'

const BOUNDS = [-0.05, 46.3, 0.78, 46.79] as const
const SUBCATEGORIES: Subcategory[] = [
  {
    slug: 'boulangerie',
    categorySlug: 'alimentation',
    nameFr: 'Boulangerie',
    nameEn: 'Bakery',
    osmTags: [],
  },
]
const context = { bounds: BOUNDS, subcategories: SUBCATEGORIES }

const valid: ReferencingForm = {
  ...EMPTY_REFERENCING_FORM,
  name: 'La Mie Câline',
  categorySlug: 'alimentation',
  location: { lon: 0.3404, lat: 46.5802 },
}

const problemsOf = (form: Partial<ReferencingForm>) => {
  const result = checkReferencingForm({ ...valid, ...form }, context)
  return result.ok ? {} : result.problems
}

describe('checkReferencingForm', () => {
  it('turns a valid form into the ShopDraft to send: trimmed, blanks as null', () => {
    const result = checkReferencingForm(
      {
        ...valid,
        name: '  La Mie Câline ',
        subcategorySlug: 'boulangerie',
        address: ' 12 rue Carnot ',
        postcode: '86000',
        phone: '   ',
        website: ' https://miecaline.test ',
        socialLinks: '\nhttps://a.test/x\r\n  \n https://b.test \n',
        services: ['delivery', 'click_and_collect'],
        openingHours: 'Mo-Fr 09:00-18:00',
        description: 'Pain au levain.\n',
      },
      context,
    )
    expect(result).toEqual({
      ok: true,
      draft: {
        kind: 'commercant',
        name: 'La Mie Câline',
        categorySlug: 'alimentation',
        subcategorySlug: 'boulangerie',
        description: 'Pain au levain.',
        address: '12 rue Carnot',
        postcode: '86000',
        communeInsee: null,
        communeName: null,
        location: { lon: 0.3404, lat: 46.5802 },
        phone: null,
        email: null,
        website: 'https://miecaline.test',
        socialLinks: ['https://a.test/x', 'https://b.test'],
        openingHours: 'Mo-Fr 09:00-18:00',
        openingHoursNote: null,
        orderingInstructions: null,
        services: ['click_and_collect', 'delivery'],
      },
    })
  })

  it('requires a name, a category and a position inside the territory', () => {
    expect(
      checkReferencingForm({ ...EMPTY_REFERENCING_FORM, name: '   ' }, { bounds: BOUNDS }),
    ).toEqual({
      ok: false,
      problems: {
        name: { code: 'nameRequired' },
        categorySlug: { code: 'categoryRequired' },
        location: { code: 'locationRequired' },
      },
    })
    expect(problemsOf({ location: { lon: 2.35, lat: 48.85 } })).toEqual({
      location: { code: 'outsideTerritory' },
    })
    // The database's box includes its edges.
    expect(problemsOf({ location: { lon: 0.78, lat: 46.3 } })).toEqual({})
  })

  it('applies the database rules to contacts and links', () => {
    expect(problemsOf({ phone: 'appelez-nous' })).toEqual({ phone: { code: 'phone' } })
    expect(problemsOf({ phone: '+33 5 49 41 21 24' })).toEqual({})
    expect(problemsOf({ email: 'pas-un-email' })).toEqual({ email: { code: 'email' } })
    const longEmail = `${'a'.repeat(250)}@b.fr`
    expect(problemsOf({ email: longEmail })).toEqual({
      email: { code: 'tooLong', length: 255, max: SHOP_LIMITS.email },
    })
    expect(problemsOf({ website: 'javascript:alert(1)' })).toEqual({
      website: { code: 'websiteScheme' },
    })
    expect(problemsOf({ website: 'https://localhost' })).toEqual({ website: { code: 'website' } })
    expect(problemsOf({ socialLinks: 'https://a.test\nfacebook.com/x' })).toEqual({
      socialLinks: { code: 'linkScheme', line: 2 },
    })
    expect(problemsOf({ socialLinks: 'https://a\n' })).toEqual({
      socialLinks: { code: 'link', line: 1 },
    })
    const eleven = Array.from({ length: 11 }, (_, i) => `https://a.test/${i}`).join('\n')
    expect(problemsOf({ socialLinks: eleven })).toEqual({
      socialLinks: { code: 'tooManyLinks', count: 11, max: 10 },
    })
    expect(problemsOf({ postcode: '8600' })).toEqual({ postcode: { code: 'postcode' } })
  })

  it('counts lengths in code points and refuses control characters', () => {
    expect(problemsOf({ name: '🥐'.repeat(SHOP_LIMITS.name) })).toEqual({})
    expect(problemsOf({ name: 'x'.repeat(121) })).toEqual({
      name: { code: 'tooLong', length: 121, max: 120 },
    })
    expect(problemsOf({ description: 'a\u0007b' })).toEqual({
      description: { code: 'controlCharacters' },
    })
    expect(problemsOf({ orderingInstructions: 'x'.repeat(1001) })).toEqual({
      orderingInstructions: { code: 'tooLong', length: 1001, max: 1000 },
    })
  })

  it('refuses hours the editor calls invalid and a subcategory of another category', () => {
    expect(problemsOf({ openingHours: 'Mo 18:00-09:00', openingHoursValid: false })).toEqual({
      openingHours: { code: 'hours' },
    })
    expect(problemsOf({ categorySlug: 'culture', subcategorySlug: 'boulangerie' })).toEqual({
      subcategorySlug: { code: 'subcategoryMismatch' },
    })
  })
})

describe('firstProblemField', () => {
  it('follows the order of the form', () => {
    expect(firstProblemField({ description: { code: 'hours' }, phone: { code: 'phone' } })).toBe(
      'phone',
    )
    expect(firstProblemField({})).toBeNull()
  })
})

describe('position helpers', () => {
  it('shows latitude then longitude with four decimals', () => {
    expect(formatPosition({ lon: 0.34041, lat: 46.58017 })).toBe('46.5802, 0.3404')
  })
  it('tests the territory bounds', () => {
    expect(isInsideBounds({ lon: 0.34, lat: 46.58 }, BOUNDS)).toBe(true)
    expect(isInsideBounds({ lon: 0.34, lat: 46.8 }, BOUNDS)).toBe(false)
  })
})

describe('addressFromSuggestion and fillEmptyAddress', () => {
  it('reads a street address of the national service and a commune', () => {
    expect(
      addressFromSuggestion({ label: '8 Rue de la Cathédrale 86000 Poitiers', kind: 'address' }),
    ).toEqual({ address: '8 Rue de la Cathédrale', postcode: '86000', communeName: 'Poitiers' })
    expect(addressFromSuggestion({ label: 'Poitiers', kind: 'commune' })).toEqual({
      communeName: 'Poitiers',
    })
    expect(addressFromSuggestion({ label: 'Lieu-dit sans code', kind: 'address' })).toEqual({})
  })

  it('never overwrites what the merchant typed', () => {
    expect(
      fillEmptyAddress(
        { address: '12 rue Carnot', postcode: ' ', communeName: '' },
        { address: '8 Rue de la Cathédrale', postcode: '86000', communeName: 'Poitiers' },
      ),
    ).toEqual({ postcode: '86000', communeName: 'Poitiers' })
  })
})

describe('linesOf', () => {
  it('keeps the non-blank lines, trimmed', () => {
    expect(linesOf(' a \r\n\n b\n')).toEqual(['a', 'b'])
  })
})

describe('openingHoursValidity', () => {
  it('judges a saved value as the hours editor will', () => {
    expect(openingHoursValidity(null)).toBe(true)
    expect(openingHoursValidity('Mo-Fr 09:00-18:00')).toBe(true)
    // Past midnight: the editor opens it as raw text, which the parser accepts.
    expect(openingHoursValidity('Mo 18:00-09:00')).toBe(true)
    expect(openingHoursValidity('n’importe quoi')).toBe(false)
  })
})
