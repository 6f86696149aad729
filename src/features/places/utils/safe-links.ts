import type { LonLat } from '@/backend/types'

/**
 * Link builders for values that come from merchants and open data. Nothing here ever returns a
 * `javascript:`, `data:` or other non-web scheme: a value that does not pass is `null`, and the
 * caller shows it as text (or not at all).
 */

/** The value as an absolute `http:`/`https:` URL, or `null` (relative, other scheme, malformed). */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null
  const trimmed = value.trim()
  if (!trimmed || trimmed.startsWith('//')) return null
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  if (!url.hostname || url.username || url.password) return null
  return url.href
}

/** Overseas departments dial their own country code; the rest of France is +33. */
const OVERSEAS_PREFIXES: readonly [national: string, countryCode: string][] = [
  ['0590', '590'],
  ['0690', '590'],
  ['0691', '590'],
  ['0594', '594'],
  ['0694', '594'],
  ['0596', '596'],
  ['0696', '596'],
  ['0697', '596'],
  ['0262', '262'],
  ['0263', '262'],
  ['0692', '262'],
  ['0693', '262'],
  ['0269', '262'],
  ['0639', '262'],
]

/**
 * A `tel:` link in international form (`tel:+33549…`), or `null` when the value is not a phone
 * number. French national numbers (0 and nine digits) become +33…; several numbers separated by
 * `;` (OpenStreetMap) give the first.
 */
export function telHref(phone: string | null | undefined): string | null {
  if (typeof phone !== 'string') return null
  const first = phone.split(';')[0]?.trim() ?? ''
  if (!/^\+?[\d\s.\-/()]+$/.test(first)) return null
  let compact = first.replace(/\(0\)/g, '').replace(/[\s.\-/()]/g, '')
  if (compact.startsWith('00')) compact = `+${compact.slice(2)}`
  if (/^0\d{9}$/.test(compact)) {
    const overseas = OVERSEAS_PREFIXES.find(([national]) => compact.startsWith(national))
    compact = `+${overseas ? overseas[1] : '33'}${compact.slice(1)}`
  }
  if (!/^\+[1-9]\d{7,14}$/.test(compact)) return null
  return `tel:${compact}`
}

const SIMPLE_EMAIL =
  /^[A-Za-z0-9._+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$/

/** A `mailto:` link for a plain address (no name, no query, no header injection), or `null`. */
export function mailtoHref(email: string | null | undefined): string | null {
  if (typeof email !== 'string') return null
  const trimmed = email.trim()
  if (trimmed.length > 254 || !SIMPLE_EMAIL.test(trimmed)) return null
  const local = trimmed.slice(0, trimmed.indexOf('@'))
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return null
  return `mailto:${trimmed}`
}

/** OpenStreetMap's route planner with the place as destination, or `null` for bad coordinates. */
export function directionsUrl(location: LonLat): string | null {
  const { lat, lon } = location
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return null
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null
  const round = (n: number) => String(Math.round(n * 1e6) / 1e6)
  return `https://www.openstreetmap.org/directions?to=${round(lat)},${round(lon)}`
}

const SOCIAL_NETWORKS: readonly [domains: string[], label: string][] = [
  [['facebook.com', 'fb.com', 'fb.me'], 'Facebook'],
  [['instagram.com', 'instagr.am'], 'Instagram'],
  [['twitter.com', 'x.com'], 'X (Twitter)'],
  [['linkedin.com'], 'LinkedIn'],
  [['youtube.com', 'youtu.be'], 'YouTube'],
  [['tiktok.com'], 'TikTok'],
  [['pinterest.com', 'pinterest.fr'], 'Pinterest'],
  [['threads.net', 'threads.com'], 'Threads'],
  [['bsky.app'], 'Bluesky'],
  [['wa.me', 'whatsapp.com'], 'WhatsApp'],
  [['tripadvisor.com', 'tripadvisor.fr'], 'Tripadvisor'],
  [['snapchat.com'], 'Snapchat'],
]

/** 'Facebook', 'Instagram', … from the link's host; otherwise the host itself. */
export function socialLabel(url: string): string {
  let host: string
  try {
    host = new URL(url.trim()).hostname.toLowerCase()
  } catch {
    return url.trim()
  }
  if (!host) return url.trim()
  const bare = host.replace(/^(www|m|mobile|web)\./, '')
  for (const [domains, label] of SOCIAL_NETWORKS) {
    if (domains.some((d) => bare === d || bare.endsWith(`.${d}`))) return label
  }
  return bare
}
