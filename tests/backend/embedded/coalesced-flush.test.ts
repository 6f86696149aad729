import { describe, expect, it } from 'vitest'
import { coalescedFlush } from '@/backend/embedded/coalesced-flush'

/** A flush whose runs are started and finished by the test. */
function controlledFlush() {
  const runs: { resolve: () => void; reject: (error: Error) => void }[] = []
  const flush = () =>
    new Promise<void>((resolve, reject) => {
      runs.push({ resolve, reject })
    })
  return { runs, flush }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('coalescedFlush', () => {
  it('runs one flush for a lone call', async () => {
    const { runs, flush } = controlledFlush()
    const request = coalescedFlush(flush)
    const done = request()
    expect(runs).toHaveLength(1)
    runs[0]!.resolve()
    await expect(done).resolves.toBeUndefined()
  })

  it('makes a call during a flush wait for a later flush, shared by every such call', async () => {
    const { runs, flush } = controlledFlush()
    const request = coalescedFlush(flush)
    const first = request()
    let secondDone = false
    const second = request().then(() => {
      secondDone = true
    })
    const third = request()
    expect(runs).toHaveLength(1)

    runs[0]!.resolve()
    await first
    await tick()
    // The first flush may have missed the later callers' changes: a second one runs for them.
    expect(secondDone).toBe(false)
    expect(runs).toHaveLength(2)
    runs[1]!.resolve()
    await Promise.all([second, third])
    expect(runs).toHaveLength(2)
  })

  it('rejects the callers of a failed flush and still runs the next one', async () => {
    const { runs, flush } = controlledFlush()
    const request = coalescedFlush(flush)
    const failing = request()
    const next = request()
    runs[0]!.reject(new Error('quota exceeded'))
    await expect(failing).rejects.toThrow('quota exceeded')
    await tick()
    expect(runs).toHaveLength(2)
    runs[1]!.resolve()
    await expect(next).resolves.toBeUndefined()

    const later = request()
    expect(runs).toHaveLength(3)
    runs[2]!.resolve()
    await expect(later).resolves.toBeUndefined()
  })
})
