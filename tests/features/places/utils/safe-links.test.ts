import { describe, expect, it } from 'vitest'
import {
  directionsUrl,
  mailtoHref,
  safeHttpUrl,
  socialLabel,
  telHref,
} from '@/features/places/utils/safe-links'

describe('safeHttpUrl', () => {
  it('keeps absolute http and https URLs, trimmed', () => {
    expect(safeHttpUrl('https://example.org/demo-1')).toBe('https://example.org/demo-1')
    expect(safeHttpUrl('  http://example.org  ')).toBe('http://example.org/')
    expect(safeHttpUrl('HTTPS://Example.org/a?b=c#d')).toBe('https://example.org/a?b=c#d')
  })

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    '\u0000javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.org',
    'mailto:a@example.org',
    '//evil.example',
    '/relative/path',
    'www.example.org',
    'example.org',
    'https://',
    'http://user:pass@example.org',
    '',
    '   ',
  ])('refuses %j', (value) => {
    expect(safeHttpUrl(value)).toBeNull()
  })

  it('refuses nothing at all', () => {
    expect(safeHttpUrl(null)).toBeNull()
    expect(safeHttpUrl(undefined)).toBeNull()
  })
})

describe('telHref', () => {
  it('turns French national numbers into +33', () => {
    expect(telHref('05 49 00 00 01')).toBe('tel:+33549000001')
    expect(telHref('05.49.00.00.01')).toBe('tel:+33549000001')
    expect(telHref('06-12-34-56-78')).toBe('tel:+33612345678')
  })

  it('keeps international numbers', () => {
    expect(telHref('+33 5 49 00 00 01')).toBe('tel:+33549000001')
    expect(telHref('+33 (0)5 49 00 00 01')).toBe('tel:+33549000001')
    expect(telHref('0033 5 49 00 00 01')).toBe('tel:+33549000001')
    expect(telHref('+32 2 123 45 67')).toBe('tel:+3221234567')
  })

  it('gives overseas departments their own code', () => {
    expect(telHref('0590 12 34 56')).toBe('tel:+590590123456')
    expect(telHref('0262 12 34 56')).toBe('tel:+262262123456')
  })

  it('takes the first of several numbers', () => {
    expect(telHref('05 49 00 00 01;05 49 00 00 02')).toBe('tel:+33549000001')
  })

  it.each(['', 'appelez-nous', 'javascript:alert(1)', '12', '05 49', '+33 5 49 00 00 01 ext 3'])(
    'refuses %j',
    (value) => {
      expect(telHref(value)).toBeNull()
    },
  )
})

describe('mailtoHref', () => {
  it('accepts a plain address', () => {
    expect(mailtoHref(' demo-1@example.org ')).toBe('mailto:demo-1@example.org')
    expect(mailtoHref('jean.dupont+boutique@mairie.example.fr')).toBe(
      'mailto:jean.dupont+boutique@mairie.example.fr',
    )
  })

  it.each([
    'not an email',
    'a@b',
    'a@example.org?subject=hi',
    'a@example.org,b@example.org',
    'Jean <a@example.org>',
    'javascript:alert(1)//@example.org',
    '.a@example.org',
    'a..b@example.org',
    'a@-example.org',
  ])('refuses %j', (value) => {
    expect(mailtoHref(value)).toBeNull()
  })
})

describe('directionsUrl', () => {
  it('routes to the place on OpenStreetMap', () => {
    expect(directionsUrl({ lon: 0.3437, lat: 46.5826 })).toBe(
      'https://www.openstreetmap.org/directions?to=46.5826,0.3437',
    )
    expect(directionsUrl({ lon: -0.36566512345, lat: 46.31669281 })).toBe(
      'https://www.openstreetmap.org/directions?to=46.316693,-0.365665',
    )
  })

  it('refuses impossible coordinates', () => {
    expect(directionsUrl({ lon: Number.NaN, lat: 46 })).toBeNull()
    expect(directionsUrl({ lon: 0, lat: 91 })).toBeNull()
  })
})

describe('socialLabel', () => {
  it('names the common networks', () => {
    expect(socialLabel('https://www.facebook.com/boulangerie')).toBe('Facebook')
    expect(socialLabel('https://m.facebook.com/boulangerie')).toBe('Facebook')
    expect(socialLabel('https://instagram.com/boulangerie')).toBe('Instagram')
    expect(socialLabel('https://www.youtube.com/@boulangerie')).toBe('YouTube')
    expect(socialLabel('https://fr.linkedin.com/company/x')).toBe('LinkedIn')
  })

  it('falls back to the host', () => {
    expect(socialLabel('https://www.mastodon.social/@boulangerie')).toBe('mastodon.social')
    expect(socialLabel('https://notfacebook.com/x')).toBe('notfacebook.com')
    expect(socialLabel('not a url')).toBe('not a url')
  })
})
