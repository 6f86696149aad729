/**
 * Splits French free-text opening hours into tokens for french-hours.ts. Every character of the
 * text ends up in a token or in blank space, so that nothing the converter does not understand
 * can slip through unnoticed.
 */
export type TokenKind =
  // Meaningful values.
  | 'day' // value: 0 = Monday … 6 = Sunday
  | 'month' // value: 1 … 12, a month named without a day
  | 'date' // value: month 1 … 12, extra: day of the month
  | 'ordinal' // value: 1 … 5, or -1 for "dernier"
  | 'number' // value: a bare number
  | 'time' // value: hours, extra: minutes (not yet checked)
  | 'always' // "24/24", "24h/24", "H24"
  | 'allDays' // "7j/7", "tous les jours"
  | 'weekend'
  | 'holidays' // "jours fériés"
  | 'mois' // "mois", as in "1er mardi du mois"
  | 'nextDay' // "lendemain"
  // Grammar words and punctuation.
  | 'du'
  | 'au'
  | 'de'
  | 'a' // "à", "a", "jusqu'à"
  | 'et'
  | 'entre'
  | 'en'
  | 'comma'
  | 'semi'
  | 'dot'
  | 'colon'
  | 'newline'
  | 'dash'
  | 'slash'
  | 'closed' // "fermé", "fermeture"
  | 'except' // "sauf"
  // Words that add nothing to the meaning.
  | 'article'
  | 'every' // "tous", "chaque"
  | 'filler' // "ouvert", "horaires", "uniquement"…
  // Words the converter recognises but never converts.
  | 'vague' // value: 1 for "matin", 0 otherwise
  | 'season'
  | 'school'
  | 'appointment'
  | 'referral'
  | 'paren'
  | 'unknown'

export interface Token {
  kind: TokenKind
  /** Offsets in the normalized text. */
  start: number
  end: number
  value: number
  extra: number
}

const NOT_WORD = '(?![\\p{L}\\d])'
const MONTH_NAMES =
  'janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre'

function stripAccents(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

const MONTH_INDEX = new Map<string, number>(
  [
    ['janvier', 'janv'],
    ['fevrier', 'fevr', 'fev'],
    ['mars'],
    ['avril', 'avr'],
    ['mai'],
    ['juin'],
    ['juillet', 'juil'],
    ['aout'],
    ['septembre'],
    ['octobre', 'oct'],
    ['novembre', 'nov'],
    ['decembre', 'dec'],
  ].flatMap((names, index) => names.map((name) => [name, index + 1] as [string, number])),
)

const DAY_INDEX = new Map<string, number>(
  [
    // Spreadsheets abbreviate to two letters too: "Lu-Sa", "LU AU SA".
    ['lundi', 'lundis', 'lun', 'lu'],
    ['mardi', 'mardis', 'mar', 'ma'],
    ['mercredi', 'mercredis', 'mer', 'me'],
    ['jeudi', 'jeudis', 'jeu', 'je'],
    ['vendredi', 'vendredis', 'ven', 've'],
    ['samedi', 'samedis', 'sam', 'sa'],
    ['dimanche', 'dimanches', 'dim', 'di'],
  ].flatMap((names, index) => names.map((name) => [name, index] as [string, number])),
)

// Abbreviations swallow their dot, which would otherwise end a sentence ("lun. au ven.").
const ABBREVIATIONS = new Set([
  'lun',
  'mar',
  'mer',
  'jeu',
  'ven',
  'sam',
  'dim',
  'janv',
  'fevr',
  'fev',
  'avr',
  'juil',
  'oct',
  'nov',
  'dec',
])

const WORD_KINDS = new Map<string, TokenKind>()
function words(kind: TokenKind, list: string): void {
  for (const word of list.split(' ')) WORD_KINDS.set(word, kind)
}
words('du', 'du')
words('au', 'au aux')
words('de', "de d' des")
words('a', 'a')
words('et', 'et')
words('entre', 'entre')
words('en', 'en')
words('article', "le la les l'")
words('every', 'tous toutes tout chaque')
words(
  'filler',
  'ouvert ouverte ouverts ouvertes ouverture ouvertures horaire horaires heures uniquement seulement egalement',
)
words('closed', 'ferme fermee fermes fermees fermeture fermetures')
words('except', 'sauf excepte hors')
words(
  'vague',
  'matin matins matinee matinees soir soirs soiree soirees journee journees nuit aprem',
)
words('nextDay', 'lendemain')
words('mois', 'mois')
words(
  'season',
  'ete hiver printemps automne saison saisons estival estivale hivernal hivernale saisonnier saisonniere',
)
words('school', 'vacances scolaire scolaires conges')
words('referral', 'voir site web internet consulter')

type Rule = [RegExp, (match: RegExpExecArray) => Pick<Token, 'kind' | 'value' | 'extra'> | null]

function token(kind: TokenKind, value = 0, extra = 0): Pick<Token, 'kind' | 'value' | 'extra'> {
  return { kind, value, extra }
}

function sticky(source: string): RegExp {
  return new RegExp(source, 'iuy')
}

// Order matters: longer, more specific forms first ("24h/24" before "24h", "1er mai" before "1er").
const RULES: Rule[] = [
  [
    sticky(`(?:24\\s*h?\\s*(?:\\/|sur)\\s*24(?:\\s*h)?|24\\s*h\\s*24|h\\s*24)${NOT_WORD}`),
    () => token('always'),
  ],
  [
    sticky(
      `(?:7\\s*j(?:ours|rs)?\\s*(?:\\/|sur)\\s*7(?:\\s*j(?:ours|rs)?)?|7\\s*\\/\\s*7|(?:tous\\s+les|chaque)\\s+jours?(?!\\s+f[ée]ri))${NOT_WORD}`,
    ),
    () => token('allDays'),
  ],
  [sticky(`(?:jours?\\s+)?f[ée]ri[ée]s?${NOT_WORD}`), () => token('holidays')],
  [sticky(`week[\\s-]?ends?${NOT_WORD}`), () => token('weekend')],
  [
    sticky(`(?:(?:uniquement|seulement)\\s+)?(?:sur\\s+)?(?:rendez[\\s-]*vous|rdv)${NOT_WORD}`),
    () => token('appointment'),
  ],
  [sticky(`apr[èe]s[\\s-]*midis?${NOT_WORD}`), () => token('vague')],
  [
    sticky(`(?:d'\\s*ouverture|non[\\s-]*stop|en\\s+continu|sans\\s+interruption)${NOT_WORD}`),
    () => token('filler'),
  ],
  [sticky(`jusqu'\\s*(?:à|a|au)${NOT_WORD}`), () => token('a')],
  [
    sticky(`(?:(1)\\s*er|(\\d{1,2}))\\s+(${MONTH_NAMES})${NOT_WORD}`),
    (m) => token('date', MONTH_INDEX.get(stripAccents(m[3]!))!, Number(m[1] ?? m[2])),
  ],
  [
    sticky(
      `(?:(1)(?:er|[èe]re)|([2-5])(?:e|[èe]me|nde?)|(premi[eè]re?)|(second|seconde|deuxi[èe]me)|(troisi[èe]me)|(quatri[èe]me)|(cinqui[èe]me)|(derni[eè]re?))s?${NOT_WORD}`,
    ),
    (m) => {
      if (m[1] || m[3]) return token('ordinal', 1)
      if (m[2]) return token('ordinal', Number(m[2]))
      if (m[4]) return token('ordinal', 2)
      if (m[5]) return token('ordinal', 3)
      if (m[6]) return token('ordinal', 4)
      if (m[7]) return token('ordinal', 5)
      return token('ordinal', -1)
    },
  ],
  // "12h 14h" is two times, not 12:14: minutes cannot be followed by another "h".
  [
    sticky(`(\\d{1,2})\\s*(?:h|heures?)(?:\\s*(\\d{2})(?![\\d:]|\\s*h))?${NOT_WORD}`),
    (m) => token('time', Number(m[1]), Number(m[2] ?? 0)),
  ],
  [sticky('(\\d{1,2})\\s*:\\s*(\\d{2})(?!\\d)'), (m) => token('time', Number(m[1]), Number(m[2]))],
  // Whatever else looks like a time ("12h14h") is quoted whole rather than cut into pieces.
  [sticky('\\d+\\s*h[\\p{L}\\d:]*'), () => token('unknown')],
  [sticky('\\d+'), (m) => token('number', Number(m[0]))],
  [sticky(`midi${NOT_WORD}`), () => token('time', 12, 0)],
  [sticky(`minuit${NOT_WORD}`), () => token('time', 0, 0)],
]

const PUNCTUATION: Record<string, TokenKind> = {
  ',': 'comma',
  ';': 'semi',
  '|': 'semi',
  '.': 'dot',
  ':': 'colon',
  '-': 'dash',
  '/': 'slash',
  '&': 'et',
}

const CLOSERS: Record<string, string> = { '(': ')', '[': ']' }

const BLANK = /[ \t\f\v]+/y
const NEWLINES = /[ \t\f\v]*(?:\r\n|[\r\n])[\s]*/y
const WORD = /\p{L}+'?/uy

/**
 * The text with typographic variants folded (apostrophes, dashes, non-breaking spaces), one
 * character for one, so that quotes in notes read as the author wrote.
 */
export function normalizeFrenchHours(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
}

/** Tokens of a normalized text, in order; blanks are dropped, line breaks kept. */
export function tokenizeFrenchHours(text: string): Token[] {
  const tokens: Token[] = []
  let pos = 0
  const at = (regex: RegExp): RegExpExecArray | null => {
    regex.lastIndex = pos
    return regex.exec(text)
  }
  while (pos < text.length) {
    if (at(NEWLINES)) {
      const end = NEWLINES.lastIndex
      tokens.push({ kind: 'newline', start: pos, end, value: 0, extra: 0 })
      pos = end
      continue
    }
    if (at(BLANK)) {
      pos = BLANK.lastIndex
      continue
    }
    const char = text[pos]!
    const closer = CLOSERS[char]
    if (closer) {
      const close = text.indexOf(closer, pos + 1)
      const end = close < 0 ? text.length : close + 1
      tokens.push({ kind: 'paren', start: pos, end, value: 0, extra: 0 })
      pos = end
      continue
    }
    let matched = false
    for (const [regex, make] of RULES) {
      const match = at(regex)
      if (!match) continue
      const made = make(match)
      if (!made) continue
      tokens.push({ ...made, start: pos, end: regex.lastIndex })
      pos = regex.lastIndex
      matched = true
      break
    }
    if (matched) continue
    const word = at(WORD)
    if (word) {
      let end = WORD.lastIndex
      const folded = stripAccents(word[0])
      if (ABBREVIATIONS.has(folded) && text[end] === '.') end += 1
      const day = DAY_INDEX.get(folded)
      const month = MONTH_INDEX.get(folded)
      const made =
        day !== undefined
          ? token('day', day)
          : month !== undefined
            ? token('month', month)
            : token(
                WORD_KINDS.get(folded) ?? 'unknown',
                folded === 'matin' || folded === 'matins' ? 1 : 0,
              )
      tokens.push({ ...made, start: pos, end })
      pos = end
      continue
    }
    tokens.push({
      kind: PUNCTUATION[char] ?? 'unknown',
      start: pos,
      end: pos + 1,
      value: 0,
      extra: 0,
    })
    pos += 1
  }
  return tokens
}
