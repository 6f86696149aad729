/** Query keys of the curation features, general to specific so that a prefix reaches below it. */
export const curationKeys = {
  all: ['curation'] as const,
  subcategories: () => [...curationKeys.all, 'subcategories'] as const,
  allMySubmissions: () => [...curationKeys.all, 'my-submissions'] as const,
  // Keyed by user, so that switching accounts never shows the previous user's list.
  mySubmissions: (userId: string | null) => [...curationKeys.allMySubmissions(), userId] as const,
  allSubmissions: () => [...curationKeys.all, 'submissions'] as const,
  submissions: (territorySlug: string) =>
    [...curationKeys.allSubmissions(), territorySlug] as const,
  allDuplicates: () => [...curationKeys.all, 'duplicates'] as const,
  duplicates: (submissionId: string) => [...curationKeys.allDuplicates(), submissionId] as const,
  allMembers: () => [...curationKeys.all, 'members'] as const,
  members: (shopId: string) => [...curationKeys.allMembers(), shopId] as const,
  allInvitations: () => [...curationKeys.all, 'invitations'] as const,
  invitations: (shopId: string) => [...curationKeys.allInvitations(), shopId] as const,
}
