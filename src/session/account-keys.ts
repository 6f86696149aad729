export const accountKeys = {
  all: ['account'] as const,
  session: () => [...accountKeys.all, 'session'] as const,
  /** The territories the user curates: keyed by user, never shown to the next one. */
  allCuratedTerritories: () => [...accountKeys.all, 'curated-territories'] as const,
  curatedTerritories: (userId: string | null) =>
    [...accountKeys.allCuratedTerritories(), userId] as const,
}
