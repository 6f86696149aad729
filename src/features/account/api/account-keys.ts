export const accountKeys = {
  all: ['account'] as const,
  session: () => [...accountKeys.all, 'session'] as const,
  myShops: (userId: string | null) => [...accountKeys.all, 'my-shops', userId] as const,
}
