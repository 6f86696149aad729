// Apostrophes, hyphens and underscores separate words in French place names ("Sainte-Radegonde",
// "L’Isle-Jourdain"); people type them as spaces, or not at all.
const SEPARATORS = /['’‘ʼ`´\-‐‑‒–—_]+/g
const COMBINING_MARKS = /\p{M}+/gu
const SPACES = /\s+/g

// Ligatures have no decomposition in Unicode, so NFD alone would leave "œuf" apart from "oeuf".
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss' }
const LIGATURE_PATTERN = /[œæß]/g

/**
 * Folds text for search: case, accents, ligatures and word separators do not count, so that
 * "SAINTE RADÉGONDE", "sainte-radegonde" and "Sainte Radegonde" compare equal.
 */
export function normalizeForSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(LIGATURE_PATTERN, (c) => LIGATURES[c] ?? c)
    .replace(SEPARATORS, ' ')
    .replace(SPACES, ' ')
    .trim()
}

/** The words of a search query, folded; an empty list means "no query". */
export function searchWords(query: string): string[] {
  const folded = normalizeForSearch(query)
  return folded === '' ? [] : folded.split(' ')
}
