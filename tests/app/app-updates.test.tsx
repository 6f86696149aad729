import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useLocaleStore } from '@/lib/locale-store'

const registration = vi.hoisted(() => ({
  needRefresh: false,
  updateServiceWorker: vi.fn(() => Promise.resolve()),
}))
vi.mock('virtual:pwa-register/react', () => ({
  useRegisterSW: () => ({
    needRefresh: [registration.needRefresh, vi.fn()],
    offlineReady: [false, vi.fn()],
    updateServiceWorker: registration.updateServiceWorker,
  }),
}))

const { AppUpdates } = await import('@/app/app-updates')

afterEach(() => {
  registration.needRefresh = false
  registration.updateServiceWorker.mockClear()
})

describe('AppUpdates', () => {
  it('says nothing while the running version is the latest', () => {
    render(<AppUpdates />)
    expect(screen.queryByRole('status')).not.toBeInTheDocument()
  })

  it('offers to reload when a new version waits, and swaps only when asked', async () => {
    registration.needRefresh = true
    render(<AppUpdates />)
    expect(screen.getByRole('status')).toHaveTextContent('Nouvelle version disponible')
    expect(registration.updateServiceWorker).not.toHaveBeenCalled()
    await userEvent.click(screen.getByRole('button', { name: 'Recharger' }))
    expect(registration.updateServiceWorker).toHaveBeenCalledWith(true)
  })

  it('says it in English', () => {
    registration.needRefresh = true
    useLocaleStore.setState({ locale: 'en' })
    render(<AppUpdates />)
    expect(screen.getByRole('status')).toHaveTextContent('New version available')
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument()
  })
})
