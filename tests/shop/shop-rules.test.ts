// @vitest-environment node
import { describe, expect, it } from 'vitest'
import {
  SHOP_LIMITS,
  areHttpUrls,
  btrim,
  charLength,
  isCleanText,
  isEmail,
  isHttpUrl,
  isPhone,
  isPostcode,
  isVisibleText,
  validateShopDetails,
  validateShopField,
} from '../../src/shop/shop-rules'

describe('lengths', () => {
  it('counts code points like PostgreSQL', () => {
    expect(charLength('é')).toBe(1)
    expect(charLength('🍞')).toBe(1)
    expect('🍞'.length).toBe(2)
    expect(charLength('👩‍🍳')).toBe(3) // a ZWJ sequence is three code points in both
  })
  it('limits the status message to 280 characters, emoji counting as one', () => {
    expect(validateShopField('statusMessage', '🍞'.repeat(280))).toBeNull()
    expect(validateShopField('statusMessage', 'a'.repeat(281))).toBe(
      'Le message fait 281 caractères : 280 au plus.',
    )
    expect(validateShopField('statusMessage', '')).toBeNull()
  })
  it('uses the limits of the CHECK constraints', () => {
    expect(SHOP_LIMITS).toMatchObject({
      name: 120,
      description: 2000,
      address: 200,
      statusMessage: 280,
      openingHours: 500,
      openingHoursNote: 1000,
      orderingInstructions: 1000,
      socialLinks: 10,
    })
    expect(validateShopField('description', 'é'.repeat(2000))).toBeNull()
    expect(validateShopField('description', 'é'.repeat(2001))).toBe(
      'La description fait 2001 caractères : 2000 au plus.',
    )
    expect(validateShopField('address', 'x'.repeat(201))).toMatch(/^L'adresse fait 201/)
    expect(validateShopField('orderingInstructions', 'x'.repeat(1001))).toMatch(
      /^La marche à suivre fait 1001/,
    )
    expect(validateShopField('openingHours', 'x'.repeat(501))).not.toBeNull()
    expect(validateShopField('openingHoursNote', 'x'.repeat(1000))).toBeNull()
  })
  it('measures the name after removing spaces only, as btrim does', () => {
    expect(btrim('  a b  ')).toBe('a b')
    expect(btrim('\ta\n')).toBe('\ta\n')
    expect(validateShopField('name', '   ')).toBe('Le nom est obligatoire.')
    expect(validateShopField('name', null)).toBe('Le nom est obligatoire.')
    // A name is one line: a tab is refused as invisible (private.is_visible_text).
    expect(validateShopField('name', '\t')).toBe('Caractères invisibles ou de contrôle interdits.')
    expect(validateShopField('name', ` ${'n'.repeat(120)} `)).toBeNull()
    expect(validateShopField('name', 'n'.repeat(121))).toBe(
      'Le nom fait 121 caractères : 120 au plus.',
    )
  })
})

describe('isCleanText', () => {
  it('allows tab, newline and carriage return, accents and emoji', () => {
    expect(isCleanText('Ouvert\tde 9h\nà 12h\r\n')).toBe(true)
    expect(isCleanText('Boulangerie « Chez Zoé » 🥖')).toBe(true)
    expect(isCleanText('\u0085\u00a0')).toBe(true) // C1 controls are not refused by the DB
    expect(isCleanText(null)).toBe(true)
  })
  it('refuses other ASCII control characters and NUL', () => {
    for (const c of ['\x01', '\x07', '\x08', '\x0b', '\x0c', '\x0e', '\x1b', '\x1f', '\x7f', '\0'])
      expect(isCleanText(`a${c}b`), JSON.stringify(c)).toBe(false)
    expect(validateShopField('statusMessage', 'Fermé\x07')).toBe(
      'Caractères de contrôle interdits.',
    )
    // Links too (the *_clean and *_visible constraints), with the single-line fields' message.
    expect(validateShopField('website', 'https://exemple.fr/\x07')).toBe(
      'Caractères invisibles ou de contrôle interdits.',
    )
    expect(validateShopField('socialLinks', ['https://exemple.fr/\x1b'])).toBe(
      'Caractères invisibles ou de contrôle interdits.',
    )
  })
})

describe('isHttpUrl', () => {
  it.each([
    'http://example.fr',
    'https://example.fr/',
    'HTTPS://EXAMPLE.FR/Page?x=1#top',
    'https://www.facebook.com/boulangerie.zoe',
    'http://127.0.0.1:8080/x',
    'https://user@exemple.fr',
    'https://café.fr/é',
    'http://a.b?q',
    'http://a.b#f',
  ])('accepts %s', (url) => expect(isHttpUrl(url)).toBe(true))
  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'ftp://example.fr',
    'http://localhost',
    'http://localhost:3000/x',
    'example.fr',
    '//example.fr',
    'https://',
    'http://a.',
    'http://.a',
    'http://exa mple.fr',
    'http://example.fr/a b',
    'http://example.fr/\n',
    ' http://example.fr',
    'http://example.fr\u3000',
    'httpſ://example.fr',
    '',
  ])('refuses %j', (url) => expect(isHttpUrl(url)).toBe(false))
  it('limits URLs to 500 characters', () => {
    const base = 'https://example.fr/'
    expect(isHttpUrl(base + 'a'.repeat(500 - base.length))).toBe(true)
    expect(isHttpUrl(base + 'a'.repeat(501 - base.length))).toBe(false)
    expect(validateShopField('website', base + 'a'.repeat(600))).toBe(
      "L'adresse du site fait 619 caractères : 500 au plus.",
    )
  })
  it('follows the database where it is lax: a non-breaking space or a control character in the path', () => {
    expect(isHttpUrl('http://example.fr/a\u00a0b')).toBe(true)
    expect(isHttpUrl('http://example.fr/\x07')).toBe(true)
    expect(isHttpUrl('http://example.fr/\0')).toBe(false)
  })
  it('explains the error', () => {
    expect(validateShopField('website', 'javascript:alert(1)')).toBe(
      'Le site doit commencer par http:// ou https://.',
    )
    expect(validateShopField('website', 'www.example.fr')).toBe(
      'Le site doit commencer par http:// ou https://.',
    )
    expect(validateShopField('website', 'http://localhost')).toBe('Adresse du site invalide.')
    expect(validateShopField('website', null)).toBeNull()
  })
})

describe('areHttpUrls', () => {
  it('accepts up to 10 http(s) links and none', () => {
    expect(areHttpUrls([])).toBe(true)
    expect(areHttpUrls(null)).toBe(true)
    expect(areHttpUrls(Array.from({ length: 10 }, (_, i) => `https://s${i}.fr`))).toBe(true)
  })
  it('refuses 11 links, a null link, a bad link', () => {
    expect(areHttpUrls(Array.from({ length: 11 }, (_, i) => `https://s${i}.fr`))).toBe(false)
    expect(areHttpUrls(['https://a.fr', null])).toBe(false)
    expect(areHttpUrls(['https://a.fr', 'ftp://b.fr'])).toBe(false)
  })
  it('explains which link is wrong', () => {
    expect(validateShopField('socialLinks', ['https://a.fr', 'instagram.com/zoe'])).toBe(
      'Le lien 2 doit commencer par http:// ou https://.',
    )
    expect(validateShopField('socialLinks', ['http://localhost'])).toBe('Le lien 1 est invalide.')
    expect(validateShopField('socialLinks', [null])).toBe('Le lien 1 est vide.')
    expect(
      validateShopField(
        'socialLinks',
        Array.from({ length: 11 }, (_, i) => `https://s${i}.fr`),
      ),
    ).toBe('10 liens au plus (11 saisis).')
  })
})

describe('isEmail', () => {
  it.each([
    'zoe@boulangerie.fr',
    'Zoe.Martin+pain@mail.example.co.uk',
    "o'brien@x.ie",
    'a!#$%&*/=?^_`{|}~-@a-b.c1',
    'x@1.2',
  ])('accepts %s', (email) => expect(isEmail(email)).toBe(true))
  it.each([
    'zoe',
    'zoe@',
    '@x.fr',
    'zoe@localhost',
    'zoe@x..fr',
    'zoe@-x.fr',
    'zoe@x-.fr',
    'zoé@x.fr',
    'zoe@café.fr',
    'zoe @x.fr',
    'zoe@x.fr ',
    'a@b@c.fr',
    'zoe@x.fr\n',
    '',
  ])('refuses %j', (email) => expect(isEmail(email)).toBe(false))
  it('limits labels to 63 characters and the address to 254', () => {
    expect(isEmail(`a@${'b'.repeat(63)}.fr`)).toBe(true)
    expect(isEmail(`a@${'b'.repeat(64)}.fr`)).toBe(false)
    const long = `${'a'.repeat(240)}@example.fr`
    expect(long.length).toBe(251)
    expect(isEmail(long)).toBe(true)
    expect(isEmail(`${'a'.repeat(244)}@example.fr`)).toBe(false)
    expect(validateShopField('email', `${'a'.repeat(244)}@example.fr`)).toBe(
      "L'adresse e-mail fait 255 caractères : 254 au plus.",
    )
  })
  it('gives the UI message', () => {
    expect(validateShopField('email', 'zoe@')).toBe('Adresse e-mail invalide.')
    expect(validateShopField('email', 'zoe@x.fr')).toBeNull()
  })
})

describe('isPhone', () => {
  it.each([
    '05 49 41 21 23',
    '+33 5 49 41 21 23',
    '0549412123',
    '05.49.41.21.23',
    '05-49-41-21-23',
    '+33 (0)5 49 41 21 23',
  ])('accepts %s', (phone) => expect(isPhone(phone)).toBe(true))
  it.each([
    'abc',
    '(0)5 49 41 21 23',
    '',
    '12345',
    '+',
    '+ 33 5 49',
    '05 49 41 21 23 ext 4',
    '٠٥٤٩٤١٢١٢٣',
    '05\u00a049\u00a041',
    '0'.repeat(26),
  ])('refuses %j', (phone) => expect(isPhone(phone)).toBe(false))
  it('allows 6 to 25 characters after the first digit', () => {
    expect(isPhone('123456')).toBe(true)
    expect(isPhone('+' + '1'.repeat(25))).toBe(true)
    expect(isPhone('1'.repeat(25))).toBe(true)
  })
  it('gives the UI message', () => {
    expect(validateShopField('phone', 'abc')).toBe('Numéro de téléphone invalide.')
    expect(validateShopField('phone', '')).toBe('Numéro de téléphone invalide.')
    expect(validateShopField('phone', null)).toBeNull()
  })
})

describe('postcode', () => {
  it('needs five digits', () => {
    expect(isPostcode('86000')).toBe(true)
    expect(isPostcode('2A000')).toBe(false)
    expect(isPostcode('8600')).toBe(false)
    expect(validateShopField('postcode', '860000')).toBe('Le code postal doit compter 5 chiffres.')
  })
})

describe('validateShopDetails', () => {
  it('returns one message per refused field', () => {
    expect(
      validateShopDetails({
        statusMessage: 'Ouvert ! 🎉',
        description: 'x'.repeat(2001),
        phone: 'abc',
        email: 'zoe@boulangerie',
        website: 'javascript:alert(1)',
        socialLinks: ['https://instagram.com/zoe', 'ftp://x.fr'],
        orderingInstructions: 'Appelez\x07',
      }),
    ).toEqual({
      description: 'La description fait 2001 caractères : 2000 au plus.',
      phone: 'Numéro de téléphone invalide.',
      email: 'Adresse e-mail invalide.',
      website: 'Le site doit commencer par http:// ou https://.',
      socialLinks: 'Le lien 2 doit commencer par http:// ou https://.',
      orderingInstructions: 'Caractères de contrôle interdits.',
    })
  })
  it('is empty for valid or absent fields', () => {
    expect(validateShopDetails({})).toEqual({})
    expect(
      validateShopDetails({
        statusMessage: null,
        phone: '05 49 41 21 23',
        email: 'zoe@boulangerie.fr',
        website: 'https://boulangerie.fr',
        socialLinks: [],
        description: undefined,
      }),
    ).toEqual({})
  })
})

/** Every code point private.is_visible_text refuses, by name. */
const INVISIBLE = {
  c0: Array.from({ length: 0x1f }, (_, i) => i + 1),
  del: [0x7f],
  c1: Array.from({ length: 0x20 }, (_, i) => 0x80 + i),
  bidi: [
    0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069,
  ],
  zeroWidth: [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff],
}
const INVISIBLE_CODE_POINTS = Object.values(INVISIBLE).flat()
const hex = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`
const MESSAGE = 'Caractères invisibles ou de contrôle interdits.'

describe('isVisibleText', () => {
  it('refuses exactly the listed code points, over all of Unicode', () => {
    const refused: number[] = []
    for (let c = 1; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue
      if (!isVisibleText(`a${String.fromCodePoint(c)}b`)) refused.push(c)
    }
    expect(refused.map(hex)).toEqual([...INVISIBLE_CODE_POINTS].sort((a, b) => a - b).map(hex))
  })

  it('refuses NUL, which PostgreSQL cannot store', () => {
    expect(isVisibleText('a\0b')).toBe(false)
  })

  it.each([
    ['accented French', 'Boulangerie « Chez Zoé » — L’Épi d’Or, Œufs & Crème'],
    ['emoji', 'Pains 🥖🍞 et 🇫🇷'],
    ['Greek', 'Φούρνος'],
    ['Cyrillic', 'Пекарня'],
    ['Arabic', 'مخبز الحي'],
    ['Hebrew', 'מאפייה'],
    ['Chinese', '面包店'],
    ['Devanagari', 'बेकरी'],
    ['non-breaking and other visible spaces', 'a\u00a0b\u2003c\u202fd\u3000e'],
    ['soft hyphen (not listed)', 'boulan\u00adgerie'],
    ['nothing', null],
  ])('accepts %s', (_label, value) => expect(isVisibleText(value)).toBe(true))

  it('refuses an emoji joined by U+200D, as the database does', () => {
    expect(isVisibleText('👩‍🍳')).toBe(false)
    expect(isVisibleText('👩🍳')).toBe(true)
  })
})

describe('names, addresses, communes and links: invisible characters', () => {
  const at = (c: number) => {
    const ch = String.fromCodePoint(c)
    return { start: `${ch}Chez Zoé`, middle: `Chez${ch}Zoé`, end: `Chez Zoé${ch}` }
  }
  const link = (c: number) => {
    const ch = String.fromCodePoint(c)
    return {
      start: `${ch}https://zoe.fr/pain`,
      host: `https://zo${ch}e.fr/pain`,
      middle: `https://zoe.fr/pa${ch}in`,
      end: `https://zoe.fr/pain${ch}`,
    }
  }

  it.each(INVISIBLE_CODE_POINTS.map((c) => [hex(c), c] as const))(
    '%s in a name, an address, a commune and a link',
    (_label, c) => {
      for (const value of Object.values(at(c))) {
        for (const field of ['name', 'address', 'communeName'] as const)
          expect(validateShopField(field, value), `${field} ${JSON.stringify(value)}`).toBe(MESSAGE)
      }
      for (const value of Object.values(link(c))) {
        expect(validateShopField('website', value), JSON.stringify(value)).toBe(MESSAGE)
        expect(validateShopField('socialLinks', ['https://a.fr', value])).toBe(MESSAGE)
      }
    },
  )

  it('keeps tab and line breaks in multi-line text, and emoji sequences', () => {
    for (const field of ['description', 'orderingInstructions', 'statusMessage'] as const) {
      expect(validateShopField(field, 'Ouvert\tde 9h\nà 12h\r\n👩‍🍳')).toBeNull()
      expect(validateShopField(field, 'a\x07b')).toBe('Caractères de contrôle interdits.')
    }
  })

  it('accepts accented, emoji and non-Latin names and links', () => {
    for (const name of ['Boulangerie « Chez Zoé »', 'Pains 🥖', 'مخبز الحي', 'Пекарня', '面包店'])
      for (const field of ['name', 'address', 'communeName'] as const)
        expect(validateShopField(field, name), `${field} ${name}`).toBeNull()
    expect(validateShopField('website', 'https://café.fr/pâtisserie')).toBeNull()
    expect(validateShopField('socialLinks', ['https://🍞.fr', 'https://пекарня.рф/'])).toBeNull()
  })

  it('words the refusal the same way for a control character in a name', () => {
    expect(validateShopField('name', 'Zoé\x07')).toBe(MESSAGE)
    expect(validateShopField('communeName', 'Poitiers\u0085')).toBe(MESSAGE)
    expect(validateShopDetails({ name: 'Zoé\u202e', website: 'https://a.fr/\u200b' })).toEqual({
      name: MESSAGE,
      website: MESSAGE,
    })
  })
})

describe('messages in English', () => {
  it('gives the same verdicts as in French, worded in English', () => {
    expect(validateShopField('phone', 'abc', 'en')).toBe('Invalid phone number.')
    expect(validateShopField('email', 'zoe@', 'en')).toBe('Invalid e-mail address.')
    expect(validateShopField('email', `${'a'.repeat(244)}@example.fr`, 'en')).toBe(
      'The e-mail address is 255 characters long: 254 at most.',
    )
    expect(validateShopField('website', 'www.example.fr', 'en')).toBe(
      'The website must start with http:// or https://.',
    )
    expect(validateShopField('website', 'http://localhost', 'en')).toBe('Invalid website address.')
    expect(validateShopField('postcode', '860000', 'en')).toBe('The postcode must have 5 digits.')
    expect(validateShopField('name', '   ', 'en')).toBe('The name is required.')
    expect(validateShopField('name', 'Zoé\x07', 'en')).toBe(
      'Invisible or control characters are not allowed.',
    )
    expect(validateShopField('statusMessage', 'a\x07b', 'en')).toBe(
      'Control characters are not allowed.',
    )
    expect(validateShopField('statusMessage', 'a'.repeat(281), 'en')).toBe(
      'The message is 281 characters long: 280 at most.',
    )
    expect(validateShopField('socialLinks', ['https://a.fr', 'instagram.com/zoe'], 'en')).toBe(
      'Link 2 must start with http:// or https://.',
    )
    expect(validateShopField('socialLinks', [null], 'en')).toBe('Link 1 is empty.')
    expect(validateShopField('socialLinks', Array(11).fill('https://a.fr'), 'en')).toBe(
      '10 links at most (11 given).',
    )
    expect(validateShopDetails({ phone: 'abc', website: 'https://a.fr' }, 'en')).toEqual({
      phone: 'Invalid phone number.',
    })
  })

  it('stays in French by default, as the import reports are', () => {
    expect(validateShopField('phone', 'abc')).toBe('Numéro de téléphone invalide.')
    expect(validateShopField('phone', 'abc', 'fr')).toBe('Numéro de téléphone invalide.')
  })
})
