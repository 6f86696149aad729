/**
 * Converts French free-text opening hours, as questionnaires and open-data files write them
 * ("Lundi : 8h30-12h / 14h-18h30"), to OpenStreetMap `opening_hours` syntax when the meaning is
 * clear; otherwise says why it kept the text as a note. It never guesses.
 */
import {
  normalizeFrenchHours,
  tokenizeFrenchHours,
  type Token,
  type TokenKind,
} from '@/shop/french-hours-tokens'

export type FrenchHoursResult =
  { kind: 'converted'; openingHours: string } | { kind: 'note'; reason: string }

// Real answers run to a few hundred characters; past this, the text is prose for a person to read.
const MAX_LENGTH = 1000
const MAX_QUOTE = 60
const FULL_DAY = 24 * 60

const OSM_DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su']
const FRENCH_DAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche']
const OSM_MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ')
// February 29 is a real date in leap years, and the value carries no year.
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** Thrown inside the parser to stop at the first thing it cannot read honestly. */
class Unreadable extends Error {}

interface Ordinal {
  day: number
  nths: number[]
}

interface DaySet {
  weekdays: Set<number>
  ordinals: Ordinal[]
  holidays: boolean
}

/** Minutes from midnight; `to` is below `from` only for a range the text says ends overnight. */
interface Range {
  from: number
  to: number
  /** Where the text wrote it. */
  start: number
  end: number
}

interface OpenRule {
  days: DaySet
  ranges: Range[]
  start: number
  end: number
}

interface Closures {
  weekdays: Set<number>
  ordinals: Ordinal[]
  /** month * 100 + day */
  dates: Set<number>
  holidays: boolean
  /** Where a "sauf" tied a holiday or date closure to one clause only. */
  scoped: { start: number; end: number } | null
}

function emptyDays(): DaySet {
  return { weekdays: new Set(), ordinals: [], holidays: false }
}

function note(reason: string): FrenchHoursResult {
  return { kind: 'note', reason }
}

function quote(text: string, start: number, end: number): string {
  let excerpt = text.slice(start, end).replace(/\s+/g, ' ').trim()
  if (excerpt.length > MAX_QUOTE) excerpt = `${excerpt.slice(0, MAX_QUOTE - 1).trimEnd()}…`
  return `« ${excerpt} »`
}

// ---------------------------------------------------------------------------------------------
// Words that make a text unconvertible whatever its structure, reported before parsing so that
// the reason names the real problem ("sur rendez-vous") rather than a grammar failure.

const PROSE: ReadonlySet<TokenKind> = new Set([
  'unknown',
  'referral',
  'school',
  'season',
  'appointment',
])
const PROSE_GLUE: ReadonlySet<TokenKind> = new Set(['article', 'de', 'du', 'au', 'et', 'en'])
const PERIOD: ReadonlySet<TokenKind> = new Set([
  'month',
  'date',
  'number',
  'ordinal',
  'du',
  'au',
  'a',
  'dash',
  'de',
  'en',
  'et',
  'comma',
])
const PERIOD_EDGE: ReadonlySet<TokenKind> = new Set(['comma', 'et', 'dash', 'a', 'au'])
const PERIOD_TAIL: ReadonlySet<TokenKind> = new Set([...PERIOD_EDGE, 'de', 'du', 'en'])
const PERIOD_LINK: ReadonlySet<TokenKind> = new Set(['au', 'a', 'dash'])

/** The run of prose around tokens[index]: words joined by small words, not ending on one. */
function proseSpan(tokens: Token[], index: number): [number, number] {
  let first = index
  let last = index
  for (let i = index - 1; i >= 0; i -= 1) {
    const kind = tokens[i]!.kind
    if (PROSE.has(kind)) first = i
    else if (!PROSE_GLUE.has(kind)) break
  }
  let i = index + 1
  for (; i < tokens.length; i += 1) {
    const kind = tokens[i]!.kind
    if (PROSE.has(kind)) last = i
    else if (!PROSE_GLUE.has(kind)) break
  }
  // Glue that ends the sentence belongs to the prose ("quand le patron est là").
  if (i === tokens.length || SENTENCE_ENDS.has(tokens[i]!.kind)) last = i - 1
  return [tokens[first]!.start, tokens[last]!.end]
}

/** The span of dates and months around tokens[index], and whether it is a period ("du … au …"). */
function periodSpan(tokens: Token[], index: number): { span: [number, number]; period: boolean } {
  let first = index
  let last = index
  while (first > 0 && PERIOD.has(tokens[first - 1]!.kind)) first -= 1
  while (last < tokens.length - 1 && PERIOD.has(tokens[last + 1]!.kind)) last += 1
  while (first < index && PERIOD_EDGE.has(tokens[first]!.kind)) first += 1
  while (last > index && PERIOD_TAIL.has(tokens[last]!.kind)) last -= 1
  let period = false
  for (let i = first; i <= last; i += 1) {
    const kind = tokens[i]!.kind
    if (kind === 'month' || (PERIOD_LINK.has(kind) && i > first && i < last)) period = true
  }
  return { span: [tokens[first]!.start, tokens[last]!.end], period }
}

function vocabularyIssue(tokens: Token[], text: string): string | null {
  const find = (kinds: TokenKind[]) => tokens.findIndex((t) => kinds.includes(t.kind))
  const school = find(['school'])
  if (school >= 0)
    return `Vacances ou congés non gérés : ${quote(text, ...proseSpan(tokens, school))}`
  for (let i = 0; i < tokens.length; i += 1) {
    const kind = tokens[i]!.kind
    if (kind === 'season') {
      return `Période saisonnière non gérée : ${quote(text, ...proseSpan(tokens, i))}`
    }
    if (kind === 'month' || kind === 'date') {
      const { span, period } = periodSpan(tokens, i)
      if (period) return `Période saisonnière non gérée : ${quote(text, ...span)}`
    }
  }
  const appointment = find(['appointment'])
  if (appointment >= 0) {
    return `Rendez-vous non géré : ${quote(text, ...proseSpan(tokens, appointment))}`
  }
  const paren = find(['paren'])
  if (paren >= 0) {
    const { start, end } = tokens[paren]!
    const inner = text.slice(
      start + 1,
      text[end - 1] === ')' || text[end - 1] === ']' ? end - 1 : end,
    )
    return `Précision entre parenthèses non gérée : ${quote(inner, 0, inner.length)}`
  }
  const prose = find(['unknown', 'referral'])
  if (prose >= 0) {
    const [start, end] = proseSpan(tokens, prose)
    const referral = tokens.some((t) => t.kind === 'referral' && t.start >= start && t.end <= end)
    return `${referral ? 'Horaires renvoyés ailleurs' : 'Texte non reconnu'} : ${quote(text, start, end)}`
  }
  return null
}

// ---------------------------------------------------------------------------------------------
// The grammar: clauses of days and time ranges, in either order, plus closures ("fermé le …")
// and exceptions ("sauf …"), separated by punctuation, line breaks or "et".

const IGNORED: ReadonlySet<TokenKind> = new Set(['article', 'every', 'filler'])
const CLAUSE_SEPARATORS: ReadonlySet<TokenKind> = new Set([
  'comma',
  'semi',
  'dot',
  'colon',
  'newline',
  'dash',
  'slash',
  'et',
])
const SENTENCE_ENDS: ReadonlySet<TokenKind> = new Set(['semi', 'dot', 'newline'])
const RANGE_LINKS: ReadonlySet<TokenKind> = new Set(['dash', 'a', 'slash'])
const RANGE_LIST_LINKS: ReadonlySet<TokenKind> = new Set(['comma', 'et', 'slash', 'dash'])
const DAY_LIST_LINKS: ReadonlySet<TokenKind> = new Set(['comma', 'et'])
const DAY_RANGE_LINKS: ReadonlySet<TokenKind> = new Set(['au', 'a', 'dash'])

class Parser {
  readonly #tokens: Token[]
  readonly #text: string
  #pos = 0
  readonly rules: OpenRule[] = []
  readonly closures: Closures = {
    weekdays: new Set(),
    ordinals: [],
    dates: new Set(),
    holidays: false,
    scoped: null,
  }

  constructor(tokens: Token[], text: string) {
    this.#tokens = tokens.filter((t) => !IGNORED.has(t.kind))
    this.#text = text
  }

  parse(): void {
    while (this.#pos < this.#tokens.length) {
      while (this.#is(CLAUSE_SEPARATORS)) this.#pos += 1
      if (this.#pos >= this.#tokens.length) break
      this.#clause()
    }
  }

  #peek(offset = 0): Token | undefined {
    return this.#tokens[this.#pos + offset]
  }

  #is(kinds: ReadonlySet<TokenKind> | TokenKind, offset = 0): boolean {
    const kind = this.#peek(offset)?.kind
    if (kind === undefined) return false
    return typeof kinds === 'string' ? kind === kinds : kinds.has(kind)
  }

  #accept(kind: TokenKind): Token | null {
    if (!this.#is(kind)) return null
    this.#pos += 1
    return this.#tokens[this.#pos - 1]!
  }

  #quote(start: number, end: number): string {
    return quote(this.#text, start, end)
  }

  /** Where the sentence holding the current token ends, to quote what could not be read. */
  #sentenceEnd(): number {
    // Up to the next sentence end, or the end of the text: words the tokenizer skips (« là »)
    // belong to the quote too.
    for (let next = this.#pos + 1; next < this.#tokens.length; next += 1) {
      const token = this.#tokens[next]!
      if (SENTENCE_ENDS.has(token.kind)) return token.start
    }
    return this.#text.length
  }

  #stuck(): Unreadable {
    const token = this.#peek()
    if (!token) return new Unreadable('Texte incomplet')
    if (token.kind === 'vague') {
      return new Unreadable(`Horaire imprécis : ${this.#quote(token.start, token.end)}`)
    }
    if (token.kind === 'date') {
      return new Unreadable(`Date précise non gérée : ${this.#quote(token.start, token.end)}`)
    }
    return new Unreadable(`Texte non reconnu : ${this.#quote(token.start, this.#sentenceEnd())}`)
  }

  #clause(): void {
    const first = this.#peek()!
    if (first.kind === 'closed') return this.#closure()
    if (first.kind === 'except') {
      const previous = this.rules.at(-1)
      if (!previous) throw this.#stuck()
      return this.#exceptionAfterTimes(previous)
    }
    const days = this.#daySpec()
    if (days) {
      const daysEnd = this.#tokens[this.#pos - 1]!.end
      this.#accept('colon')
      if (this.#accept('closed')) {
        this.#accept('colon')
        this.#close(days)
        return
      }
      const times = this.#timeSpec()
      if (!times) {
        const next = this.#peek()
        if (next && !CLAUSE_SEPARATORS.has(next.kind)) throw this.#stuck()
        throw new Unreadable(`Horaires manquants : ${this.#quote(first.start, daysEnd)}`)
      }
      const rule = { days, ranges: times.ranges, start: first.start, end: times.end }
      this.rules.push(rule)
      if (this.#is('except')) this.#exceptionAfterTimes(rule)
      return
    }
    const times = this.#timeSpec()
    if (!times) throw this.#stuck()
    const link = this.#is('comma') || this.#is('et') || this.#is('colon')
    if (link && this.#isDayStart(1)) this.#pos += 1
    let after = this.#daySpec()
    if (!after) {
      // "24/24" on its own says open at every hour of every day; other times need their days.
      if (!times.always) {
        throw new Unreadable(`Jours non précisés : ${this.#quote(first.start, times.end)}`)
      }
      after = emptyDays()
      for (let d = 0; d < 7; d += 1) after.weekdays.add(d)
      if (this.#is('except')) this.#exceptDays(after)
    }
    const rule = {
      days: after,
      ranges: times.ranges,
      start: first.start,
      end: this.#tokens[this.#pos - 1]!.end,
    }
    this.rules.push(rule)
    if (this.#is('except')) this.#exceptionAfterTimes(rule)
  }

  #isDayStart(offset = 0): boolean {
    const token = this.#peek(offset)
    if (!token) return false
    switch (token.kind) {
      case 'day':
      case 'allDays':
      case 'weekend':
      case 'holidays':
      case 'ordinal':
        return true
      case 'du':
      case 'de':
        return this.#is('day', offset + 1)
      default:
        return false
    }
  }

  /** Days, ranges of days, "1er et 3e mardis du mois", then any "sauf …"; null if none here. */
  #daySpec(): DaySet | null {
    if (!this.#isDayStart()) return null
    const days = emptyDays()
    this.#dayList(days, null)
    if (this.#is('except')) this.#exceptDays(days)
    return days
  }

  /** Items joined by commas and "et"; dates are read only where `dates` collects them. */
  #dayList(days: DaySet, dates: Set<number> | null): void {
    for (;;) {
      this.#dayItem(days, dates)
      const joined = this.#is(DAY_LIST_LINKS)
      if (joined && (this.#isDayStart(1) || (dates && this.#is('date', 1)))) {
        this.#pos += 1
        continue
      }
      return
    }
  }

  #dayItem(days: DaySet, dates: Set<number> | null): void {
    const token = this.#peek()
    if (!token) throw this.#stuck()
    switch (token.kind) {
      case 'day': {
        this.#pos += 1
        if (this.#is(DAY_RANGE_LINKS) && this.#is('day', 1)) {
          this.#pos += 1
          this.#addDayRange(days, token, this.#accept('day')!)
        } else days.weekdays.add(token.value)
        return
      }
      case 'du':
      case 'de': {
        this.#pos += 1
        const from = this.#accept('day')
        if (!from || !this.#is(DAY_RANGE_LINKS) || !this.#is('day', 1)) {
          this.#pos -= from ? 2 : 1
          throw this.#stuck()
        }
        this.#pos += 1
        this.#addDayRange(days, from, this.#accept('day')!)
        return
      }
      case 'allDays':
        this.#pos += 1
        for (let d = 0; d < 7; d += 1) days.weekdays.add(d)
        return
      case 'weekend':
        this.#pos += 1
        days.weekdays.add(5)
        days.weekdays.add(6)
        return
      case 'holidays':
        this.#pos += 1
        days.holidays = true
        return
      case 'ordinal':
        return this.#ordinalItem(days)
      case 'date': {
        if (!dates) throw this.#stuck()
        this.#pos += 1
        if (token.extra < 1 || token.extra > DAYS_IN_MONTH[token.value - 1]!) {
          throw new Unreadable(`Date invalide : ${this.#quote(token.start, token.end)}`)
        }
        dates.add(token.value * 100 + token.extra)
        return
      }
      default:
        throw this.#stuck()
    }
  }

  #addDayRange(days: DaySet, from: Token, to: Token): void {
    if (from.value === to.value) {
      throw new Unreadable(`Plage de jours incohérente : ${this.#quote(from.start, to.end)}`)
    }
    // "Du vendredi au lundi" runs over the weekend.
    for (let d = from.value; ; d = (d + 1) % 7) {
      days.weekdays.add(d)
      if (d === to.value) break
    }
  }

  /** "1er et 3ème mardis du mois": only with "du mois", which makes the meaning certain. */
  #ordinalItem(days: DaySet): void {
    const first = this.#peek()!
    const nths = new Set<number>()
    for (;;) {
      nths.add(this.#accept('ordinal')!.value)
      if (this.#is(DAY_LIST_LINKS) && this.#is('ordinal', 1)) {
        this.#pos += 1
        continue
      }
      break
    }
    const day = this.#accept('day')
    const ofMonth = (this.#is('du') || this.#is('de')) && this.#is('mois', 1)
    if (!day || !ofMonth) {
      const end = day ? day.end : this.#tokens[this.#pos - 1]!.end
      throw new Unreadable(`Jour du mois imprécis : ${this.#quote(first.start, end)}`)
    }
    this.#pos += 2
    const sorted = [...nths].sort((a, b) => (a < 0 ? 10 : a) - (b < 0 ? 10 : b))
    days.ordinals.push({ day: day.value, nths: sorted })
  }

  /** "sauf …" inside a day specification: fewer days, and holidays or dates closed. */
  #exceptDays(days: DaySet): DaySet {
    const start = this.#accept('except')!
    const removed = emptyDays()
    const dates = new Set<number>()
    this.#dayList(removed, dates)
    const end = this.#tokens[this.#pos - 1]!.end
    const incoherent = () =>
      new Unreadable(`Exception incohérente : ${this.#quote(start.start, end)}`)
    for (const day of removed.weekdays) {
      if (!days.weekdays.delete(day)) throw incoherent()
    }
    for (const ordinal of removed.ordinals) {
      if (!days.weekdays.has(ordinal.day)) throw incoherent()
      this.closures.ordinals.push(ordinal)
    }
    if (days.weekdays.size === 0 && days.ordinals.length === 0 && !days.holidays) {
      throw incoherent()
    }
    if (removed.holidays || dates.size > 0) {
      if (this.closures.scoped) throw incoherent()
      this.closures.holidays ||= removed.holidays
      for (const date of dates) this.closures.dates.add(date)
      this.closures.scoped = { start: start.start, end }
    }
    return removed
  }

  /** "… 9h-19h sauf le lundi" closes those days; "sauf le dimanche 9h-12h" gives them other hours. */
  #exceptionAfterTimes(rule: OpenRule): void {
    const removed = this.#exceptDays(rule.days)
    const times = this.#timeSpec()
    if (!times) return
    if (removed.ordinals.length > 0 || removed.holidays || removed.weekdays.size === 0) {
      throw new Unreadable(`Exception non gérée : ${this.#quote(rule.start, times.end)}`)
    }
    // Closing then reopening the same days would double-count them: they become their own rule.
    const days = emptyDays()
    for (const day of removed.weekdays) days.weekdays.add(day)
    this.rules.push({ days, ranges: times.ranges, start: rule.start, end: times.end })
  }

  /** "Fermé le : Mardi, Jeudi et 01 janvier, 01 mai" and "Fermé les jours fériés". */
  #closure(): void {
    const closed = this.#accept('closed')!
    this.#accept('colon')
    const days = emptyDays()
    const dates = new Set<number>()
    if (!this.#isDayStart() && !this.#is('date')) throw this.#stuckAt(closed)
    this.#dayList(days, dates)
    if (this.#is('vague')) throw this.#stuck()
    if (this.#is('time') || this.#is('de') || this.#is('entre') || this.#is('always')) {
      const end = this.#sentenceEnd()
      throw new Unreadable(`Fermeture partielle non gérée : ${this.#quote(closed.start, end)}`)
    }
    this.#close(days)
    for (const date of dates) this.closures.dates.add(date)
  }

  #stuckAt(token: Token): Unreadable {
    this.#pos = this.#tokens.indexOf(token)
    return this.#stuck()
  }

  #close(days: DaySet): void {
    for (const day of days.weekdays) this.closures.weekdays.add(day)
    this.closures.ordinals.push(...days.ordinals)
    this.closures.holidays ||= days.holidays
  }

  #isRangeStart(offset = 0): boolean {
    if (this.#is('time', offset) || this.#is('number', offset)) return true
    if (this.#is('de', offset) || this.#is('entre', offset)) {
      return this.#is('time', offset + 1) || this.#is('number', offset + 1)
    }
    return false
  }

  /** "24/24", or time ranges joined by commas, "et", "/" or "-". */
  #timeSpec(): { ranges: Range[]; always: boolean; end: number } | null {
    const always = this.#accept('always')
    if (always) {
      const ranges = [{ from: 0, to: FULL_DAY, start: always.start, end: always.end }]
      return { ranges, always: true, end: always.end }
    }
    if (!this.#isRangeStart()) return null
    const first = this.#peek()!
    const ranges = [this.#range()]
    for (;;) {
      if (this.#is(RANGE_LIST_LINKS) && this.#isRangeStart(1)) this.#pos += 1
      // "9h-12h 14h-19h": a second range right after the first is one more.
      else if (!this.#isRangeStart()) break
      ranges.push(this.#range())
    }
    const end = this.#tokens[this.#pos - 1]!.end
    ranges.sort((a, b) => a.from - b.from)
    const merged = [ranges[0]!]
    for (const range of ranges.slice(1)) {
      const previous = merged.at(-1)!
      if (previous.to < previous.from || previous.to > range.from) {
        throw new Unreadable(
          `Plages horaires qui se chevauchent : ${this.#quote(first.start, end)}`,
        )
      }
      // "9h-12h, 12h-14h" is one opening.
      if (previous.to === range.from && range.to > range.from) {
        merged[merged.length - 1] = { ...previous, to: range.to, end: range.end }
      } else merged.push(range)
    }
    return { ranges: merged, always: false, end }
  }

  /** "8h30-12h", "de 9h à midi", "8h/13h", "entre 9h et 12h", "de 22h à 2h du matin". */
  #range(): Range {
    const first = this.#peek()!
    const between = this.#accept('entre')
    if (!between) this.#accept('de')
    const from = this.#peek()
    if (!from || (from.kind !== 'time' && from.kind !== 'number')) throw this.#stuck()
    this.#pos += 1
    const linked = between ? this.#accept('et') : this.#is(RANGE_LINKS) ? this.#peek() : null
    if (!between && linked) this.#pos += 1
    const to = linked ? this.#peek() : undefined
    if (!to || (to.kind !== 'time' && to.kind !== 'number')) {
      const end = linked ? linked.end : from.end
      throw new Unreadable(`Plage horaire incomplète : ${this.#quote(first.start, end)}`)
    }
    this.#pos += 1
    // A bare number is an hour only next to a written time ("9-12h"), never two bare numbers.
    if (from.kind === 'number' && to.kind === 'number') {
      throw new Unreadable(`Heures sans unité : ${this.#quote(first.start, to.end)}`)
    }
    const start = this.#minutes(from, false)
    let end = this.#minutes(to, true)
    let overnight = false
    if (this.#is('du') && this.#peek(1)?.kind === 'vague' && this.#peek(1)?.value === 1) {
      this.#pos += 2
      overnight = true
      // "17h du matin" is no time of day.
      if (end >= 12 * 60) {
        const text = this.#quote(first.start, this.#tokens[this.#pos - 1]!.end)
        throw new Unreadable(`Plage horaire incohérente : ${text}`)
      }
    } else if (this.#accept('nextDay')) overnight = true
    const text = this.#quote(first.start, this.#tokens[this.#pos - 1]!.end)
    if (end === 0) end = FULL_DAY
    if (end <= start && !(overnight && end < start)) {
      throw new Unreadable(`Plage horaire inversée : ${text}`)
    }
    return { from: start, to: end, start: first.start, end: this.#tokens[this.#pos - 1]!.end }
  }

  #minutes(token: Token, isEnd: boolean): number {
    const hours = token.value
    const minutes = token.kind === 'time' ? token.extra : 0
    const valid = minutes < 60 && (hours < 24 || (isEnd && hours === 24 && minutes === 0))
    if (!valid) throw new Unreadable(`Heure invalide : ${this.#quote(token.start, token.end)}`)
    return hours * 60 + minutes
  }
}

// ---------------------------------------------------------------------------------------------
// Writing the value: weekdays grouped by identical hours, then days of the month, then holidays,
// then closures, so that later rules override earlier ones as the text meant.

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

function rangesValue(ranges: Range[]): string {
  return ranges.map((r) => `${hhmm(r.from)}-${hhmm(r.to)}`).join(',')
}

function weekdaysValue(days: number[]): string {
  const sorted = [...days].sort((a, b) => a - b)
  const parts: string[] = []
  for (let i = 0; i < sorted.length;) {
    let j = i
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j += 1
    if (j - i >= 2) parts.push(`${OSM_DAYS[sorted[i]!]}-${OSM_DAYS[sorted[j]!]}`)
    else for (let k = i; k <= j; k += 1) parts.push(OSM_DAYS[sorted[k]!]!)
    i = j + 1
  }
  return parts.join(',')
}

function ordinalValue(ordinal: Ordinal): string {
  return `${OSM_DAYS[ordinal.day]}[${ordinal.nths.join(',')}]`
}

function dateValue(date: number): string {
  return `${OSM_MONTHS[Math.floor(date / 100) - 1]} ${String(date % 100).padStart(2, '0')}`
}

function render(parser: Parser, text: string): string {
  const { rules, closures } = parser
  const weekly = new Map<number, string>()
  // Days a clause names on their own ("le samedi"), not within a span ("tous les jours").
  const namedAlone = new Set<number>()
  const ordinals: { ordinal: Ordinal; ranges: string }[] = []
  let holidayRanges: string | null = null
  const twice = (what: string, rule: OpenRule) =>
    new Unreadable(`${what} plusieurs fois : ${quote(text, rule.start, rule.end)}`)
  for (const rule of rules) {
    const ranges = rangesValue(rule.ranges)
    // Two clauses for one day could add up or override each other: the text does not say which.
    for (const day of rule.days.weekdays) {
      if (weekly.has(day) || ordinals.some((o) => o.ordinal.day === day)) {
        throw twice(`Le ${FRENCH_DAYS[day]} est indiqué`, rule)
      }
      weekly.set(day, ranges)
      if (rule.days.weekdays.size === 1) namedAlone.add(day)
    }
    for (const ordinal of rule.days.ordinals) {
      const clash = ordinals.some(
        (o) =>
          o.ordinal.day === ordinal.day && o.ordinal.nths.some((n) => ordinal.nths.includes(n)),
      )
      if (clash || weekly.has(ordinal.day))
        throw twice(`Le ${FRENCH_DAYS[ordinal.day]} est indiqué`, rule)
      ordinals.push({ ordinal, ranges })
    }
    if (rule.days.holidays) {
      if (holidayRanges !== null) throw twice('Les jours fériés sont indiqués', rule)
      holidayRanges = ranges
    }
  }
  if (weekly.size === 0 && ordinals.length === 0 && holidayRanges === null) {
    throw new Unreadable("Horaires d'ouverture manquants : seules des fermetures sont indiquées")
  }
  for (const day of closures.weekdays) {
    // "Tous les jours 8h-20h, fermé le dimanche": the closure takes the day out of the span.
    if (weekly.has(day) && !namedAlone.has(day)) weekly.delete(day)
    else if (weekly.has(day) || ordinals.some((o) => o.ordinal.day === day)) {
      throw new Unreadable(`Jour à la fois ouvert et fermé : le ${FRENCH_DAYS[day]}`)
    }
  }
  if (weekly.size === 0 && ordinals.length === 0 && holidayRanges === null) {
    throw new Unreadable('Jours ouverts tous fermés ensuite : aucun horaire d’ouverture ne reste')
  }
  if (closures.holidays && holidayRanges !== null) {
    throw new Unreadable('Jours fériés à la fois ouverts et fermés')
  }
  const closedOrdinals = closures.ordinals.filter((o) => weekly.has(o.day))
  for (const o of closures.ordinals) {
    if (ordinals.some((open) => open.ordinal.day === o.day)) {
      throw new Unreadable(`Jour à la fois ouvert et fermé : le ${FRENCH_DAYS[o.day]}`)
    }
  }
  // "Du lundi au vendredi sauf jours fériés …; samedi …": whether Saturday holidays close too
  // is not said.
  if (closures.scoped && rules.length > 1) {
    const { start, end } = closures.scoped
    throw new Unreadable(`Exception ambiguë : ${quote(text, start, end)}`)
  }

  const parts: string[] = []
  const groups = new Map<string, number[]>()
  for (const [day, ranges] of weekly) groups.set(ranges, [...(groups.get(ranges) ?? []), day])
  const everyDay = weekly.size === 7 && groups.size === 1 && groups.has(`00:00-24:00`)
  let holidayPart: string | null = null
  if (everyDay && ordinals.length === 0 && (holidayRanges === null || groups.has(holidayRanges))) {
    parts.push('24/7')
  } else {
    const sortedGroups = [...groups].sort((a, b) => Math.min(...a[1]) - Math.min(...b[1]))
    for (const [ranges, days] of sortedGroups) {
      // A holiday rule must come after the weekdays it overrides, so a shared group moves last.
      if (ranges === holidayRanges) holidayPart = `${weekdaysValue(days)},PH ${ranges}`
      else parts.push(`${weekdaysValue(days)} ${ranges}`)
    }
    const byRanges = new Map<string, Ordinal[]>()
    for (const { ordinal, ranges } of ordinals) {
      byRanges.set(ranges, [...(byRanges.get(ranges) ?? []), ordinal])
    }
    for (const [ranges, list] of byRanges) {
      list.sort((a, b) => a.day - b.day)
      parts.push(`${list.map(ordinalValue).join(',')} ${ranges}`)
    }
    if (holidayRanges !== null) parts.push(holidayPart ?? `PH ${holidayRanges}`)
  }
  if (closedOrdinals.length > 0) {
    parts.push(
      `${[...closedOrdinals]
        .sort((a, b) => a.day - b.day)
        .map(ordinalValue)
        .join(',')} off`,
    )
  }
  if (closures.dates.size > 0) {
    parts.push(
      `${[...closures.dates]
        .sort((a, b) => a - b)
        .map(dateValue)
        .join(',')} off`,
    )
  }
  if (closures.holidays) parts.push('PH off')
  // A later rule for the next day would cut off the hours past midnight (that is how
  // `opening_hours` reads rules), which the text did not mean.
  const overnight = rules.flatMap((rule) => rule.ranges).find((range) => range.to < range.from)
  if (overnight && parts.length > 1) {
    const excerpt = quote(text, overnight.start, overnight.end)
    throw new Unreadable(`Plage après minuit avec d'autres règles, non gérée : ${excerpt}`)
  }
  return parts.join('; ')
}

/**
 * Reads French opening hours into an OpenStreetMap `opening_hours` value, or says in French why
 * it would have to guess. Pure and linear in the text's length: imports run it on every line.
 */
export function convertFrenchHours(text: string): FrenchHoursResult {
  const normalized = normalizeFrenchHours(text)
  if (normalized.trim() === '') return note('Aucun horaire indiqué')
  if (normalized.length > MAX_LENGTH) {
    return note(`Texte trop long pour être converti (${normalized.length} caractères)`)
  }
  const tokens = tokenizeFrenchHours(normalized)
  const issue = vocabularyIssue(tokens, normalized)
  if (issue) return note(issue)
  try {
    const parser = new Parser(tokens, normalized)
    parser.parse()
    return { kind: 'converted', openingHours: render(parser, normalized) }
  } catch (error) {
    if (error instanceof Unreadable) return note(error.message)
    throw error
  }
}
