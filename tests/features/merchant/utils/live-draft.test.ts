import { describe, expect, it } from 'vitest'
import {
  fieldEdited,
  mineKept,
  serverChanged,
  startDraft,
  theirsTaken,
} from '@/features/merchant/utils/live-draft'

const server = { message: 'Ouvert', description: 'Pain', services: ['delivery'] }

describe('a live draft', () => {
  it('follows the server in every field the merchant has not touched', () => {
    const next = serverChanged(startDraft(server), {
      ...server,
      message: 'Fermé',
      services: ['shipping'],
    })
    expect(next.draft).toEqual({ message: 'Fermé', description: 'Pain', services: ['shipping'] })
    expect(next.conflicts).toEqual({})
  })

  it('keeps the text being typed and reports the newer value as a conflict', () => {
    const typing = fieldEdited(startDraft(server), 'description', 'Pain au levain')
    const next = serverChanged(typing, {
      ...server,
      description: 'Viennoiseries',
      message: 'Fermé',
    })
    expect(next.draft.description).toBe('Pain au levain')
    expect(next.draft.message).toBe('Fermé')
    expect(next.conflicts).toEqual({ description: 'Viennoiseries' })
  })

  it('is no conflict when the field being typed did not change on the server', () => {
    const typing = fieldEdited(startDraft(server), 'description', 'Pain au levain')
    const next = serverChanged(typing, { ...server, message: 'Fermé' })
    expect(next.conflicts).toEqual({})
    expect(next.draft.description).toBe('Pain au levain')
  })

  it('is no conflict when the server now says what was typed', () => {
    const typing = fieldEdited(startDraft(server), 'description', 'Pain au levain')
    expect(serverChanged(typing, { ...server, description: 'Pain au levain' }).conflicts).toEqual(
      {},
    )
  })

  it('keeps a conflict through unrelated changes, and updates it when the field changes again', () => {
    const typing = fieldEdited(startDraft(server), 'description', 'Mine')
    const first = serverChanged(typing, { ...server, description: 'Theirs 1' })
    const unrelated = serverChanged(first, {
      ...server,
      description: 'Theirs 1',
      message: 'Fermé',
    })
    expect(unrelated.conflicts).toEqual({ description: 'Theirs 1' })
    const again = serverChanged(unrelated, {
      ...server,
      description: 'Theirs 2',
      message: 'Fermé',
    })
    expect(again.conflicts).toEqual({ description: 'Theirs 2' })
    expect(again.draft.description).toBe('Mine')
  })

  it('"Garder ma saisie" keeps the typing as an edit of the newer value', () => {
    const typing = fieldEdited(startDraft(server), 'description', 'Mine')
    const kept = mineKept(
      serverChanged(typing, { ...server, description: 'Theirs' }),
      'description',
    )
    expect(kept.conflicts).toEqual({})
    expect(kept.draft.description).toBe('Mine')
    // Still an edit: a later unrelated change does not take it away.
    expect(
      serverChanged(kept, { ...server, description: 'Theirs', message: 'Fermé' }).draft.description,
    ).toBe('Mine')
  })

  it('"Prendre la nouvelle valeur" shows the server’s value again', () => {
    const typing = fieldEdited(startDraft(server), 'description', 'Mine')
    const taken = theirsTaken(
      serverChanged(typing, { ...server, description: 'Theirs' }),
      'description',
    )
    expect(taken.conflicts).toEqual({})
    expect(taken.draft.description).toBe('Theirs')
    expect(serverChanged(taken, { ...server, description: 'Later' }).draft.description).toBe(
      'Later',
    )
  })

  it('compares lists by value', () => {
    const typing = fieldEdited(startDraft(server), 'services', ['delivery', 'shipping'])
    const next = serverChanged(typing, { ...server, services: ['delivery'] })
    expect(next.conflicts).toEqual({})
    expect(next.draft.services).toEqual(['delivery', 'shipping'])
  })
})
