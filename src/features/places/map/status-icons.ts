import type { Map as MapLibreMap } from 'maplibre-gl'
import { DISPLAY_COLOURS } from '@/shop/status-style'

export type MarkerStatus = 'open' | 'closed' | 'unknown' | 'to-confirm'

export const STATUS_ICON_IDS: Record<MarkerStatus, string> = {
  open: 'vitrine-status-open',
  closed: 'vitrine-status-closed',
  unknown: 'vitrine-status-unknown',
  'to-confirm': 'vitrine-status-to-confirm',
}

const SIZE = 28
const PIXEL_RATIO = 2

/**
 * Each status has its own shape as well as its colour, so that it reads without colour vision:
 * open = disc with a tick, closed = square with a cross, unknown = diamond, to-confirm = disc
 * with a question mark. Drawn at runtime: the offline style has no sprite.
 */
function draw(status: MarkerStatus): ImageData {
  const px = SIZE * PIXEL_RATIO
  const canvas = document.createElement('canvas')
  canvas.width = px
  canvas.height = px
  const ctx = canvas.getContext('2d')!
  ctx.scale(PIXEL_RATIO, PIXEL_RATIO)
  const c = SIZE / 2
  const colour = DISPLAY_COLOURS[status]
  ctx.lineWidth = 2.5
  ctx.strokeStyle = '#ffffff'
  ctx.fillStyle = colour
  ctx.beginPath()
  if (status === 'closed') {
    ctx.rect(4, 4, SIZE - 8, SIZE - 8)
  } else if (status === 'unknown') {
    ctx.moveTo(c, 2)
    ctx.lineTo(SIZE - 2, c)
    ctx.lineTo(c, SIZE - 2)
    ctx.lineTo(2, c)
    ctx.closePath()
  } else {
    ctx.arc(c, c, c - 3, 0, Math.PI * 2)
  }
  ctx.fill()
  ctx.stroke()
  ctx.strokeStyle = '#ffffff'
  ctx.lineWidth = 2.6
  ctx.lineCap = 'round'
  ctx.beginPath()
  if (status === 'open') {
    ctx.moveTo(c - 5.5, c + 0.5)
    ctx.lineTo(c - 1.5, c + 4.5)
    ctx.lineTo(c + 6, c - 4.5)
    ctx.stroke()
  } else if (status === 'closed') {
    ctx.moveTo(c - 4.5, c - 4.5)
    ctx.lineTo(c + 4.5, c + 4.5)
    ctx.moveTo(c + 4.5, c - 4.5)
    ctx.lineTo(c - 4.5, c + 4.5)
    ctx.stroke()
  } else if (status === 'to-confirm') {
    ctx.arc(c, c - 2.5, 3.5, Math.PI * 1.1, Math.PI * 2.4)
    ctx.stroke()
    ctx.beginPath()
    ctx.arc(c, c + 6, 1.4, 0, Math.PI * 2)
    ctx.fillStyle = '#ffffff'
    ctx.fill()
  } else {
    ctx.arc(c, c, 2.2, 0, Math.PI * 2)
    ctx.fillStyle = '#ffffff'
    ctx.fill()
  }
  return ctx.getImageData(0, 0, px, px)
}

export function addStatusIcons(map: MapLibreMap): void {
  for (const status of Object.keys(STATUS_ICON_IDS) as MarkerStatus[]) {
    const id = STATUS_ICON_IDS[status]
    if (!map.hasImage(id)) map.addImage(id, draw(status), { pixelRatio: PIXEL_RATIO })
  }
}
