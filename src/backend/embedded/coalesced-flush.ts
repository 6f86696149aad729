/**
 * Wraps a costly "write everything to storage" operation so that callers can ask for it as often
 * as they like: a call made while a flush is running waits for one more flush that starts after
 * it (so it covers every change made before the call), and all calls made meanwhile share that
 * one. A failed flush rejects its callers and does not stop the next one.
 */
export function coalescedFlush(flush: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null
  let queued: Promise<void> | null = null

  function start(): Promise<void> {
    const current = flush().finally(() => {
      if (running === current) running = null
    })
    running = current
    return current
  }

  return () => {
    if (!running) return start()
    if (!queued) {
      queued = running
        .catch(() => undefined)
        .then(() => {
          queued = null
          return start()
        })
    }
    return queued
  }
}
