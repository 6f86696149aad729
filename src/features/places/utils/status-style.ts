import type { ShopStatus } from '@/backend/types'

/**
 * Status colours chosen to stay distinct for the common colour-vision deficiencies
 * (Okabe–Ito palette); the list and legend repeat the status as a word and a symbol.
 */
export const STATUS_COLOURS: Record<ShopStatus, string> = {
  open: '#009E73',
  closed: '#D55E00',
  unknown: '#7A7A7A',
}

export const STATUS_SYMBOLS: Record<ShopStatus, string> = {
  open: '●',
  closed: '■',
  unknown: '◆',
}
