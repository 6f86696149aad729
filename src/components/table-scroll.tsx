import type { ReactNode } from 'react'

/**
 * A wide table that scrolls sideways on a phone. The scrolling box is focusable and named, so
 * that keyboard users can scroll it too (a box only a pointer can scroll fails WCAG 2.1.1).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  )
}
