import { createHash } from 'node:crypto'

/**
 * Namespace of every Vitrine seed id. Fixed forever: changing it would give every seeded place a
 * new id, breaking links and memberships that point at the old ones.
 */
export const SEED_NAMESPACE = '6f1c3a52-8e0b-4c7e-9a35-2d4b7e9f1a60'

function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replaceAll('-', ''), 'hex')
}

/** RFC 4122 version-5 UUID (SHA-1 of namespace + name), as `uuid_generate_v5` would give. */
export function uuidV5(namespace: string, name: string): string {
  const hash = createHash('sha1').update(uuidBytes(namespace)).update(name, 'utf8').digest()
  const bytes = hash.subarray(0, 16)
  bytes[6] = (bytes[6]! & 0x0f) | 0x50
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** A shop's id depends only on where it came from, so re-seeding keeps it stable. */
export function shopId(source: string, sourceRef: string): string {
  return uuidV5(SEED_NAMESPACE, `shop:${source}:${sourceRef}`)
}
