import type { StyleSpecification } from 'maplibre-gl'

/**
 * The configured vector style when it answers quickly, otherwise the bundled offline style, so
 * that the map is never blank (offline, blocked, slow). Only the style document is probed; the
 * places and the list never wait for it.
 */
export async function resolveBasemap<Fallback>(
  styleUrl: string | null,
  fallback: Fallback,
  timeoutMs = 1500,
): Promise<StyleSpecification | Fallback> {
  if (!styleUrl) return fallback
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return fallback
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  try {
    const response = await fetch(styleUrl, { signal: controller.signal })
    if (!response.ok) return fallback
    const style = (await response.json()) as { version?: number }
    return style.version === 8 ? (style as StyleSpecification) : fallback
  } catch {
    return fallback
  } finally {
    clearTimeout(timer)
  }
}
