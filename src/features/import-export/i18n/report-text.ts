import type { Locale } from '@/lib/locale-store'
import { MESSAGES, SHOP_RULE_MESSAGES } from '@/shop/shop-rules'
import { NO_HOURS_ERROR } from '@/shop/opening-hours'
import { KEPT_POSITION } from '@/features/import-export/utils/import-report'
import {
  QUESTIONNAIRE_COLUMNS,
  type QuestionnaireField,
} from '@/features/import-export/utils/questionnaire-csv'

/**
 * The import report in English. Its messages are written in French where they are made (the file
 * readers, the French hours converter, the `opening_hours` library, the database's
 * `import_shops`), and the report keeps them in French: the panel recognises a line by its French
 * text ("Doublon possible de"), and the database speaks no other language. Shown to an
 * English-speaking curator, each message is matched against the French templates below and
 * rewritten; only the text shown changes.
 *
 * What a template captures is data and is kept as written: names, communes, addresses, keys,
 * numbers, the category and service names of the territory's catalogue (the words the file must
 * use), OSM tags and the hours text quoted back. Quoted values keep their text but take English
 * quotation marks: « value » becomes “value”.
 *
 * A message no template matches stays in French (`reportTextIn`): better a French sentence than a
 * wrong English one. tests/features/import-export/i18n/report-text.test.ts holds one case per
 * template, checks every message the database functions can write, and runs real files through
 * the readers, so that a new French message without its template fails there.
 */

/** A French template, anchored, and its English; the English is null when a part is unknown. */
export type ReportTemplate = readonly [
  pattern: RegExp,
  english: (match: RegExpExecArray) => string | null,
]

/** English quotation marks around a value quoted in French. */
function q(value: string): string {
  return `“${value}”`
}

/** "2 000" → "2,000": French thousands are separated by a space. */
function englishNumber(value: string): string {
  return value.replace(/(\d)[\s\u00a0\u202f](?=\d{3}(?!\d))/g, '$1,')
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * A message of shop-rules.ts as a pattern: its text with each sample value replaced by a capture,
 * so that the template follows MESSAGES when its wording changes.
 */
function patternOf(text: string, samples: readonly (string | number)[]): RegExp {
  let source = escapeRegExp(text)
  for (const sample of samples) {
    const capture = typeof sample === 'number' ? '(\\d+)' : '([\\s\\S]+?)'
    source = source.replace(escapeRegExp(String(sample)), capture)
  }
  return new RegExp(`^${source}$`)
}

// Samples no real message holds, to find where each argument lands in a message's text.
const SUBJECT_SAMPLE = '\u0001subject\u0001'
const LENGTH_SAMPLE = 900001
const MAX_SAMPLE = 900002

const EN_RULES = SHOP_RULE_MESSAGES.en

/** The headers of the questionnaire in English, field by field: a new field needs its label. */
const FIELD_LABELS_EN: Record<QuestionnaireField, string> = {
  sourceRef: 'Identifier',
  name: 'Name',
  kind: 'Type',
  category: 'Category',
  subcategory: 'Subcategory',
  address: 'Address',
  postcode: 'Postcode',
  commune: 'Commune',
  communeInsee: 'INSEE code',
  lat: 'Latitude',
  lon: 'Longitude',
  phone: 'Phone',
  email: 'E-mail',
  website: 'Website',
  socialLinks: 'Social networks',
  hours: 'Hours',
  services: 'Services',
  orderingInstructions: 'Ordering instructions',
  description: 'Description',
}

/**
 * The questionnaire's column labels (the `header` of each column, as issues name their field) in
 * English. OSM issues name their tag (`opening_hours`, `addr:postcode`): those are kept.
 */
export const COLUMN_LABELS_EN: Readonly<Record<string, string>> = Object.fromEntries(
  QUESTIONNAIRE_COLUMNS.map((column) => [column.header, FIELD_LABELS_EN[column.field]]),
)

/** An OpenStreetMap tag key, the field of an OSM import's issues. */
const OSM_KEY = /^[a-z][a-z0-9_]*(?::[a-z0-9_]+)*$/

/** The subjects of MESSAGES.tooLong as the readers and validateShopField write them. */
const TOO_LONG_SUBJECTS: Readonly<Record<string, string>> = {
  'Le nom': 'The name',
  'La description': 'The description',
  'L’adresse': 'The address',
  'Le nom de la commune': 'The commune’s name',
  'Le message': 'The message',
  'Le texte des horaires': 'The hours text',
  'La note sur les horaires': 'The note on the hours',
  'La marche à suivre': 'The ordering instructions',
  'L’adresse e-mail': 'The e-mail address',
  'L’adresse du site': 'The website’s address',
  'L’identifiant': 'The identifier',
}

function tooLongSubject(subject: string): string | null {
  // Some subjects are written with a straight apostrophe, others with a curly one.
  const curly = subject.replace(/'/g, '’')
  const link = /^Le lien (\d+)$/.exec(curly)
  return link ? `Link ${link[1]}` : (TOO_LONG_SUBJECTS[curly] ?? null)
}

/** The subjects of the database's "… invalide(s) : caractères … interdits". */
const DATABASE_INVALID_SUBJECTS: Readonly<Record<string, string>> = {
  Nom: 'name',
  Adresse: 'address',
  'Nom de commune': 'commune name',
  'Site web': 'website',
  Liens: 'links',
  'Clé de la ligne': 'line key',
  'Crédit de la source': 'source credit',
}

/** The subjects of the database's "… trop long(ue)(s) (N caractères au plus)". */
const DATABASE_TOO_LONG_SUBJECTS: Readonly<Record<string, string>> = {
  Description: 'Description',
  Adresse: 'Address',
  'Nom de commune': 'Commune name',
  Horaires: 'Hours',
  'Note sur les horaires': 'Note on the hours',
  'Marche à suivre': 'Ordering instructions',
  'Clé de la ligne': 'Line key',
}

/** The words of import_shops' "Modifié : …", one per column it compares. */
const CHANGED_FIELDS_EN: Readonly<Record<string, string>> = {
  nom: 'name',
  type: 'type',
  catégorie: 'category',
  'sous-catégorie': 'subcategory',
  adresse: 'address',
  'code postal': 'postcode',
  commune: 'commune',
  emplacement: 'location',
  publication: 'publication',
  crédit: 'credit',
  description: 'description',
  téléphone: 'phone',
  'e-mail': 'e-mail',
  'site web': 'website',
  liens: 'links',
  horaires: 'hours',
  'marche à suivre': 'ordering instructions',
  services: 'services',
}

const WEEKDAYS_EN: Readonly<Record<string, string>> = {
  lundi: 'Monday',
  mardi: 'Tuesday',
  mercredi: 'Wednesday',
  jeudi: 'Thursday',
  vendredi: 'Friday',
  samedi: 'Saturday',
  dimanche: 'Sunday',
}

/** Why the questionnaire's rows could not be placed at their address (locate-rows.ts). */
const PLACING_REASONS_EN: Readonly<Record<string, string>> = {
  'hors ligne ou sans service d’adresses': 'offline or no address service',
  'le service national des adresses n’a pas répondu':
    'the national address service did not respond',
  'adresse non trouvée': 'address not found',
  'adresse non trouvée dans le territoire': 'address not found in the territory',
  'pas d’adresse': 'no address',
}

/** The delimiter as the questionnaire reader names it. */
function delimiterEn(delimiter: string): string {
  return delimiter === 'tabulation' ? 'tab' : delimiter
}

/** The French hours converter's reasons (french-hours.ts) that quote the text they are about. */
const QUOTING_HOURS_REASONS: Readonly<Record<string, string>> = {
  'Vacances ou congés non gérés': 'Holidays or leave not handled',
  'Période saisonnière non gérée': 'Seasonal period not handled',
  'Rendez-vous non géré': 'Appointments not handled',
  'Précision entre parenthèses non gérée': 'Detail in brackets not handled',
  'Horaires renvoyés ailleurs': 'Hours given elsewhere',
  'Texte non reconnu': 'Text not recognised',
  'Horaire imprécis': 'Vague time',
  'Date précise non gérée': 'Specific date not handled',
  'Horaires manquants': 'Hours missing',
  'Jours non précisés': 'Days not specified',
  'Date invalide': 'Invalid date',
  'Plage de jours incohérente': 'Inconsistent range of days',
  'Jour du mois imprécis': 'Vague day of the month',
  'Exception incohérente': 'Inconsistent exception',
  'Exception non gérée': 'Exception not handled',
  'Fermeture partielle non gérée': 'Partial closure not handled',
  'Plages horaires qui se chevauchent': 'Overlapping time ranges',
  'Plage horaire incomplète': 'Incomplete time range',
  'Heures sans unité': 'Hours without a unit',
  'Plage horaire incohérente': 'Inconsistent time range',
  'Plage horaire inversée': 'Reversed time range',
  'Heure invalide': 'Invalid time',
  'Exception ambiguë': 'Ambiguous exception',
  "Plage après minuit avec d'autres règles, non gérée":
    'Range past midnight with other rules, not handled',
  'Les jours fériés sont indiqués plusieurs fois': 'Public holidays are given more than once',
}

const QUOTING_HOURS_REASON = new RegExp(
  `^(${Object.keys(QUOTING_HOURS_REASONS).map(escapeRegExp).join('|')}) : « ([\\s\\S]*) »$`,
)

/** Messages already in English (argument checks raised before any line is read). */
const ALREADY_ENGLISH =
  /^(?:rows\[\d+\](?:\.\w+)?|\w+(?:\[\d+\])?) (?:is too long: at most \d+ characters(?: of JSON)?|has too many elements: at most \d+) \(got \d+\)$/

/**
 * The templates, in order: the first whose pattern matches and whose English is not null wins.
 * Composites (a duplicate's note and its outcome, a hours note and its reason) translate their
 * parts with `translateWhole`.
 */
export const REPORT_TEMPLATES: readonly ReportTemplate[] = [
  // --- shop-rules.ts: MESSAGES, whose English twin is SHOP_RULE_MESSAGES.en ----------------------
  ...(
    [
      'controlCharacters',
      'invisibleCharacters',
      'nameRequired',
      'postcode',
      'phone',
      'email',
      'websiteScheme',
      'website',
    ] as const
  ).map((key): ReportTemplate => [
    new RegExp(`^${escapeRegExp(MESSAGES[key])}$`),
    () => EN_RULES[key],
  ]),
  [
    patternOf(MESSAGES.tooLong(SUBJECT_SAMPLE, LENGTH_SAMPLE, MAX_SAMPLE), [
      SUBJECT_SAMPLE,
      LENGTH_SAMPLE,
      MAX_SAMPLE,
    ]),
    ([, subject = '', length = '', max = '']) => {
      const english = tooLongSubject(subject)
      return english && EN_RULES.tooLong(english, Number(length), Number(max))
    },
  ],
  [
    patternOf(MESSAGES.tooManyLinks(LENGTH_SAMPLE), [LENGTH_SAMPLE]),
    ([, count = '']) => EN_RULES.tooManyLinks(Number(count)),
  ],
  [
    patternOf(MESSAGES.linkEmpty(LENGTH_SAMPLE), [LENGTH_SAMPLE]),
    ([, n = '']) => EN_RULES.linkEmpty(Number(n)),
  ],
  [
    patternOf(MESSAGES.linkScheme(LENGTH_SAMPLE), [LENGTH_SAMPLE]),
    ([, n = '']) => EN_RULES.linkScheme(Number(n)),
  ],
  [
    patternOf(MESSAGES.link(LENGTH_SAMPLE), [LENGTH_SAMPLE]),
    ([, n = '']) => EN_RULES.link(Number(n)),
  ],

  // --- decode-text.ts -------------------------------------------------------------------------
  [
    /^Ce fichier est un classeur \(\.xlsx ou \.ods\) ou une archive, pas un fichier texte : enregistrez-le au format « CSV UTF-8 » depuis votre tableur\.$/,
    () =>
      'This file is a workbook (.xlsx or .ods) or an archive, not a text file: save it as “CSV UTF-8” from your spreadsheet.',
  ],
  [
    /^Ce fichier est un ancien classeur Excel \(\.xls\), pas un fichier texte : enregistrez-le au format « CSV UTF-8 » depuis votre tableur\.$/,
    () =>
      'This file is an old Excel workbook (.xls), not a text file: save it as “CSV UTF-8” from your spreadsheet.',
  ],
  [/^Ce fichier est un PDF, pas un fichier texte\.$/, () => 'This file is a PDF, not a text file.'],
  [
    /^Ce fichier est en UTF-16 \(« Texte Unicode » d’Excel\) : enregistrez-le au format « CSV UTF-8 »\.$/,
    () => 'This file is in UTF-16 (Excel’s “Unicode Text”): save it as “CSV UTF-8”.',
  ],
  [
    /^Ce fichier ne contient pas de texte lisible \(fichier binaire \?\) : choisissez un fichier CSV ou GeoJSON\.$/,
    () => 'This file holds no readable text (a binary file?): choose a CSV or GeoJSON file.',
  ],
  [/^Le fichier est vide\.$/, () => 'The file is empty.'],
  [
    /^Le fichier annonce de l’UTF-8 mais contient des octets invalides : enregistrez-le de nouveau au format « CSV UTF-8 »\.$/,
    () => 'The file says it is UTF-8 but holds invalid bytes: save it again as “CSV UTF-8”.',
  ],

  // --- csv-parse.ts ---------------------------------------------------------------------------
  [
    /^Guillemet non refermé : le champ ouvert ligne (\d+) court jusqu’à la fin du fichier\. Vérifiez les guillemets de cette ligne\.$/,
    ([, line]) =>
      `Unclosed quotation mark: the field opened on line ${line} runs to the end of the file. Check the quotation marks on that line.`,
  ],

  // --- questionnaire-csv.ts: the file ---------------------------------------------------------
  [/^Le fichier ne contient aucune ligne\.$/, () => 'The file has no lines.'],
  [/^Le fichier ne contient aucun commerce\.$/, () => 'The file has no shops.'],
  [
    /^Colonnes obligatoires absentes : ([\s\S]+?)\. Colonnes lues : ([\s\S]*) \(séparateur « ([\s\S]+) »\)\.$/,
    ([, missing, read = '', delimiter = '']) =>
      `Required columns missing: ${missing}. Columns read: ${read === 'aucune' ? 'none' : read} (delimiter ${q(delimiterEn(delimiter))}).`,
  ],
  [/^Colonnes ignorées : ([\s\S]+)\.$/, ([, columns]) => `Columns ignored: ${columns}.`],
  [
    /^Cette ligne a (\d+) valeurs pour (\d+) colonnes : un « ([\s\S]+) » dans une valeur sans guillemets autour \?$/,
    ([, values, columns, delimiter = '']) =>
      `This line has ${values} values for ${columns} columns: a ${q(delimiterEn(delimiter))} inside a value without quotation marks around it?`,
  ],
  [
    /^Même commerce que la ligne (\d+) \(clé « ([\s\S]*) »\)\.$/,
    ([, line, key = '']) => `Same shop as line ${line} (key ${q(key)}).`,
  ],
  [
    /^Même commerce que la ligne (\d+) \(clé « ([\s\S]*) »\) : ajoutez une colonne Identifiant pour distinguer deux commerces de même nom au même endroit\.$/,
    ([, line, key = '']) =>
      `Same shop as line ${line} (key ${q(key)}): add an Identifiant column to tell apart two shops with the same name at the same place.`,
  ],

  // --- questionnaire-csv.ts: a line's columns -------------------------------------------------
  [
    /^Ligne d’exemple du modèle : supprimez-la avant l’import\.$/,
    () => 'Example line of the template: delete it before importing.',
  ],
  [
    new RegExp(`^L’identifiant : ${escapeRegExp(MESSAGES.invisibleCharacters)}$`),
    () => `The identifier: ${EN_RULES.invisibleCharacters}`,
  ],
  [
    /^Balises retirées du nom « ([\s\S]*) » : le nom importé est « ([\s\S]*) »\.$/,
    ([, written = '', name = '']) =>
      `Markup removed from the name ${q(written)}: the name imported is ${q(name)}.`,
  ],
  [
    /^Type inconnu « ([\s\S]*) » : indiquez commerçant, artisan, producteur, marché ou service public\.$/,
    ([, kind = '']) =>
      `Unknown type ${q(kind)}: write commerçant (shop), artisan, producteur (producer), marché (market) or service public (public service).`,
  ],
  [/^La catégorie est obligatoire\.$/, () => 'The category is required.'],
  [
    /^Catégorie inconnue « ([\s\S]*) »\. Catégories possibles : ([\s\S]*)\.$/,
    ([, category = '', names]) => `Unknown category ${q(category)}. Possible categories: ${names}.`,
  ],
  [
    /^La sous-catégorie « ([\s\S]*) » appartient à la catégorie ([\s\S]+), pas à ([\s\S]+)\.$/,
    ([, subcategory = '', owner, category]) =>
      `The subcategory ${q(subcategory)} belongs to the category ${owner}, not to ${category}.`,
  ],
  [
    /^Sous-catégorie inconnue « ([\s\S]*) » pour ([\s\S]+?)\. Sous-catégories possibles : ([\s\S]*)\.$/,
    ([, subcategory = '', category, names = '']) =>
      // The list is separated by " ; ", French spacing.
      `Unknown subcategory ${q(subcategory)} for ${category}. Possible subcategories: ${names.replace(/ ; /g, '; ')}.`,
  ],
  [
    /^(Latitude|Longitude) manquante : saisissez latitude et longitude, ou aucune des deux pour placer le commerce à son adresse\.$/,
    ([, name]) =>
      `${name} missing: enter both latitude and longitude, or neither to place the shop at its address.`,
  ],
  [
    /^(Latitude|Longitude) illisible « ([\s\S]*) » : écrivez des degrés décimaux, par exemple (-?[\d.]+)\.$/,
    ([, name = '', value = '', example]) =>
      `Unreadable ${name.toLowerCase()} ${q(value)}: write decimal degrees, for example ${example}.`,
  ],
  [
    /^(Latitude|Longitude) impossible « ([\s\S]*) » : entre -(\d+) et (\d+)\.$/,
    ([, name = '', value = '', min, max]) =>
      `Impossible ${name.toLowerCase()} ${q(value)}: it must be between -${min} and ${max}.`,
  ],
  [
    /^Adresse hors du territoire ([\s\S]+) : la latitude et la longitude semblent inversées\.$/,
    ([, territory]) =>
      `Address outside the ${territory} territory: latitude and longitude seem to be swapped.`,
  ],
  [
    /^Adresse hors du territoire ([\s\S]+) \(latitude (\S+), longitude (\S+)\)\.$/,
    ([, territory, lat, lon]) =>
      `Address outside the ${territory} territory (latitude ${lat}, longitude ${lon}).`,
  ],
  [
    /^Code INSEE invalide « ([\s\S]*) » : 5 caractères, par exemple (\d+)\.$/,
    ([, code = '', example]) =>
      `Invalid INSEE code ${q(code)}: 5 characters, for example ${example}.`,
  ],
  [
    /^La commune « ([\s\S]*) » ne correspond pas au code INSEE (\S+) \(([\s\S]+)\) : le code INSEE est retenu\.$/,
    ([, commune = '', code, name]) =>
      `The commune ${q(commune)} does not match the INSEE code ${code} (${name}): the INSEE code is kept.`,
  ],
  [
    /^Code INSEE (\S+) inconnu dans le territoire ([\s\S]+) : la commune ([\s\S]+) \((\S+)\) est retenue\.$/,
    ([, code, territory, commune, communeCode]) =>
      `INSEE code ${code} unknown in the ${territory} territory: the commune ${commune} (${communeCode}) is kept.`,
  ],
  [
    /^Code INSEE (\S+) inconnu dans le territoire ([\s\S]+)\.$/,
    ([, code, territory]) => `INSEE code ${code} unknown in the ${territory} territory.`,
  ],
  [
    new RegExp(
      `^Nom de commune invalide « ([\\s\\S]*) » : ${escapeRegExp(MESSAGES.invisibleCharacters)}$`,
    ),
    ([, commune = '']) => `Invalid commune name ${q(commune)}: ${EN_RULES.invisibleCharacters}`,
  ],
  [
    /^Nom de commune invalide « ([\s\S]*) » \((\d+) caractères au plus\)\.$/,
    ([, commune = '', max]) => `Invalid commune name ${q(commune)} (${max} characters at most).`,
  ],
  [
    /^Commune « ([\s\S]*) » inconnue dans le territoire ([\s\S]+) : gardée telle quelle\.$/,
    ([, commune = '', territory]) =>
      `Commune ${q(commune)} unknown in the ${territory} territory: kept as written.`,
  ],
  [
    /^« https:\/\/ » ajouté devant « ([\s\S]*) » : vérifiez que l’adresse s’ouvre\.$/,
    ([, url = '']) => `“https://” added before ${q(url)}: check that the address opens.`,
  ],
  [
    new RegExp(
      `^(Adresse du site|Lien) invalide « ([\\s\\S]*) » : ${escapeRegExp(MESSAGES.invisibleCharacters)}$`,
    ),
    ([, what, url = '']) =>
      `${what === 'Lien' ? 'Invalid link' : 'Invalid website address'} ${q(url)}: ${EN_RULES.invisibleCharacters}`,
  ],
  [
    /^(Adresse du site|Lien) invalide « ([\s\S]*) » : (?:elle|il) doit commencer par http:\/\/ ou https:\/\/\.$/,
    ([, what, url = '']) =>
      `${what === 'Lien' ? 'Invalid link' : 'Invalid website address'} ${q(url)}: it must start with http:// or https://.`,
  ],
  [
    /^(Adresse du site|Lien) invalide « ([\s\S]*) »\.$/,
    ([, what, url = '']) =>
      `${what === 'Lien' ? 'Invalid link' : 'Invalid website address'} ${q(url)}.`,
  ],
  [
    /^Code postal « ([\s\S]*) » complété en (\d+) \(zéro initial perdu par le tableur\)\.$/,
    ([, written = '', postcode]) =>
      `Postcode ${q(written)} completed as ${postcode} (leading zero lost by the spreadsheet).`,
  ],
  [
    /^Code postal invalide « ([\s\S]*) » : 5 chiffres attendus\.$/,
    ([, postcode = '']) => `Invalid postcode ${q(postcode)}: 5 digits expected.`,
  ],
  [
    /^Numéro court national « ([\s\S]*) » : ce n’est pas le numéro du commerce, il n’est pas gardé\.$/,
    ([, phone = '']) =>
      `National short number ${q(phone)}: it is not the shop’s own number, so it is not kept.`,
  ],
  [
    // The questionnaire quotes the cell; the OSM reader does not.
    /^Plusieurs numéros(?: « ([\s\S]*) »)? : seul le premier \(([\s\S]+)\) est gardé\.$/,
    ([, written, phone]) =>
      `Several numbers${written === undefined ? '' : ` ${q(written)}`}: only the first (${phone}) is kept.`,
  ],
  [
    /^Le numéro « ([\s\S]*) » ne compte pas 10 chiffres : vérifiez-le\.$/,
    ([, phone = '']) => `The number ${q(phone)} does not have 10 digits: check it.`,
  ],
  [
    /^Numéro de téléphone invalide « ([\s\S]*) »\.$/,
    ([, phone = '']) => `Invalid phone number ${q(phone)}.`,
  ],
  [
    /^Adresse e-mail invalide « ([\s\S]*) »\.$/,
    ([, email = '']) => `Invalid e-mail address ${q(email)}.`,
  ],
  [
    /^Horaires gardés en note, non convertis : ([\s\S]+)$/,
    ([, reason = '']) => {
      const english = translateWhole(reason)
      return english && `Hours kept as a note, not converted: ${english}`
    },
  ],
  [
    /^Service non reconnu « ([\s\S]*) », non importé\. Services possibles : ([\s\S]*)\.$/,
    ([, service = '', names]) =>
      `Unrecognised service ${q(service)}, not imported. Possible services: ${names}.`,
  ],
  [
    /^Position manquante : indiquez l’adresse et la commune \(l’import la place\), ou latitude et longitude\.$/,
    () =>
      'Position missing: give the address and the commune (the import places the shop), or latitude and longitude.',
  ],

  // --- locate-rows.ts and import-report.ts --------------------------------------------------
  [
    /^Position à vérifier \(score (\d+(?:,\d+)?)\) : adresse trouvée « ([\s\S]*) »\.$/,
    ([, score = '', label = '']) =>
      `Position to check (score ${score.replace(',', '.')}): address found ${q(label)}.`,
  ],
  [
    /^Impossible de placer le commerce : ([\s\S]+?), et la commune ([\s\S]+) n’a pas de contour connu\. Ajoutez latitude et longitude\.$/,
    ([, why = '', commune]) => {
      const reason = PLACING_REASONS_EN[why]
      return reason
        ? `Cannot place the shop: ${reason}, and the commune ${commune} has no known outline. Add latitude and longitude.`
        : null
    },
  ],
  [
    /^Impossible de placer le commerce : ([\s\S]+?), et aucune commune du territoire ([\s\S]+) n’est indiquée\. Ajoutez la commune, ou latitude et longitude\.$/,
    ([, why = '', territory]) => {
      const reason = PLACING_REASONS_EN[why]
      return reason
        ? `Cannot place the shop: ${reason}, and no commune of the ${territory} territory is given. Add the commune, or latitude and longitude.`
        : null
    },
  ],
  [
    /^Position approximative \(commune\) : placé au centre de ([\s\S]+?) \(([\s\S]+)\)\.$/,
    ([, commune, why = '']) => {
      const reason = translateWhole(why)
      return (
        reason && `Approximate position (commune): placed at the centre of ${commune} (${reason}).`
      )
    },
  ],
  // The reasons of "Position approximative", also worth reading alone.
  ...Object.entries(PLACING_REASONS_EN).map(([french, english]): ReportTemplate => [
    new RegExp(`^${escapeRegExp(french)}$`),
    () => english,
  ]),
  [
    /^adresse non reconnue, la plus proche est « ([\s\S]*) »$/,
    ([, label = '']) => `address not recognised, the closest is ${q(label)}`,
  ],
  [
    /^adresse trouvée hors du territoire, « ([\s\S]*) »$/,
    ([, label = '']) => `address found outside the territory, ${q(label)}`,
  ],
  [
    new RegExp(`^${escapeRegExp(KEPT_POSITION)}$`),
    () =>
      'Address not placed: the existing place keeps its position (nothing is placed at the centre of the commune).',
  ],

  // --- osm-geojson-import.ts: the file and its features' issues -------------------------------
  [
    /^Ce fichier n’est pas du JSON valide(?: \(([\s\S]*)\))?\.$/,
    ([, detail]) => `This file is not valid JSON${detail === undefined ? '' : ` (${detail})`}.`,
  ],
  [
    /^Ce fichier n’est pas une FeatureCollection GeoJSON : exportez les données depuis Overpass turbo \(Exporter → GeoJSON\)\.$/,
    () =>
      'This file is not a GeoJSON FeatureCollection: export the data from Overpass turbo (Export → GeoJSON).',
  ],
  [
    /^Caractères invisibles ou de contrôle retirés de ([\s\S]+)\.$/,
    ([, key]) => `Invisible or control characters removed from ${key}.`,
  ],
  [/^Nom raccourci à (\d+) caractères\.$/, ([, max]) => `Name shortened to ${max} characters.`],
  [
    /^Code postal ([\s\S]+) ignoré : 5 chiffres attendus\.$/,
    ([, postcode]) => `Postcode ${postcode} ignored: 5 digits expected.`,
  ],
  [
    /^Téléphone illisible « ([\s\S]*) » : ignoré\.$/,
    ([, phone = '']) => `Unreadable phone number ${q(phone)}: ignored.`,
  ],
  [
    /^Adresse e-mail invalide « ([\s\S]*) » : ignorée\.$/,
    ([, email = '']) => `Invalid e-mail address ${q(email)}: ignored.`,
  ],
  [
    /^« https:\/\/ » ajouté devant « ([\s\S]*) »\.$/,
    ([, url = '']) => `“https://” added before ${q(url)}.`,
  ],
  [
    /^Site invalide « ([\s\S]*) » : ignoré\.$/,
    ([, url = '']) => `Invalid website ${q(url)}: ignored.`,
  ],
  [
    /^Lien « ([\s\S]*) » ignoré : ce n’est pas une adresse web\.$/,
    ([, link = '']) => `Link ${q(link)} ignored: it is not a web address.`,
  ],
  [
    /^Horaires gardés en note : ([\s\S]+)$/,
    ([, reason = '']) => {
      const english = translateWhole(reason)
      return english && `Hours kept as a note: ${english}`
    },
  ],

  // --- osm-geojson-import.ts: why a feature is skipped (after "N lines skipped: ") ------------
  [
    /^élément illisible \(ni objet ni propriétés\)$/,
    () => 'unreadable element (neither an object nor properties)',
  ],
  [
    /^identifiant OpenStreetMap absent \(node\/…, way\/…\)$/,
    () => 'no OpenStreetMap id (node/…, way/…)',
  ],
  [/^géométrie absente ou illisible$/, () => 'missing or unreadable geometry'],
  [
    /^hors des communes du territoire ([\s\S]+)$/,
    ([, territory]) => `outside the communes of the ${territory} territory`,
  ],
  [/^hors du territoire ([\s\S]+)$/, ([, territory]) => `outside the ${territory} territory`],
  [
    /^même objet que la ligne (\d+) \(couches Overpass superposées\)$/,
    ([, line]) => `same object as line ${line} (overlapping Overpass layers)`,
  ],
  [
    /^étiquettes non reconnues \(ni amenity, ni shop, ni craft…\)$/,
    () => 'tags not recognised (no amenity, shop, craft…)',
  ],
  [/^étiquettes non reconnues \(([\s\S]+)\)$/, ([, tags]) => `tags not recognised (${tags})`],
  [/^sans nom$/, () => 'no name'],
  [
    /^même lieu que (\S+) \(ligne (\d+)\), gardé comme point$/,
    ([, osmId, line]) => `same place as ${osmId} (line ${line}), kept as a point`,
  ],

  // --- the hours: import-hours.ts, opening-hours.ts, french-hours.ts -------------------------
  [
    // import-hours.ts's asNote: the converter's reason, then why the library refused the text.
    /^([\s\S]+?) \((Horaires illisibles : [\s\S]*)\)$/,
    ([, reason = '', library = '']) => {
      const first = translateWhole(reason)
      const second = first && translateWhole(library)
      return second && `${first} (${second})`
    },
  ],
  [
    // describeParseError, whose English twin is its 'en' branch.
    /^Horaires illisibles : ([\s\S]*?)(?: \(après « ([\s\S]*) »\))?$/,
    ([, message = '', before]) => {
      const english = translateLibraryMessage(message)
      if (english === null) return null
      return `Unreadable hours: ${english}${before === undefined ? '' : ` (after ${q(before)})`}`
    },
  ],
  [new RegExp(`^${escapeRegExp(NO_HOURS_ERROR)}$`), () => 'No hours'],
  [
    /^conversion illisible \(« ([\s\S]*) »\)$/,
    ([, value = '']) => `unreadable conversion (${q(value)})`,
  ],
  [/^plus de (\d+) caractères$/, ([, max]) => `more than ${max} characters`],
  [
    QUOTING_HOURS_REASON,
    ([, reason = '', text = '']) => `${QUOTING_HOURS_REASONS[reason]}: ${q(text)}`,
  ],
  [/^Texte incomplet$/, () => 'Incomplete text'],
  [
    /^Le (lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) est indiqué plusieurs fois : « ([\s\S]*) »$/,
    ([, day = '', text = '']) => `${WEEKDAYS_EN[day]} is given more than once: ${q(text)}`,
  ],
  [
    /^Horaires d'ouverture manquants : seules des fermetures sont indiquées$/,
    () => 'Opening hours missing: only closures are given',
  ],
  [
    /^Jour à la fois ouvert et fermé : le (lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)$/,
    ([, day = '']) => `Day both open and closed: ${WEEKDAYS_EN[day]}`,
  ],
  [
    /^Jours ouverts tous fermés ensuite : aucun horaire d’ouverture ne reste$/,
    () => 'Open days all closed further on: no opening hours remain',
  ],
  [/^Jours fériés à la fois ouverts et fermés$/, () => 'Public holidays both open and closed'],
  [/^Aucun horaire indiqué$/, () => 'No hours given'],
  [
    /^Texte trop long pour être converti \((\d+) caractères\)$/,
    ([, length]) => `Text too long to convert (${length} characters)`,
  ],

  // --- the database: import_shops, before any line is read ------------------------------------
  [
    /^Seuls les curateurs du territoire peuvent importer des lieux\.$/,
    () => 'Only the territory’s curators can import places.',
  ],
  [
    /^Source d’import inconnue : « ([\s\S]*) » \(import ou osm\)\.$/,
    ([, source = '']) => `Unknown import source: ${q(source)} (import or osm).`,
  ],
  [
    /^Les lignes à importer doivent former une liste \(tableau JSON\)\.$/,
    () => 'The lines to import must form a list (a JSON array).',
  ],
  [
    /^Trop de lignes : (\d+) au plus par import \(ce fichier en a (\d+)\)\.$/,
    ([, max, count]) => `Too many lines: ${max} at most per import (this file has ${count}).`,
  ],
  // check_import_shops_arguments (and the argument checks) speak English already.
  [ALREADY_ENGLISH, ([message]) => message],

  // --- the database: import_shops, a line ----------------------------------------------------
  [/^Ligne illisible : un objet est attendu\.$/, () => 'Unreadable line: an object is expected.'],
  [/^Clé de la ligne manquante \(sourceRef\)\.$/, () => 'Line key missing (sourceRef).'],
  [
    /^Doublon dans le fichier : même clé que la ligne (\d+)$/,
    ([, line]) => `Duplicate in the file: same key as line ${line}`,
  ],
  [/^Type de lieu manquant$/, () => 'Place type missing'],
  [/^Catégorie manquante$/, () => 'Category missing'],
  [
    /^Catégorie inconnue : « ([\s\S]*) »$/,
    ([, category = '']) => `Unknown category: ${q(category)}`,
  ],
  [
    /^Sous-catégorie inconnue : « ([\s\S]*) »$/,
    ([, subcategory = '']) => `Unknown subcategory: ${q(subcategory)}`,
  ],
  [
    /^La sous-catégorie « ([\s\S]*) » n’appartient pas à la catégorie « ([\s\S]*) »$/,
    ([, subcategory = '', category = '']) =>
      `The subcategory ${q(subcategory)} does not belong to the category ${q(category)}`,
  ],
  [
    /^Coordonnées manquantes ou invalides \(lon, lat\)$/,
    () => 'Coordinates missing or invalid (lon, lat)',
  ],
  [
    /^Emplacement hors du territoire \(lon (\S+), lat (\S+)\)$/,
    ([, lon, lat]) => `Location outside the territory (lon ${lon}, lat ${lat})`,
  ],
  [/^Liens : une liste est attendue$/, () => 'Links: a list is expected'],
  [/^Services : une liste est attendue$/, () => 'Services: a list is expected'],
  [/^Service inconnu : « ([\s\S]*) »$/, ([, service = '']) => `Unknown service: ${q(service)}`],
  [
    /^Choix inconnu pour un doublon : « ([\s\S]*) » \(update, create ou ignore\)\.$/,
    ([, choice = '']) => `Unknown choice for a duplicate: ${q(choice)} (update, create or ignore).`,
  ],
  [
    /^Doublon possible de « ([\s\S]*) » \(ligne (\d+) du fichier\)$/,
    ([, name = '', line]) => `Possible duplicate of ${q(name)} (line ${line} of the file)`,
  ],
  [
    // Earlier versions of import_shops.
    /^Doublon possible de « ([\s\S]*) » \(déjà sur la carte\)$/,
    ([, name = '']) => `Possible duplicate of ${q(name)} (already on the map)`,
  ],
  [
    // The duplicate's note, then what became of the line, joined by " : " (concat_ws).
    /^Doublon possible de « ([\s\S]*?) » \(([\w-]+)(?:, (\d+) m)?\)(?: : ([\s\S]+))?$/,
    ([, name = '', source, metres, outcome]) => {
      const note = `Possible duplicate of ${q(name)} (${source}${metres === undefined ? '' : `, ${metres} m`})`
      if (outcome === undefined) return note
      const english = translateWhole(outcome)
      return english && `${note}: ${english}`
    },
  ],
  [/^ligne ignorée$/, () => 'line ignored'],
  [/^nouvelle fiche créée$/, () => 'new place created'],
  [/^fiche existante, inchangée$/, () => 'existing place, unchanged'],
  [
    /^fiche existante mise à jour : ([\s\S]+)$/,
    ([, changes = '']) => {
      const english = translateWhole(changes)
      return english && `existing place updated: ${english}`
    },
  ],
  [
    /^fiche existante : ([\s\S]+)$/,
    ([, rest = '']) => {
      const english = translateWhole(rest)
      return english && `existing place: ${english}`
    },
  ],
  [
    /^Modifié : ([\s\S]+)$/,
    ([, fields = '']) => {
      const english = fields.split(', ').map((field) => CHANGED_FIELDS_EN[field])
      return english.every(Boolean) ? `Changed: ${english.join(', ')}` : null
    },
  ],
  [
    /^Fiche gérée par le commerçant : ses informations sont conservées$/,
    () => 'Place managed by its merchant: the merchant’s details are kept',
  ],
  [
    /^Lieu modifié pendant l’import : relancez l’import$/,
    () => 'Place changed during the import: run the import again',
  ],

  // --- the database: private.import_error_message and the versions it falls back on -----------
  [
    /^([\s\S]+?) invalides? : caractères (invisibles ou de contrôle|de contrôle) interdits$/,
    ([, subject = '', which]) => {
      const english = DATABASE_INVALID_SUBJECTS[subject]
      const characters =
        which === 'de contrôle' ? 'control characters' : 'invisible or control characters'
      return english ? `Invalid ${english}: ${characters} are not allowed` : null
    },
  ],
  [
    /^([\s\S]+?) trop (?:long|longue|longs|longues) \(([\d\s\u00a0\u202f]+) caractères au plus\)( ou caractères invalides)?$/,
    ([, subject = '', max = '', invalid]) => {
      const english = DATABASE_TOO_LONG_SUBJECTS[subject]
      return english
        ? `${english} too long (${englishNumber(max)} characters at most)${invalid ? ' or invalid characters' : ''}`
        : null
    },
  ],
  [
    /^Clé ajoutée au territoire par un autre import en cours : relancez l’import$/,
    () => 'Key added to the territory by another import under way: run the import again',
  ],
  [
    /^Type de lieu inconnu \(commercant, artisan, producteur, marche ou service_public\)$/,
    () => 'Unknown place type (commercant, artisan, producteur, marche or service_public)',
  ],
  [
    /^Nom manquant ou trop long \((\d+) caractères au plus\)$/,
    ([, max]) => `Name missing or too long (${max} characters at most)`,
  ],
  [/^Code postal invalide \(5 chiffres\)$/, () => 'Invalid postcode (5 digits)'],
  [/^Code INSEE de la commune invalide$/, () => 'Invalid INSEE code of the commune'],
  [/^Téléphone invalide$/, () => 'Invalid phone number'],
  [/^E-mail invalide$/, () => 'Invalid e-mail'],
  [/^Site web invalide \(http ou https\)$/, () => 'Invalid website (http or https)'],
  [
    /^Liens invalides \(http ou https, (\d+) au plus\)$/,
    ([, max]) => `Invalid links (http or https, ${max} at most)`,
  ],
  [/^Services invalides \((\d+) au plus\)$/, ([, max]) => `Invalid services (${max} at most)`],
  [/^Emplacement hors du territoire$/, () => 'Location outside the territory'],
  [
    /^La sous-catégorie n’appartient pas à la catégorie$/,
    () => 'The subcategory does not belong to the category',
  ],
  [/^Coordonnées manquantes \(lon, lat\)$/, () => 'Coordinates missing (lon, lat)'],
  [
    /^Cette clé désigne déjà un lieu d’un autre territoire$/,
    () => 'This key already names a place of another territory',
  ],
  // The database's own message follows these (in PostgreSQL's language, usually English).
  [/^Valeur refusée : ([\s\S]*)$/, ([, detail]) => `Value refused: ${detail}`],
  [/^Valeur manquante : ([\s\S]*)$/, ([, column]) => `Value missing: ${column}`],
  [/^Référence inconnue : ([\s\S]*)$/, ([, detail]) => `Unknown reference: ${detail}`],
  [/^Refusé : ([\s\S]*)$/, ([, detail]) => `Refused: ${detail}`],
]

/** The first template that translates the whole text, or null. */
function translateWhole(text: string): string | null {
  for (const [pattern, english] of REPORT_TEMPLATES) {
    const match = pattern.exec(text)
    if (!match) continue
    const translated = english(match)
    if (translated !== null) return translated
  }
  return null
}

/** "Téléphone : …" (a questionnaire column) or "opening_hours : …" (an OSM tag), as the report joins them. */
function translateLabelled(text: string): string | null {
  const at = text.indexOf(' : ')
  if (at <= 0) return null
  const label = text.slice(0, at)
  const english = COLUMN_LABELS_EN[label] ?? (OSM_KEY.test(label) ? label : null)
  if (english === null) return null
  const message = translateWhole(text.slice(at + 3))
  return message === null ? null : `${english}: ${message}`
}

/** The English of a French report message, or null when no template matches. */
export function translateReportText(message: string): string | null {
  // The whole message first: some messages hold " : " after a word that is also a column
  // ("Services : une liste est attendue").
  return translateWhole(message) ?? translateLabelled(message)
}

/** The message in the interface's language; the French message when no template matches. */
export function reportTextIn(locale: Locale, message: string): string {
  if (locale === 'fr') return message
  try {
    return translateReportText(message) ?? message
  } catch {
    // A translation must never break the report: the French message is still true.
    return message
  }
}

/**
 * A skipped line's reason, shown after "N lines skipped: ". OSM reasons are lower-case fragments
 * ("hors du territoire Grand Poitiers"); they are templates of the same table.
 */
export function skippedReasonIn(locale: Locale, reason: string): string {
  return reportTextIn(locale, reason)
}

// ---------------------------------------------------------------------------------------------
// The `opening_hours` library's messages. The app reads hours with the library in French
// (opening-hours.ts), so its errors reach the report in French. These pairs are the library's own
// French and English texts (node_modules/opening_hours, 3.15.0, `texts`), `{{name}}` standing for
// a value; the library's configuration and bug-report messages are left out, since the app's
// fixed configuration never raises them.

const LIBRARY_TEXTS: readonly (readonly [french: string, english: string])[] = [
  [
    'Caractère inattendu : "{{token}}" — la syntaxe à cet endroit n\'a pas pu être reconnue.',
    'Unexpected token: "{{token}}" This means that the syntax is not valid at that point or it is currently not supported.',
  ],
  [
    'Les mots de saison sont ambigus. Veuillez utiliser des plages de dates explicites, par exemple Jun-Aug, Dec-Feb ou Jun 21-Sep 22.',
    'Season words are ambiguous. Please use explicit date ranges instead, e.g. Jun-Aug, Dec-Feb, or Jun 21-Sep 22.',
  ],
  [
    'La valeur ne contient rien qui puisse être évalué.',
    'The value contains nothing meaningful which can be parsed.',
  ],
  [
    "Cette règle ne contient rien d'utile. Veuillez supprimer cette règle vide.",
    'This rule does not contain anything useful. Please remove this empty rule.',
  ],
  [
    'Des règles séparées ont été détectées, contenant chacune uniquement une définition de plage horaire. Ces règles devraient être combinées en une seule règle avec "{{ok}}".',
    'Separate rules detected each of which only consists of a time selector. These rules should be written as one rule by combining them using "{{ok}}".',
  ],
  [
    'La valeur se termine par "{{token}}". Veuillez compléter la valeur après "{{token}}" ou supprimer "{{token}}".',
    'The value ends with "{{token}}". Please either continue after "{{token}}" or remove "{{token}}".',
  ],
  [
    "Êtes-vous développeur et avez-vous l'habitude compulsive d'ajouter un point-virgule après chaque instruction ;) ? Le point-virgule est défini comme séparateur de règles dans la syntaxe opening_hours. Veuillez éviter le point-virgule ici.",
    'Might it be possible that you are a programmer and adding a semicolon after each statement is hardwired in your muscle memory ;) ? The thing is that the semicolon in the opening_hours syntax is defined as rule separator. So for compatibility reasons you should omit this last semicolon.',
  ],
  [
    'Le nombre {{number}} est interprété comme une année. Ce n\'est probablement pas intentionnel. Les heures sont indiquées sous la forme "12:00".',
    'The number {{number}} will be interpreted as year. This is probably not intended. Times can be specified as "12:00".',
  ],
  [
    "La règle avant la règle de repli ne contient rien d'utile.",
    'Rule before fallback rule does not contain anything useful',
  ],
  [
    'Veuillez utiliser ":" comme séparateur heure/minute.',
    'Please use ":" as hour/minute-separator',
  ],
  [
    'Vous avez utilisé {{count}} {{-part2}} Les règles séparées peuvent être séparées par ";".',
    'You have used {{count}} {{part2}} Rules can be separated by ";".',
  ],
  [
    "{{what}} utilisé dans une règle. Vous ne pouvez en utiliser qu'un par règle.",
    '{{what}} in one rule. You may only use one in one rule.',
  ],
  [
    '{{what}} non connectés utilisés dans une règle. C\'est probablement une erreur. Les sélecteurs identiques peuvent (et doivent) toujours être écrits ensemble, séparés par des virgules. Exemple pour les plages horaires "12:00-13:00,15:00-18:00". Exemple pour les jours de la semaine "Mo-We,Fr".',
    'not connected {{what}} in one rule. This is probably an error. Equal selector types can (and should) always be written in conjunction separated by comma. Example for time ranges "12:00-13:00,15:00-18:00". Example for weekdays "Mo-We,Fr".',
  ],
  ["Mots-clés d'état (ouvert, fermé)", 'state keywords'],
  ['Commentaires', 'comments'],
  ['Mois', 'months'],
  ['Jours de la semaine', 'weekdays'],
  [
    "Cette règle, qui modifie l'état par défaut (c.-à-d. fermé) pour toutes les règles suivantes, n'est pas la première règle. Elle remplace toutes les règles précédentes. Il peut être légitime de définir l'état par défaut sur ouvert puis d'indiquer uniquement les heures de fermeture.",
    'This rule which changes the default state (which is closed) for all following rules is not the first rule. The rule will overwrite all previous rules. It can be legitimate to change the default state to open for example and then only specify for which times the facility is closed.',
  ],
  [
    'Cette règle n\'est pas très précise car aucun sélecteur de temps n\'a été spécifié. Un sélecteur de temps indique à quelle heure de la journée un lieu est ouvert, par exemple "10:00-19:00". Veuillez ajouter une heure ou un commentaire pour améliorer cela.',
    'This rule is not very explicit because there is no time selector being used. A time selector is the part specifying hours when the object is opened, for example "10:00-19:00". Please add a time selector to this rule or use a comment to make it more explicit.',
  ],
  [
    'Vous avez utilisé un commentaire vide. Veuillez soit écrire un texte de commentaire, soit utiliser le mot-clé "unknown" à la place.',
    'You have used an empty comment. Please either write something in the comment or use the keyword unknown instead.',
  ],
  [
    'Vous avez utilisé le symbole optionnel <separator_for_readability> au mauvais endroit. Veuillez lire la spécification de syntaxe pour voir où il peut être utilisé, ou supprimez-le.',
    'You have used the optional symbol <separator_for_readability> in the wrong place. Please check the syntax specification to see where it could be used or remove it.',
  ],
  [
    'Vous avez utilisé 24/7 d\'une manière qui ne sera probablement pas interprétée comme "24 heures, 7 jours par semaine". Pour plus de clarté, utilisez "open" ou "closed" pour cette règle et spécifiez les exceptions — par exemple "open; Mo 12:00-14:00 off".',
    'You used 24/7 in a way that is probably not interpreted as "24 hours 7 days a week". For correctness you might want to use "open" or "closed" for this rule and then write your exceptions which should achieve the same goal and is more clear e.g. "open; Mo 12:00-14:00 off".',
  ],
  [
    'Aucune règle pour "PH" (jours fériés) n\'a été spécifiée. Ce n\'est pas très précis.{{-part2}} Veuillez ajouter la règle "PH off" si l\'établissement est fermé tous les jours fériés, ou écrivez "Sa,Su,PH 12:00-16:00" pour indiquer qu\'il est ouvert le samedi, dimanche et jours fériés de 12h00 à 16h00. Attention avec une heure comme "Fr-Sa 18:00-06:00", car "PH off" s\'applique à 00:00-24:00 ; on peut alors utiliser "Fr-Sa 18:00-06:00; PH 18:00-06:00 off". Si l\'établissement est ouvert tous les jours et les jours fériés, cela peut être exprimé explicitement avec "Mo-Su,PH". Si vous n\'êtes pas sûr, essayez de clarifier les horaires. Sinon, laissez de côté et ignorez cet avertissement.',
    'There was no PH (public holiday) specified. This is not very explicit.{{part2}} Please either append a "PH off" rule if the amenity is closed on all public holidays or use something like "Sa,Su,PH 12:00-16:00" to say that on Saturdays, Sundays and on public holidays the amenity is open 12:00-16:00. Be careful with opening hours like "Fr-Sa 18:00-06:00" because "PH off" applies to 00:00-24:00. So "Fr-Sa 18:00-06:00; PH 18:00-06:00 off" is probably what you want. If the amenity is open everyday including public holidays then you can make this explicit by writing "Mo-Su,PH". If you are not certain try to find it out. If you can’t then do not add PH to the value and ignore this warning.',
  ],
  [
    ' Malheureusement, la "clé de tag" (par exemple "opening_hours" ou "lit") n\'est pas connue dans opening_hours.js. Cet avertissement ne concerne que les clés : {{keys}}. Si votre entrée ne concerne pas l\'une d\'elles, veuillez ignorer la remarque suivante :',
    ' Unfortunately the tag key (e.g. "opening_hours", or "lit") is unknown to opening_hours.js. This warning only applies to the key {{keys}}. If your value is for that key than read on. If not you can ignore the following.',
  ],
  [
    'Cette règle remplace des parties de la règle précédente. La raison en est que les règles normales s\'appliquent à toute la journée et remplacent toutes les définitions des règles précédentes pour ce jour. Vous pouvez déclarer cette règle comme règle additive en utilisant "," au lieu du ";" habituel. Notez que le remplacement peut aussi être intentionnel, auquel cas cet avertissement peut être ignoré.',
    'This rule overwrites parts of the previous rule. This happens because normal rules apply to the whole day and overwrite any definition made by previous rules. You can make this rule an additional rule by using a "," instead of the normal ";" to separate the rules. Note that the overwriting can also be desirable in which case you can ignore this warning.',
  ],
  [
    'Cette règle est évaluée comme fermée mais a été spécifiée comme règle additive. Elle devrait être définie comme règle normale avec ";". Voir https://wiki.openstreetmap.org/wiki/Key:opening_hours/specification#explain:rule_modifier:closed.',
    'This rule will be evaluated as closed but it was specified as additional rule. It should be specified as normal rule using ";" as rule separator. See https://wiki.openstreetmap.org/wiki/Key:opening_hours/specification#explain:rule_modifier:closed.',
  ],
  [
    'Le sélecteur "{{first}}" a été échangé avec "{{second}}" pour une meilleure lisibilité et par souci d\'exhaustivité.',
    'The selector "{{first}}" was switched with the selector "{{second}}" for readability and compatibility reasons.',
  ],
  [
    'Veuillez ne pas utiliser ":" après le token {{token}}.',
    'Please don’t use ":" after {{token}}.',
  ],
  ['Nombre entre -5 et 5 (sauf 0) attendu.', 'Number between -5 and 5 (except 0) expected.'],
  [
    "Vous ne pouvez utiliser qu'un seul jour de la semaine contraint dans une plage mensuelle.",
    'You can not use more than one constrained weekday in a month range',
  ],
  [
    'Vous ne pouvez pas utiliser une plage de jours de la semaine comme contrainte dans une plage mensuelle.',
    'You can not use a range of constrained weekdays in a month range',
  ],
  ['"{{-symbol}}" attendu.', '"{{symbol}}" expected.'],
  [
    'Vous ne pouvez pas utiliser une plage {{type}} avec la période "0".',
    'You can not use {{type}} ranges with period equals zero.',
  ],
  [
    'Veuillez ne pas utiliser de plages {{type}} avec la période "1". Si vous voulez exprimer qu\'un établissement est toujours ouvert à partir d\'une certaine année, veuillez utiliser "<year>+".',
    'Please don’t use {{type}} ranges with period equals one. If you want to express that a facility is open starting from a year without limit use "<year>+".',
  ],
  [
    'Veuillez ne pas utiliser de plages {{type}} avec la période "1".',
    'Please don’t use {{type}} ranges with period equals one.',
  ],
  [
    'Le numéro de jour pour {{month}} doit être compris entre 1 et 31.',
    'The day for {{month}} must be between 1 and 31.',
  ],
  [
    "Le mois {{month}} n'a pas 31 jours. Le dernier jour de {{month}} est le jour 30.",
    'Month {{month}} doesn’t have 31 days. The last day of {{month}} is day 30.',
  ],
  [
    '"Le mois {{month}} a soit 28 soit 29 jours (années bissextiles)."',
    'Month {{month}} either has 28 or 29 days (leap years).',
  ],
  [
    'Tiret (-) ou fin ouverte (+) attendu dans la plage horaire {{calc}}. Pour travailler avec des points dans le temps, le mode de {{libraryname}} doit être modifié. Peut-être un mauvais tag ?',
    'hyphen (-) or open end (+) in time range {{calc}}expected. For working with points in time, the mode for {{libraryname}} has to be altered. Maybe wrong tag?',
  ],
  ['Calcul', 'calculation'],
  ['La plage horaire ne continue pas comme prévu.', 'Time range does not continue as expected'],
  [
    'La période de plage horaire ne continue pas comme prévu. Exemple "/01:30".',
    'Time period does not continue as expected. Example "/01:30".',
  ],
  [
    '{{libraryname}} a été appelé en mode "plage horaire". Point dans le temps trouvé.',
    '{{libraryname}} is running in "time range mode". Found point in time.',
  ],
  ['Plages horaires', 'time ranges'],
  ['Plages de semaines', 'week ranges'],
  ['Jours fériés', 'holiday ranges'],
  [
    '{{libraryname}} a été appelé en mode "point dans le temps". Plage horaire trouvée.',
    '{{libraryname}} is running in "points in time mode". Found time range.',
  ],
  [
    'La plage horaire commence en dehors du jour actuel.',
    'Time range starts outside of the current day',
  ],
  [
    "La plage horaire couvrant plusieurs fois minuit n'est pas prise en charge.",
    'Time spanning more than two midnights not supported',
  ],
  [
    'Plage horaire spécifiée sans minutes. Ce n\'est pas très précis ! Veuillez utiliser la syntaxe "{{syntax}}" à la place.',
    'Time range without minutes specified. Not very explicit! Please use this syntax instead "{{syntax}}".',
  ],
  [
    'Heure à un seul chiffre "{{hour}}" sans zéro initial - cela peut signifier {{hour}} h (le matin) ou {{hour_pm}} h (l\'après-midi). Ajoutez un zéro initial, par exemple "0{{hour}}", ou remplacez-la par "{{hour_pm}}" pour lever l\'ambiguïté.',
    'Single-digit hour "{{hour}}" without leading zero - could mean {{hour}} (in the morning) or {{hour_pm}} (after midday). Add a leading zero like "0{{hour}}" or change it to "{{hour_pm}}" to be explicit.',
  ],
  [
    'L\'ajout de 0 dans un calcul de temps variable ne modifie pas le temps variable. Veuillez supprimer le calcul de temps (exemple : "sunrise-(sunset-00:00)").',
    'Adding zero in a variable time calculation does not change the variable time. Please omit the calculation (example: "sunrise-(sunset-00:00)").',
  ],
  [
    "Le calcul avec un temps variable n'a pas la syntaxe correcte.",
    'Calculation with variable time is not in the right syntax',
  ],
  [
    'Le décalage horaire doit être au format HH:MM, pas seulement les heures. Vouliez-vous dire "{{suggestion}}" ?',
    'Time offset must be in format HH:MM, not just hours. Did you mean "{{suggestion}}"?',
  ],
  ['"{{symbol}}" manquant.', 'Missing "{{symbol}}"'],
  ['(heure)', '(time)'],
  ['Plage invalide : {{from}}-{{to}}', 'Bad range: {{from}}-{{to}}'],
  ['"]" ou d\'autres nombres attendus.', '"]" or more numbers expected.'],
  [
    'Une règle supplémentaire à cet endroit n\'a pas de sens. Utilisez simplement ";" comme séparateur de règles. Voir https://wiki.openstreetmap.org/wiki/Key:opening_hours/specification#explain:additional_rule_separator',
    'An additional rule does not make sense here. Just use a ";" as rule separator. See https://wiki.openstreetmap.org/wiki/Key:opening_hours/specification#explain:additional_rule_separator',
  ],
  [
    'Token inattendu dans la plage de jours : {{token}}',
    'Unexpected token in weekday range: {{token}}',
  ],
  [
    "Il ne devrait pas y avoir de raison de s'écarter de plus de {{maxdiffer}} jours d'un {{name}}. Si nécessaire, veuillez nous en informer…",
    'There should be no reason to differ more than {{maxdiffer}} days from a {{name}}. If so tell us …',
  ],
  ['jour de semaine contraint', 'constrained weekdays'],
  ['événement comme Pâques', 'event like Easter'],
  ['jour férié', 'public holiday'],
  [
    "L'addition de 0 ne modifie pas la date. Veuillez l'omettre.",
    'Adding 0 does not change the date. Please omit this.',
  ],
  [
    "Token inattendu (dans l'évaluation des jours fériés) : {{token}}",
    'Unexpected token (holiday parser): {{token}}',
  ],
  [
    "{{name}} n'est pas défini pour le pays {{cc}}.",
    'There are no holidays ({{name}}) defined for country {{cc}}.',
  ],
  [
    "{{name}} n'est pas défini pour le pays {{cc}} et la région {{state}}.",
    'There are no holidays ({{name}}) defined for country {{cc}} and state {{state}}.',
  ],
  [
    'Le code pays est manquant. Il est nécessaire pour déterminer les jours fériés corrects (voir le README pour savoir comment le spécifier).',
    'Country code missing which is needed to select the correct holidays (see README how to provide it)',
  ],
  [
    "Les vacances scolaires {{name}} ne sont pas définies pour l'année {{year}}.",
    'School holiday {{name}}not defined for the year {{year}}.',
  ],
  [
    'Le jour férié mobile {{name}} ne peut pas être calculé. Veuillez ajouter une formule correspondante.',
    'Movable day {{name}} can not not be calculated. Please add the formula how to calculate it.',
  ],
  [
    'Le jour férié mobile {{name}} plus {{days}} jours ne se trouve plus dans la même année. Actuellement non pris en charge.',
    'The movable day {{name}} plus {{days}} days is not in the year of the movable day anymore. Currently not supported.',
  ],
  [
    "Une plage d'années avec la même année comme début et fin n'a pas de sens. Veuillez supprimer l'année de fin. Par exemple : \"{{year}} May 23\".",
    'A year range in which the start year is equal to the end year does not make sense. Please remove the end year. E.g. "{{year}} May 23"',
  ],
  [
    "Une plage d'années avec un début supérieur à la fin n'a pas de sens. Veuillez inverser.",
    'A year range in which the start year is greater than the end year does not make sense. Please turn it over.',
  ],
  ["L'année est dans le passé.", 'The year is in the past.'],
  ['Cette date est dans le passé.', 'This date is in the past.'],
  [
    'Cette plage de dates est entièrement dans le passé.',
    'This date range is entirely in the past.',
  ],
  [
    "Token inattendu dans la plage d'années : {{token}}",
    'Unexpected token in year range: {{token}}',
  ],
  [
    "Vous avez spécifié une plage de semaines en ordre inverse ou couvrant plusieurs années. Ceci n'est actuellement pas pris en charge.",
    'You have specified a week range in reverse order or leaping over a year. This is (currently) not supported.',
  ],
  [
    'Vous avez spécifié un numéro de semaine inférieur à 1. Les valeurs valides sont 1-53.',
    'You have specified a week date less then one. A valid week date range is 1-53.',
  ],
  [
    'Vous avez spécifié un numéro de semaine supérieur à 53. Les valeurs valides sont 1-53.',
    'You have specified a week date greater then 53. A valid week date range is 1-53.',
  ],
  [
    'Vous avez spécifié une période de semaine inférieure à 2. Si vous voulez sélectionner toute la plage de la semaine {{weekfrom}} à la semaine {{weekto}}, omettez simplement "/{{period}}".',
    'You have specified a week period which is less than two. If you want to select the whole range from week {{weekfrom}} to week {{weekto}} then just omit the "/{{period}}".',
  ],
  [
    'Vous avez spécifié une période de semaine supérieure à 26. 26,5 est la moitié du maximum de 53 semaines par an, donc une période supérieure à 26 ne se produirait qu\'une fois par an. Veuillez spécifier le sélecteur de semaine comme "week {{weekfrom}}" si c\'est ce que vous souhaitez exprimer.',
    'You have specified a week period which is greater than 26. 26.5 is the half of the maximum 53 week dates per year so a week date period greater than 26 would only apply once per year. Please specify the week selector as "week {{weekfrom}}" if that is what you want to express.',
  ],
  [
    'Token inattendu dans la plage de semaines : {{token}}',
    'Unexpected token in week range: {{token}}',
  ],
  [
    'Token inattendu dans la plage de mois : {{token}}',
    'Unexpected token in month range: {{token}}',
  ],
  [
    'Plage dans le mauvais ordre. Le jour de début est supérieur au jour de fin.',
    'Range in wrong order. From day is greater than to day.',
  ],
  [
    'Indiqué comme "open end" (fin ouverte). L\'heure de fermeture a été estimée.',
    'Specified as open end. Closing time was guessed.',
  ],
  ['Paramètre de date nécessaire.', 'Date parameter needed.'],
  ['Suppose "{{ok}}" pour "{{ko}}".', 'Assuming "{{ok}}" for "{{ko}}".'],
  [
    'Veuillez utiliser "{{-ok}}" plutôt que "{{-ko}}".',
    'Please use notation "{{ok}}" for "{{ko}}".',
  ],
  [
    'Veuillez utiliser la notation "{{ok}}" pour "{{ko}}". Ces caractères se ressemblent fortement mais ne sont pas identiques !',
    'Please use notation "{{ok}}" for "{{ko}}". Those characters look very similar but are not the same!',
  ],
  [
    'Veuillez utiliser la notation anglaise "{{ok}}" pour "{{ko}}".',
    'Please use the English written "{{ok}}" for "{{ko}}".',
  ],
  [
    'Veuillez utiliser l\'abréviation anglaise "{{ok}}" pour "{{ko}}".',
    'Please use the English abbreviation "{{ok}}" for "{{ko}}".',
  ],
  [
    'Notez que "{{ko}}" peut aussi signifier {{alternatives}} dans d\'autres langues.',
    'Note that "{{ko}}" can also mean {{alternatives}} in other languages.',
  ],
  [
    'Veuillez utiliser "{{ok}}" pour "{{ko}}". Exemple : "Mo-Fr 08:00-12:00; Tu off".',
    'Please use "{{ok}}" for "{{ko}}". Example: "Mo-Fr 08:00-12:00; Tu off".',
  ],
  [
    '"{{ko}}" est interprété comme "{{ok}}". Le jour ouvrable ne devrait pas être utilisé. Voir https://wiki.openstreetmap.org/wiki/Talk:Key:opening_hours#need_syntax_for_holidays_and_workingdays',
    'Assuming "{{ok}}" for "{{ko}}". Please avoid using "workday": https://wiki.openstreetmap.org/wiki/Talk:Key:opening_hours#need_syntax_for_holidays_and_workingdays',
  ],
  [
    'Veuillez omettre "{{ko}}" ou utiliser un deux-points. Exemple : "12:00-14:00".',
    'Please omit "{{ko}}" or use a colon instead. Example: "12:00-14:00".',
  ],
  ['Veuillez omettre "{{ko}}".', 'Please omit "{{ko}}".'],
  [
    'Veuillez omettre "{{ko}}". La clé de tag ne doit pas figurer dans la valeur du tag.',
    'Please omit "{{ko}}". The tag key must not be in the tag value.',
  ],
  [
    'Veuillez omettre "{{ko}}". Si vous souhaitez exprimer une fin ouverte, veuillez utiliser "+". Exemple : "12:00+".',
    'Please omit "{{ko}}". The tag key must not be in the tag value.',
  ],
  [
    '"{{ko}}" est interprété comme "{{ok}}" (fin ouverte). Exemple : "12:00+".',
    'Assuming "{{ok}}" (open end time) for "{{ko}}". Example: "12:00+".',
  ],
  [
    'Veuillez utiliser "{{ok}}" pour "{{ko}}". En cas de doute raisonnable, envisagez l\'utilisation d\'un commentaire. Exemple : 12:00-14:00 "uniquement par beau temps".',
    'Please use notation "{{ok}}" for "{{ko}}". If there is reason to suspect uncertainty consider adding a comment. Example: 12:00-14:00 "only on sunshine".',
  ],
  [
    'Veuillez utiliser "{{ok}}" (règle de repli) pour "{{ko}}". Exemple : Mo-Fr 12:00-14:00; PH off || "sur rendez-vous".',
    'Please use notation "{{ok}}" (Fallback rule) for "{{ko}}". Example: Mo-Fr 12:00-14:00; PH off || "by appointment"',
  ],
  ['Veuillez utiliser une note FIXME.', 'Please consider adding a FIXME tag instead.'],
  [
    'Veuillez utiliser le format 24 heures plutôt que le format 12 heures obsolète. Si le format 12 heures est utilisé, une conversion peut être nécessaire.',
    'Please use time format in 24 hours notation instead of the legacy 12 hours variant. If the 12 hours variant is used you might have to convert the hours to the 24 hours notation.',
  ],
  [
    'Il semble que vous souhaitiez ajouter des restrictions supplémentaires pour un horaire d\'ouverture. Si cela ne peut pas être exprimé avec la syntaxe, des commentaires peuvent être utilisés. Le mot-clé `open` devrait éventuellement aussi être utilisé. Exemple : open "Femmes uniquement".',
    'It looks like you might want to define additional restrictions. If that is the case and they can not be expressed by other syntax elements then you could use a comment together with the `open` keyword. Example: open "female only"',
  ],
  [
    'Veuillez utiliser "{{-ok}}" pour "{{ko}}". Même si "{{ko}}" est typographiquement correct, il n\'est pas défini dans la syntaxe opening_hours. La typographie correcte devrait être assurée au niveau de l\'application…',
    'Please use notation "{{ok}}" for "{{ko}}". Although using "{{ko}}" is typographical correct, it is not defined in the opening_hours syntax. Correct typography should be done on application level …',
  ],
  [
    "Notez qu'il s'agit d'un signe degré utilisé comme zéro en exposant. Un zéro en exposant est défini en Unicode (⁰) et serait plus approprié ici. Cependant, l'utilisation de chiffres non ASCII n'est pas autorisée.",
    'Note that this is not a (superscript) zero but a degree sign which is misused as zero. A superscript zero is defined in Unicode (°) and would have been more appropriate/uniform here. But note that the use of none-ASCII digits is not allowed.',
  ],
]

interface LibraryTemplate {
  pattern: RegExp
  /** The placeholder of each capture, in order. */
  names: string[]
  english: string
}

let libraryTemplates: LibraryTemplate[] | null = null

function compileLibraryTexts(): LibraryTemplate[] {
  return LIBRARY_TEXTS.map(([french, english]) => {
    const names: string[] = []
    let source = ''
    let last = 0
    for (const placeholder of french.matchAll(/\{\{-?\s*([^{}]*?)\s*\}\}/g)) {
      source += escapeRegExp(french.slice(last, placeholder.index))
      const name = placeholder[1] ?? ''
      const seen = names.indexOf(name)
      // The same value written twice ("value ends with token") is the same capture.
      source += seen >= 0 ? `\\${seen + 1}` : '([\\s\\S]*?)'
      if (seen < 0) names.push(name)
      last = placeholder.index + placeholder[0].length
    }
    source += escapeRegExp(french.slice(last))
    return { pattern: new RegExp(`^${source}$`), names, english }
  })
}

/** One message of the library in English; its values translated too when they are its words. */
function translateLibraryText(text: string): string | null {
  libraryTemplates ??= compileLibraryTexts()
  for (const { pattern, names, english } of libraryTemplates) {
    const match = pattern.exec(text)
    if (!match) continue
    const values = new Map(names.map((name, i) => [name, match[i + 1] ?? '']))
    return english.replace(/\{\{-?\s*([^{}]*?)\s*\}\}/g, (_, name: string) => {
      const value = values.get(name) ?? ''
      // "Vous avez utilisé {{count}} {{part2}}": part2 is another of its messages.
      return (value.length > 2 && translateLibraryText(value)) || value
    })
  }
  return null
}

/**
 * describeParseError's message: the library's error, then, for an unexpected token, its
 * warnings so far, each after the value it points at: "ERR) V2 <--- (W2); V3 <--- (W3" (the
 * library writes `V1 <--- (ERR) V2 <--- (W2); V3 <--- (W3)`, and describeParseError cuts the
 * first value and the last parenthesis). Each message is translated, each value kept.
 */
function translateLibraryMessage(message: string): string | null {
  const parts = message.split(' <--- (')
  const english: string[] = []
  for (const [index, part] of parts.entries()) {
    if (index === parts.length - 1) {
      const text = translateLibraryText(part)
      if (text === null) return null
      english.push(text)
      continue
    }
    // The message, then ") " or "); ", then the value the next warning points at.
    let translated: string | null = null
    for (const separator of part.matchAll(/\);? /g)) {
      const text = translateLibraryText(part.slice(0, separator.index))
      if (text !== null) {
        translated = text + part.slice(separator.index)
        break
      }
    }
    if (translated === null) return null
    english.push(translated)
  }
  return english.join(' <--- (')
}
