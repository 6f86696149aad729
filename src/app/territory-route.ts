/** The territory a URL points at: `/t/<slug>`, otherwise the configured default. */
export function territorySlugFromPath(pathname: string, fallback: string): string {
  const match = /^\/t\/([a-z0-9]+(?:-[a-z0-9]+)*)(?:\/|$)/.exec(pathname)
  return match?.[1] ?? fallback
}

export const MERCHANT_PATH = '/mon-commerce'

export function isMerchantPath(pathname: string): boolean {
  return pathname === MERCHANT_PATH || pathname.startsWith(`${MERCHANT_PATH}/`)
}
