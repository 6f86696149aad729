/** Query keys of the curation feature, general to specific so that a prefix invalidates below it. */
export const curationKeys = {
  all: ['curation'] as const,
  subcategories: () => [...curationKeys.all, 'subcategories'] as const,
  // Keyed by user, so that switching accounts never shows the previous user's list.
  mySubmissions: (userId: string | null) =>
    [...curationKeys.all, 'my-submissions', userId] as const,
  submissions: (territorySlug: string) =>
    [...curationKeys.all, 'submissions', territorySlug] as const,
  duplicates: (submissionId: string) => [...curationKeys.all, 'duplicates', submissionId] as const,
  members: (shopId: string) => [...curationKeys.all, 'members', shopId] as const,
  invitations: (shopId: string) => [...curationKeys.all, 'invitations', shopId] as const,
}
