import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { vi } from 'vitest'
import { OpeningHoursEditor } from '@/components/opening-hours-editor'

/** The hours editor on its own, with a spy on what it reports and a user to drive it. */
export function renderHoursEditor(value: string | null) {
  const onChange = vi.fn<(value: string | null, valid: boolean) => void>()
  const user = userEvent.setup()
  render(<OpeningHoursEditor value={value} onChange={onChange} />)
  return { onChange, user }
}
