export const accountKeys = {
  all: ['account'] as const,
  session: () => [...accountKeys.all, 'session'] as const,
  myShops: (userId: string | null) => [...accountKeys.all, 'my-shops', userId] as const,
  /** The territories the user curates: keyed by user, never shown to the next one. */
  curatedTerritories: (userId: string | null) =>
    [...accountKeys.all, 'curated-territories', userId] as const,
}
