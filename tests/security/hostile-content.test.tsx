import { cleanup, render, screen, within } from '@testing-library/react'
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import type { Shop, StatusEvent } from '@/backend/types'
import { PlaceList } from '@/features/places/components/place-list'
import { PlaceSheet } from '@/features/places/components/place-sheet'
import { StatusHistory } from '@/features/merchant/components/status-history'
import { ShopStatusPanel } from '@/features/merchant/components/shop-status-panel'
import { createMemoryBackend } from '../fixtures/memory-backend'
import { makeShop } from '../fixtures/shops'
import { renderWithProviders } from '../test-utils'

/**
 * What merchants, curators and open data write reaches shoppers through the real components:
 * a hostile website or link never becomes anything but an http(s), tel: or mailto: link, and
 * HTML in names and messages stays text. Generated inputs (fast-check, fixed seed) on top of
 * the hand-picked cases in tests/features/places (place-sheet, safe-links).
 */

const NOW = new Date(2026, 10, 25, 10, 0)
const RUNS = { numRuns: 120, seed: 20261201 }

/** Elements and attributes that would mean markup was interpreted rather than shown. */
const INJECTED = 'script, iframe, object, embed, img, style, link, meta, base, math'

function expectNoMarkup(root: HTMLElement) {
  expect(root.querySelector(INJECTED)).toBeNull()
  for (const element of root.querySelectorAll('*')) {
    for (const attribute of element.getAttributeNames()) {
      expect(attribute.startsWith('on'), `${element.tagName} ${attribute}`).toBe(false)
    }
  }
}

function expectOnlySafeLinks(root: HTMLElement) {
  for (const a of root.querySelectorAll('a')) {
    const href = a.getAttribute('href') ?? ''
    expect(['http:', 'https:', 'tel:', 'mailto:'], href).toContain(new URL(href).protocol)
    if (a.getAttribute('target') === '_blank') expect(a.getAttribute('rel')).toMatch(/noopener/)
  }
}

/** Scheme tricks browsers and URL parsers have been fooled by. */
const schemeTrick = fc.constantFrom(
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  '\tjavascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  '\u0000javascript:alert(1)',
  '\u0001javascript:alert(1)',
  'javascript&colon;alert(1)',
  'javascript://example.org/%0Aalert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'DATA:text/html,x',
  'file:///etc/passwd',
  'blob:https://example.org/uuid',
  'filesystem:https://example.org/x',
  'about:blank',
  '//evil.example',
  '\\\\evil.example',
  'https:evil.example',
  'https://user:pass@evil.example',
  'https://exa mple.org',
  'http://',
  'https://example.org/"><script>alert(1)</script>',
  "https://example.org/' onmouseover='alert(1)",
  'mailto:a@example.org',
  'tel:+33549000000',
  'www.example.org',
)
const hostileUrl = fc.oneof(
  schemeTrick,
  fc.tuple(schemeTrick, fc.string({ maxLength: 10 })).map(([a, b]) => a + b),
  fc.string({ maxLength: 30 }),
  fc.webUrl(),
)

const HTML_PIECES = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(1)">',
  '<svg onload=alert(1)>',
  '<a href="javascript:alert(1)">promo</a>',
  '<iframe src="https://evil.example"></iframe>',
  '<style>*{display:none}</style>',
  '"><b>gras</b>',
  '&lt;b&gt;',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
]
const hostileText = fc
  .tuple(fc.constantFrom(...HTML_PIECES), fc.string({ maxLength: 20 }))
  .map(([html, text]) => `${text}${html}`)

function sheetFor(shop: Shop) {
  render(<PlaceSheet shop={shop} now={NOW} onClose={vi.fn()} categories={[]} />)
  return screen.getByRole('dialog')
}

describe('the place sheet with hostile content', () => {
  it('never links a website or a social link other than http(s)', () => {
    fc.assert(
      fc.property(hostileUrl, fc.array(hostileUrl, { maxLength: 3 }), (website, socialLinks) => {
        try {
          const dialog = sheetFor(makeShop({ website, socialLinks }))
          expectOnlySafeLinks(dialog)
          expectNoMarkup(dialog)
          // Only a URL the browser reads as http(s) with a host may be a website link.
          for (const a of dialog.querySelectorAll('a[href^="http"]')) {
            expect(new URL(a.getAttribute('href')!).hostname).not.toBe('')
          }
        } finally {
          cleanup()
        }
      }),
      RUNS,
    )
  })

  it('shows HTML in the name, message, description and hours note as text', () => {
    fc.assert(
      fc.property(hostileText, hostileText, hostileText, (name, message, description) => {
        try {
          const dialog = sheetFor(
            makeShop({
              name,
              statusMessage: message,
              status: 'closed',
              statusUpdatedAt: NOW.toISOString(),
              description,
              orderingInstructions: description,
              openingHoursNote: message,
              address: name,
            }),
          )
          expectNoMarkup(dialog)
          expectOnlySafeLinks(dialog)
          expect(within(dialog).getByRole('heading', { level: 2 }).textContent).toContain(
            name.trim(),
          )
          expect(dialog.textContent).toContain(message.trim())
        } finally {
          cleanup()
        }
      }),
      { ...RUNS, numRuns: 60 },
    )
  })
})

describe('the list of places with hostile names', () => {
  it('shows every name as text', () => {
    fc.assert(
      fc.property(fc.array(hostileText, { minLength: 1, maxLength: 4 }), (names) => {
        try {
          render(
            <PlaceList
              items={names.map((name) => ({
                shop: makeShop({ name }),
                distanceKm: null,
                display: 'unknown' as const,
              }))}
            />,
          )
          const list = screen.getByRole('list', { name: 'Résultats' })
          expectNoMarkup(list)
          const items = within(list).getAllByRole('listitem')
          names.forEach((name, i) => expect(items[i]?.textContent).toContain(name.trim()))
        } finally {
          cleanup()
        }
      }),
      { ...RUNS, numRuns: 60 },
    )
  })
})

describe("the merchant's page with hostile content", () => {
  const name = '<img src=x onerror="alert(1)">Chez <b>Léa</b>'
  const message = '<script>alert(2)</script><a href="javascript:alert(3)">promo</a>'

  it('the status panel shows the shop name and message as text', async () => {
    const backend = createMemoryBackend({
      shops: [
        makeShop({
          id: 'shop-h',
          name,
          status: 'closed',
          statusMessage: message,
          statusUpdatedAt: new Date().toISOString(),
        }),
      ],
    })
    const { container } = renderWithProviders(<ShopStatusPanel shopId="shop-h" />, backend)
    expect(await screen.findByRole('heading', { name })).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: /Message aux clients/ })).toHaveValue(message)
    expectNoMarkup(container)
    expect(screen.queryByRole('link', { name: 'promo' })).toBeNull()
  })

  it('the history shows past messages as text', async () => {
    const backend = createMemoryBackend({ shops: [makeShop({ id: 'shop-h' })] })
    const event: StatusEvent = {
      id: 1,
      changedAt: NOW.toISOString(),
      changedBy: null,
      before: null,
      after: { status: 'closed', statusMessage: message, closedUntil: null, services: [] },
    }
    vi.spyOn(backend, 'listStatusEvents').mockResolvedValue([event])
    const { container } = renderWithProviders(<StatusHistory shopId="shop-h" />, backend)
    const item = await screen.findByRole('listitem')
    expect(item).toHaveTextContent(message)
    expectNoMarkup(container)
    expect(container.querySelector('a')).toBeNull()
  })
})
