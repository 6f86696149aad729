import type { QueryKey } from '@tanstack/react-query'

/** Whether a query key begins with a key factory's prefix (`placesKeys.allShops()`…). */
export const keyStartsWith = (key: QueryKey, prefix: QueryKey): boolean =>
  prefix.every((part, index) => key[index] === part)
