import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  COLUMN_LABELS_EN,
  REPORT_TEMPLATES,
  reportTextIn,
  skippedReasonIn,
  translateReportText,
} from '@/features/import-export/i18n/report-text'
import { csvField } from '@/features/import-export/utils/csv-format'
import { KEPT_POSITION, mergeImportReport } from '@/features/import-export/utils/import-report'
import { readOsmHours, readQuestionnaireHours } from '@/features/import-export/utils/import-hours'
import type { ImportCatalog } from '@/features/import-export/utils/import-catalog'
import {
  QUESTIONNAIRE_COLUMNS,
  type QuestionnaireField,
} from '@/features/import-export/utils/questionnaire-csv'
import {
  readImportFile,
  type ReadImportFile,
} from '@/features/import-export/utils/read-import-file'
import {
  GRAND_POITIERS_COMMUNE_NAMES,
  grandPoitiersCatalog,
  grandPoitiersCatalogOutlined,
  niortCatalog,
  poitiersBuxerollesCatalog,
} from '../../../fixtures/curation/catalog'
import { fixtureBytes } from '../../../fixtures/curation/files'
import {
  laPosteQuestionnaire,
  pharmaciesQuestionnaire,
  questionnaireFile,
} from '../../../fixtures/curation/real-questionnaires'

/** What would betray French in an English message, once the data is set aside. */
const FRENCH_MARKERS = /«|»|\s:\s| de | du | des | le | la | les /

function frenchLeft(english: string): string {
  const withoutData = english
    // Quoted values: the curator's cells, the hours text, addresses found.
    .replace(/“[^”]*”/g, '“”')
    // The catalogue's names and the file's own headers, which the file must use as they are.
    .replace(
      /(Possible (?:categories|subcategories|services)|Columns read|Required columns missing): [\s\S]*?(?=\. |\.$| \(delimiter “)/g,
      '$1: …',
    )
  return FRENCH_MARKERS.exec(withoutData)?.[0] ?? ''
}

// ---------------------------------------------------------------------------------------------
// 1. One case per template (at least): the French as its source writes it, the English expected.

const ALL_CHANGED_FIELDS =
  'nom, type, catégorie, sous-catégorie, adresse, code postal, commune, emplacement, ' +
  'publication, crédit, description, téléphone, e-mail, site web, liens, horaires, ' +
  'marche à suivre, services'

const CASES: readonly (readonly [french: string, english: string])[] = [
  // shop-rules.ts MESSAGES (SHOP_RULE_MESSAGES.en)
  ['Caractères de contrôle interdits.', 'Control characters are not allowed.'],
  [
    'Caractères invisibles ou de contrôle interdits.',
    'Invisible or control characters are not allowed.',
  ],
  ['Le nom est obligatoire.', 'The name is required.'],
  ['Le code postal doit compter 5 chiffres.', 'The postcode must have 5 digits.'],
  ['Numéro de téléphone invalide.', 'Invalid phone number.'],
  ['Adresse e-mail invalide.', 'Invalid e-mail address.'],
  [
    'Le site doit commencer par http:// ou https://.',
    'The website must start with http:// or https://.',
  ],
  ['Adresse du site invalide.', 'Invalid website address.'],
  [
    'La description fait 2001 caractères : 2000 au plus.',
    'The description is 2001 characters long: 2000 at most.',
  ],
  [
    "L'adresse fait 201 caractères : 200 au plus.",
    'The address is 201 characters long: 200 at most.',
  ],
  [
    'L’identifiant fait 201 caractères : 200 au plus.',
    'The identifier is 201 characters long: 200 at most.',
  ],
  ['Le lien 3 fait 501 caractères : 500 au plus.', 'Link 3 is 501 characters long: 500 at most.'],
  ['10 liens au plus (12 saisis).', '10 links at most (12 given).'],
  ['Le lien 2 est vide.', 'Link 2 is empty.'],
  [
    'Le lien 2 doit commencer par http:// ou https://.',
    'Link 2 must start with http:// or https://.',
  ],
  ['Le lien 2 est invalide.', 'Link 2 is invalid.'],

  // decode-text.ts
  [
    'Ce fichier est un classeur (.xlsx ou .ods) ou une archive, pas un fichier texte : enregistrez-le au format « CSV UTF-8 » depuis votre tableur.',
    'This file is a workbook (.xlsx or .ods) or an archive, not a text file: save it as “CSV UTF-8” from your spreadsheet.',
  ],
  [
    'Ce fichier est un ancien classeur Excel (.xls), pas un fichier texte : enregistrez-le au format « CSV UTF-8 » depuis votre tableur.',
    'This file is an old Excel workbook (.xls), not a text file: save it as “CSV UTF-8” from your spreadsheet.',
  ],
  ['Ce fichier est un PDF, pas un fichier texte.', 'This file is a PDF, not a text file.'],
  [
    'Ce fichier est en UTF-16 (« Texte Unicode » d’Excel) : enregistrez-le au format « CSV UTF-8 ».',
    'This file is in UTF-16 (Excel’s “Unicode Text”): save it as “CSV UTF-8”.',
  ],
  [
    'Ce fichier ne contient pas de texte lisible (fichier binaire ?) : choisissez un fichier CSV ou GeoJSON.',
    'This file holds no readable text (a binary file?): choose a CSV or GeoJSON file.',
  ],
  ['Le fichier est vide.', 'The file is empty.'],
  [
    'Le fichier annonce de l’UTF-8 mais contient des octets invalides : enregistrez-le de nouveau au format « CSV UTF-8 ».',
    'The file says it is UTF-8 but holds invalid bytes: save it again as “CSV UTF-8”.',
  ],

  // csv-parse.ts
  [
    'Guillemet non refermé : le champ ouvert ligne 4 court jusqu’à la fin du fichier. Vérifiez les guillemets de cette ligne.',
    'Unclosed quotation mark: the field opened on line 4 runs to the end of the file. Check the quotation marks on that line.',
  ],

  // questionnaire-csv.ts: the file
  ['Le fichier ne contient aucune ligne.', 'The file has no lines.'],
  ['Le fichier ne contient aucun commerce.', 'The file has no shops.'],
  [
    'Colonnes obligatoires absentes : Nom, Catégorie. Colonnes lues : Commerce, Rubrique (séparateur « ; »).',
    'Required columns missing: Nom, Catégorie. Columns read: Commerce, Rubrique (delimiter “;”).',
  ],
  [
    'Colonnes obligatoires absentes : Nom. Colonnes lues : aucune (séparateur « tabulation »).',
    'Required columns missing: Nom. Columns read: none (delimiter “tab”).',
  ],
  ['Colonnes ignorées : Remarques, Note.', 'Columns ignored: Remarques, Note.'],
  [
    'Cette ligne a 20 valeurs pour 19 colonnes : un « ; » dans une valeur sans guillemets autour ?',
    'This line has 20 values for 19 columns: a “;” inside a value without quotation marks around it?',
  ],
  [
    'Identifiant : Même commerce que la ligne 2 (clé « ERR-OK »).',
    'Identifier: Same shop as line 2 (key “ERR-OK”).',
  ],
  [
    'Nom : Même commerce que la ligne 18 (clé « epicerie-du-coin@86000 ») : ajoutez une colonne Identifiant pour distinguer deux commerces de même nom au même endroit.',
    'Name: Same shop as line 18 (key “epicerie-du-coin@86000”): add an Identifiant column to tell apart two shops with the same name at the same place.',
  ],

  // questionnaire-csv.ts: a line's columns, as the report prefixes them with their label
  [
    'Identifiant : Ligne d’exemple du modèle : supprimez-la avant l’import.',
    'Identifier: Example line of the template: delete it before importing.',
  ],
  [
    'Identifiant : L’identifiant : Caractères invisibles ou de contrôle interdits.',
    'Identifier: The identifier: Invisible or control characters are not allowed.',
  ],
  [
    'Nom : Balises retirées du nom « <b>Chez Paul</b> » : le nom importé est « Chez Paul ».',
    'Name: Markup removed from the name “<b>Chez Paul</b>”: the name imported is “Chez Paul”.',
  ],
  [
    'Nom : Le nom fait 121 caractères : 120 au plus.',
    'Name: The name is 121 characters long: 120 at most.',
  ],
  [
    'Type : Type inconnu « Grossiste » : indiquez commerçant, artisan, producteur, marché ou service public.',
    'Type: Unknown type “Grossiste”: write commerçant (shop), artisan, producteur (producer), marché (market) or service public (public service).',
  ],
  ['Catégorie : La catégorie est obligatoire.', 'Category: The category is required.'],
  [
    'Catégorie : Catégorie inconnue « Automobile ». Catégories possibles : Alimentation, Santé, Culture.',
    'Category: Unknown category “Automobile”. Possible categories: Alimentation, Santé, Culture.',
  ],
  [
    'Sous-catégorie : La sous-catégorie « Boulangerie » appartient à la catégorie Alimentation, pas à Santé.',
    'Subcategory: The subcategory “Boulangerie” belongs to the category Alimentation, not to Santé.',
  ],
  [
    'Sous-catégorie : Sous-catégorie inconnue « Forge » pour Alimentation. Sous-catégories possibles : Boulangerie ; Boucherie, charcuterie ; ….',
    'Subcategory: Unknown subcategory “Forge” for Alimentation. Possible subcategories: Boulangerie; Boucherie, charcuterie; ….',
  ],
  [
    'Longitude : Longitude manquante : saisissez latitude et longitude, ou aucune des deux pour placer le commerce à son adresse.',
    'Longitude: Longitude missing: enter both latitude and longitude, or neither to place the shop at its address.',
  ],
  [
    'Latitude : Latitude illisible « 46°34′48″N » : écrivez des degrés décimaux, par exemple 46.5802.',
    'Latitude: Unreadable latitude “46°34′48″N”: write decimal degrees, for example 46.5802.',
  ],
  [
    'Longitude : Longitude impossible « 200 » : entre -180 et 180.',
    'Longitude: Impossible longitude “200”: it must be between -180 and 180.',
  ],
  [
    'Latitude : Adresse hors du territoire Grand Poitiers : la latitude et la longitude semblent inversées.',
    'Latitude: Address outside the Grand Poitiers territory: latitude and longitude seem to be swapped.',
  ],
  [
    'Latitude : Adresse hors du territoire Grand Poitiers (latitude 46.1603, longitude -1.1511).',
    'Latitude: Address outside the Grand Poitiers territory (latitude 46.1603, longitude -1.1511).',
  ],
  [
    'Code INSEE : Code INSEE invalide « 8619 » : 5 caractères, par exemple 86194.',
    'INSEE code: Invalid INSEE code “8619”: 5 characters, for example 86194.',
  ],
  [
    'Commune : La commune « Buxerolles » ne correspond pas au code INSEE 86194 (Poitiers) : le code INSEE est retenu.',
    'Commune: The commune “Buxerolles” does not match the INSEE code 86194 (Poitiers): the INSEE code is kept.',
  ],
  [
    'Code INSEE : Code INSEE 75056 inconnu dans le territoire Grand Poitiers : la commune Poitiers (86194) est retenue.',
    'INSEE code: INSEE code 75056 unknown in the Grand Poitiers territory: the commune Poitiers (86194) is kept.',
  ],
  [
    'Code INSEE : Code INSEE 75056 inconnu dans le territoire Grand Poitiers.',
    'INSEE code: INSEE code 75056 unknown in the Grand Poitiers territory.',
  ],
  [
    'Commune : Nom de commune invalide « Poi\u200btiers » : Caractères invisibles ou de contrôle interdits.',
    'Commune: Invalid commune name “Poi\u200btiers”: Invisible or control characters are not allowed.',
  ],
  [
    'Commune : Nom de commune invalide « Saint-Quelque-Part » (100 caractères au plus).',
    'Commune: Invalid commune name “Saint-Quelque-Part” (100 characters at most).',
  ],
  [
    'Commune : Commune « Nulle-Part » inconnue dans le territoire Grand Poitiers : gardée telle quelle.',
    'Commune: Commune “Nulle-Part” unknown in the Grand Poitiers territory: kept as written.',
  ],
  [
    'Site web : « https:// » ajouté devant « fromagerie-chabichou.fr » : vérifiez que l’adresse s’ouvre.',
    'Website: “https://” added before “fromagerie-chabichou.fr”: check that the address opens.',
  ],
  [
    'Site web : L’adresse du site fait 501 caractères : 500 au plus.',
    'Website: The website’s address is 501 characters long: 500 at most.',
  ],
  [
    'Réseaux sociaux : Lien invalide « https://x\u0007.fr » : Caractères invisibles ou de contrôle interdits.',
    'Social networks: Invalid link “https://x\u0007.fr”: Invisible or control characters are not allowed.',
  ],
  [
    'Site web : Adresse du site invalide « htp://boulangerie-temoin.fr » : elle doit commencer par http:// ou https://.',
    'Website: Invalid website address “htp://boulangerie-temoin.fr”: it must start with http:// or https://.',
  ],
  [
    'Réseaux sociaux : Lien invalide « facebook » : il doit commencer par http:// ou https://.',
    'Social networks: Invalid link “facebook”: it must start with http:// or https://.',
  ],
  [
    'Réseaux sociaux : Lien invalide « https://exemple ».',
    'Social networks: Invalid link “https://exemple”.',
  ],
  [
    'Code postal : Code postal « 6000 » complété en 06000 (zéro initial perdu par le tableur).',
    'Postcode: Postcode “6000” completed as 06000 (leading zero lost by the spreadsheet).',
  ],
  [
    'Code postal : Code postal invalide « ABCDE » : 5 chiffres attendus.',
    'Postcode: Invalid postcode “ABCDE”: 5 digits expected.',
  ],
  [
    'Téléphone : Numéro court national « 3631 » : ce n’est pas le numéro du commerce, il n’est pas gardé.',
    'Phone: National short number “3631”: it is not the shop’s own number, so it is not kept.',
  ],
  [
    'Téléphone : Plusieurs numéros « 05 49 00 00 00 / 06 12 34 56 78 » : seul le premier (05 49 00 00 00) est gardé.',
    'Phone: Several numbers “05 49 00 00 00 / 06 12 34 56 78”: only the first (05 49 00 00 00) is kept.',
  ],
  [
    'Téléphone : Le numéro « 05 49 00 00 » ne compte pas 10 chiffres : vérifiez-le.',
    'Phone: The number “05 49 00 00” does not have 10 digits: check it.',
  ],
  [
    'Téléphone : Numéro de téléphone invalide « Tél. 05 49 00 00 00 ».',
    'Phone: Invalid phone number “Tél. 05 49 00 00 00”.',
  ],
  [
    'E-mail : L’adresse e-mail fait 255 caractères : 254 au plus.',
    'E-mail: The e-mail address is 255 characters long: 254 at most.',
  ],
  ['E-mail : Adresse e-mail invalide « contact@ ».', 'E-mail: Invalid e-mail address “contact@”.'],
  [
    'Horaires : Horaires gardés en note, non convertis : Rendez-vous non géré : « sur rendez-vous »',
    'Hours: Hours kept as a note, not converted: Appointments not handled: “sur rendez-vous”',
  ],
  [
    'Horaires : La note sur les horaires fait 1001 caractères : 1000 au plus.',
    'Hours: The note on the hours is 1001 characters long: 1000 at most.',
  ],
  [
    'Services : Service non reconnu « Paiement sans contact », non importé. Services possibles : Click and collect, Livraison.',
    'Services: Unrecognised service “Paiement sans contact”, not imported. Possible services: Click and collect, Livraison.',
  ],
  [
    'Marche à suivre : La marche à suivre fait 1001 caractères : 1000 au plus.',
    'Ordering instructions: The ordering instructions is 1001 characters long: 1000 at most.',
  ],
  [
    'Latitude : Position manquante : indiquez l’adresse et la commune (l’import la place), ou latitude et longitude.',
    'Latitude: Position missing: give the address and the commune (the import places the shop), or latitude and longitude.',
  ],

  // locate-rows.ts and import-report.ts
  [
    'Position à vérifier (score 0,55) : adresse trouvée « 12 Rue des Halles 86000 Poitiers ».',
    'Position to check (score 0.55): address found “12 Rue des Halles 86000 Poitiers”.',
  ],
  [
    'Impossible de placer le commerce : adresse non trouvée, et la commune Chauvigny n’a pas de contour connu. Ajoutez latitude et longitude.',
    'Cannot place the shop: address not found, and the commune Chauvigny has no known outline. Add latitude and longitude.',
  ],
  [
    'Impossible de placer le commerce : hors ligne ou sans service d’adresses, et aucune commune du territoire Grand Poitiers n’est indiquée. Ajoutez la commune, ou latitude et longitude.',
    'Cannot place the shop: offline or no address service, and no commune of the Grand Poitiers territory is given. Add the commune, or latitude and longitude.',
  ],
  [
    'Position approximative (commune) : placé au centre de Poitiers (hors ligne ou sans service d’adresses).',
    'Approximate position (commune): placed at the centre of Poitiers (offline or no address service).',
  ],
  [
    'Position approximative (commune) : placé au centre de Saint-Benoît (adresse non reconnue, la plus proche est « Saint-Benoît »).',
    'Approximate position (commune): placed at the centre of Saint-Benoît (address not recognised, the closest is “Saint-Benoît”).',
  ],
  ['hors ligne ou sans service d’adresses', 'offline or no address service'],
  [
    'le service national des adresses n’a pas répondu',
    'the national address service did not respond',
  ],
  ['adresse non trouvée', 'address not found'],
  ['adresse non trouvée dans le territoire', 'address not found in the territory'],
  ['pas d’adresse', 'no address'],
  [
    'adresse non reconnue, la plus proche est « Poitiers »',
    'address not recognised, the closest is “Poitiers”',
  ],
  [
    'adresse trouvée hors du territoire, « 1 Rue de Rivoli 75001 Paris »',
    'address found outside the territory, “1 Rue de Rivoli 75001 Paris”',
  ],
  [
    'Adresse non placée : la fiche existante garde sa position (rien n’est placé au centre de la commune).',
    'Address not placed: the existing place keeps its position (nothing is placed at the centre of the commune).',
  ],

  // osm-geojson-import.ts
  [
    'Ce fichier n’est pas du JSON valide (Unexpected end of JSON input).',
    'This file is not valid JSON (Unexpected end of JSON input).',
  ],
  ['Ce fichier n’est pas du JSON valide.', 'This file is not valid JSON.'],
  [
    'Ce fichier n’est pas une FeatureCollection GeoJSON : exportez les données depuis Overpass turbo (Exporter → GeoJSON).',
    'This file is not a GeoJSON FeatureCollection: export the data from Overpass turbo (Export → GeoJSON).',
  ],
  [
    'addr:street : Caractères invisibles ou de contrôle retirés de addr:street.',
    'addr:street: Invisible or control characters removed from addr:street.',
  ],
  ['name : Nom raccourci à 120 caractères.', 'name: Name shortened to 120 characters.'],
  [
    'addr:postcode : Code postal 7900 ignoré : 5 chiffres attendus.',
    'addr:postcode: Postcode 7900 ignored: 5 digits expected.',
  ],
  [
    'phone : Plusieurs numéros : seul le premier (+33 5 49 00 00 00) est gardé.',
    'phone: Several numbers: only the first (+33 5 49 00 00 00) is kept.',
  ],
  [
    'contact:phone : Téléphone illisible « inconnu » : ignoré.',
    'contact:phone: Unreadable phone number “inconnu”: ignored.',
  ],
  [
    'email : Adresse e-mail invalide « contact(at)exemple.fr » : ignorée.',
    'email: Invalid e-mail address “contact(at)exemple.fr”: ignored.',
  ],
  [
    'website : « https:// » ajouté devant « www.pharmacie-niort.com ».',
    'website: “https://” added before “www.pharmacie-niort.com”.',
  ],
  ['url : Site invalide « http:// » : ignoré.', 'url: Invalid website “http://”: ignored.'],
  [
    'contact:facebook : Lien « BoulangerieNiort » ignoré : ce n’est pas une adresse web.',
    'contact:facebook: Link “BoulangerieNiort” ignored: it is not a web address.',
  ],
  [
    'opening_hours : Horaires gardés en note : Horaires illisibles : La plage horaire ne continue pas comme prévu. (après « Mo-Fr 09:00- »)',
    'opening_hours: Hours kept as a note: Unreadable hours: Time range does not continue as expected (after “Mo-Fr 09:00-”)',
  ],

  // osm-geojson-import.ts: skipped features
  [
    'élément illisible (ni objet ni propriétés)',
    'unreadable element (neither an object nor properties)',
  ],
  ['identifiant OpenStreetMap absent (node/…, way/…)', 'no OpenStreetMap id (node/…, way/…)'],
  ['géométrie absente ou illisible', 'missing or unreadable geometry'],
  ['hors du territoire Niort Agglo', 'outside the Niort Agglo territory'],
  [
    'hors des communes du territoire Grand Poitiers',
    'outside the communes of the Grand Poitiers territory',
  ],
  [
    'même objet que la ligne 5 (couches Overpass superposées)',
    'same object as line 5 (overlapping Overpass layers)',
  ],
  [
    'étiquettes non reconnues (amenity=recycling, shop=vacant)',
    'tags not recognised (amenity=recycling, shop=vacant)',
  ],
  [
    'étiquettes non reconnues (ni amenity, ni shop, ni craft…)',
    'tags not recognised (no amenity, shop, craft…)',
  ],
  ['sans nom', 'no name'],
  [
    'même lieu que node/2170997223 (ligne 27), gardé comme point',
    'same place as node/2170997223 (line 27), kept as a point',
  ],

  // The hours: import-hours.ts, describeParseError (opening-hours.ts), the library's own texts
  [
    'Texte non reconnu : « Mo » (Horaires illisibles : Caractère inattendu : "g" — la syntaxe à cet endroit n\'a pas pu être reconnue.) Mo-Fr 08:00-12:00 ga <--- (Veuillez utiliser "-" plutôt que "a". (après « Mo-Fr 08:00-12:00 g »))',
    'Text not recognised: “Mo” (Unreadable hours: Unexpected token: "g" This means that the syntax is not valid at that point or it is currently not supported.) Mo-Fr 08:00-12:00 ga <--- (Please use notation "-" for "a". (after “Mo-Fr 08:00-12:00 g”))',
  ],
  [
    'Horaires illisibles : Le numéro de jour pour Jan doit être compris entre 1 et 31. (après « Jan 32 »)',
    'Unreadable hours: The day for Jan must be between 1 and 31. (after “Jan 32”)',
  ],
  [
    "Horaires illisibles : Il ne devrait pas y avoir de raison de s'écarter de plus de 1 jours d'un jour férié. Si nécessaire, veuillez nous en informer… (après « PH +5 days »)",
    'Unreadable hours: There should be no reason to differ more than 1 days from a public holiday. If so tell us … (after “PH +5 days”)',
  ],
  ['Aucun horaire', 'No hours'],
  ['conversion illisible (« Mo-Fr 25:00-26:00 »)', 'unreadable conversion (“Mo-Fr 25:00-26:00”)'],
  ['plus de 500 caractères', 'more than 500 characters'],

  // french-hours.ts
  [
    'Vacances ou congés non gérés : « hors vacances scolaires »',
    'Holidays or leave not handled: “hors vacances scolaires”',
  ],
  ['Période saisonnière non gérée : « en été »', 'Seasonal period not handled: “en été”'],
  ['Rendez-vous non géré : « sur rendez-vous »', 'Appointments not handled: “sur rendez-vous”'],
  [
    'Précision entre parenthèses non gérée : « accueil de 7h à 20h »',
    'Detail in brackets not handled: “accueil de 7h à 20h”',
  ],
  ['Horaires renvoyés ailleurs : « voir site web »', 'Hours given elsewhere: “voir site web”'],
  ['Texte non reconnu : « marché plein air »', 'Text not recognised: “marché plein air”'],
  ['Texte incomplet', 'Incomplete text'],
  ['Horaire imprécis : « matin »', 'Vague time: “matin”'],
  ['Date précise non gérée : « 14 juillet »', 'Specific date not handled: “14 juillet”'],
  ['Horaires manquants : « lundi »', 'Hours missing: “lundi”'],
  ['Jours non précisés : « 9h-12h »', 'Days not specified: “9h-12h”'],
  ['Date invalide : « 31 février »', 'Invalid date: “31 février”'],
  [
    'Plage de jours incohérente : « lundi au lundi »',
    'Inconsistent range of days: “lundi au lundi”',
  ],
  ['Jour du mois imprécis : « 1er mardi »', 'Vague day of the month: “1er mardi”'],
  ['Exception incohérente : « sauf lundi »', 'Inconsistent exception: “sauf lundi”'],
  [
    'Exception non gérée : « 9h-19h sauf jours fériés 10h-12h »',
    'Exception not handled: “9h-19h sauf jours fériés 10h-12h”',
  ],
  [
    'Fermeture partielle non gérée : « fermé le lundi matin »',
    'Partial closure not handled: “fermé le lundi matin”',
  ],
  [
    'Plages horaires qui se chevauchent : « 9h-13h, 12h-18h »',
    'Overlapping time ranges: “9h-13h, 12h-18h”',
  ],
  ['Plage horaire incomplète : « 19h30 »', 'Incomplete time range: “19h30”'],
  ['Heures sans unité : « 9-12 »', 'Hours without a unit: “9-12”'],
  [
    'Plage horaire incohérente : « 22h à 17h du matin »',
    'Inconsistent time range: “22h à 17h du matin”',
  ],
  ['Plage horaire inversée : « 19h-9h »', 'Reversed time range: “19h-9h”'],
  ['Heure invalide : « 25h »', 'Invalid time: “25h”'],
  [
    'Le mardi est indiqué plusieurs fois : « mardi 9h-12h »',
    'Tuesday is given more than once: “mardi 9h-12h”',
  ],
  [
    'Les jours fériés sont indiqués plusieurs fois : « fériés 9h-12h »',
    'Public holidays are given more than once: “fériés 9h-12h”',
  ],
  [
    "Horaires d'ouverture manquants : seules des fermetures sont indiquées",
    'Opening hours missing: only closures are given',
  ],
  ['Jour à la fois ouvert et fermé : le dimanche', 'Day both open and closed: Sunday'],
  [
    'Jours ouverts tous fermés ensuite : aucun horaire d’ouverture ne reste',
    'Open days all closed further on: no opening hours remain',
  ],
  ['Jours fériés à la fois ouverts et fermés', 'Public holidays both open and closed'],
  ['Exception ambiguë : « sauf jours fériés »', 'Ambiguous exception: “sauf jours fériés”'],
  [
    "Plage après minuit avec d'autres règles, non gérée : « 22h-2h »",
    'Range past midnight with other rules, not handled: “22h-2h”',
  ],
  ['Aucun horaire indiqué', 'No hours given'],
  [
    'Texte trop long pour être converti (1200 caractères)',
    'Text too long to convert (1200 characters)',
  ],

  // import_shops, before any line is read
  [
    'Seuls les curateurs du territoire peuvent importer des lieux.',
    'Only the territory’s curators can import places.',
  ],
  [
    'Source d’import inconnue : « csv » (import ou osm).',
    'Unknown import source: “csv” (import or osm).',
  ],
  [
    'Les lignes à importer doivent former une liste (tableau JSON).',
    'The lines to import must form a list (a JSON array).',
  ],
  [
    'Trop de lignes : 10000 au plus par import (ce fichier en a 12000).',
    'Too many lines: 10000 at most per import (this file has 12000).',
  ],
  [
    'rows[3].socialLinks has too many elements: at most 10 (got 11)',
    'rows[3].socialLinks has too many elements: at most 10 (got 11)',
  ],

  // import_shops, a line
  ['Ligne illisible : un objet est attendu.', 'Unreadable line: an object is expected.'],
  ['Clé de la ligne manquante (sourceRef).', 'Line key missing (sourceRef).'],
  [
    'Doublon dans le fichier : même clé que la ligne 4',
    'Duplicate in the file: same key as line 4',
  ],
  ['Type de lieu manquant', 'Place type missing'],
  ['Catégorie manquante', 'Category missing'],
  ['Catégorie inconnue : « automobile »', 'Unknown category: “automobile”'],
  ['Sous-catégorie inconnue : « forge »', 'Unknown subcategory: “forge”'],
  [
    'La sous-catégorie « boulangerie » n’appartient pas à la catégorie « sante »',
    'The subcategory “boulangerie” does not belong to the category “sante”',
  ],
  ['Coordonnées manquantes ou invalides (lon, lat)', 'Coordinates missing or invalid (lon, lat)'],
  [
    'Emplacement hors du territoire (lon -1.15, lat 46.16)',
    'Location outside the territory (lon -1.15, lat 46.16)',
  ],
  ['Liens : une liste est attendue', 'Links: a list is expected'],
  ['Services : une liste est attendue', 'Services: a list is expected'],
  ['Service inconnu : « teleportation »', 'Unknown service: “teleportation”'],
  [
    'Choix inconnu pour un doublon : « merge » (update, create ou ignore).',
    'Unknown choice for a duplicate: “merge” (update, create or ignore).',
  ],
  [
    'Doublon possible de « Boulangerie du Marché » (ligne 7 du fichier)',
    'Possible duplicate of “Boulangerie du Marché” (line 7 of the file)',
  ],
  [
    'Doublon possible de « Boulangerie du Marché » (déjà sur la carte)',
    'Possible duplicate of “Boulangerie du Marché” (already on the map)',
  ],
  [
    'Doublon possible de « Boulangerie du Marché » (osm, 12 m) : fiche existante mise à jour : Modifié : nom, téléphone',
    'Possible duplicate of “Boulangerie du Marché” (osm, 12 m): existing place updated: Changed: name, phone',
  ],
  [
    'Doublon possible de « La Poste » (open_data) : fiche existante, inchangée',
    'Possible duplicate of “La Poste” (open_data): existing place, unchanged',
  ],
  [
    'Doublon possible de « Pharmacie du Centre » (import, 40 m) : ligne ignorée',
    'Possible duplicate of “Pharmacie du Centre” (import, 40 m): line ignored',
  ],
  [
    'Doublon possible de « Pharmacie du Centre » (osm) : nouvelle fiche créée',
    'Possible duplicate of “Pharmacie du Centre” (osm): new place created',
  ],
  [
    'Doublon possible de « Chez Paul » (osm, 3 m) : fiche existante : Fiche gérée par le commerçant : ses informations sont conservées',
    'Possible duplicate of “Chez Paul” (osm, 3 m): existing place: Place managed by its merchant: the merchant’s details are kept',
  ],
  ['ligne ignorée', 'line ignored'],
  ['nouvelle fiche créée', 'new place created'],
  ['fiche existante, inchangée', 'existing place, unchanged'],
  ['fiche existante mise à jour : Modifié : adresse', 'existing place updated: Changed: address'],
  [
    'fiche existante : Fiche gérée par le commerçant : ses informations sont conservées',
    'existing place: Place managed by its merchant: the merchant’s details are kept',
  ],
  [
    `Modifié : ${ALL_CHANGED_FIELDS}`,
    'Changed: name, type, category, subcategory, address, postcode, commune, location, ' +
      'publication, credit, description, phone, e-mail, website, links, hours, ' +
      'ordering instructions, services',
  ],
  [
    'Fiche gérée par le commerçant : ses informations sont conservées',
    'Place managed by its merchant: the merchant’s details are kept',
  ],
  [
    'Lieu modifié pendant l’import : relancez l’import',
    'Place changed during the import: run the import again',
  ],

  // private.import_error_message, every version it falls back on
  [
    'Nom invalide : caractères invisibles ou de contrôle interdits',
    'Invalid name: invisible or control characters are not allowed',
  ],
  [
    'Liens invalides : caractères de contrôle interdits',
    'Invalid links: control characters are not allowed',
  ],
  [
    'Description trop longue (2 000 caractères au plus) ou caractères invalides',
    'Description too long (2,000 characters at most) or invalid characters',
  ],
  [
    'Clé de la ligne trop longue (200 caractères au plus)',
    'Line key too long (200 characters at most)',
  ],
  [
    'Clé ajoutée au territoire par un autre import en cours : relancez l’import',
    'Key added to the territory by another import under way: run the import again',
  ],
  [
    'Type de lieu inconnu (commercant, artisan, producteur, marche ou service_public)',
    'Unknown place type (commercant, artisan, producteur, marche or service_public)',
  ],
  [
    'Nom manquant ou trop long (120 caractères au plus)',
    'Name missing or too long (120 characters at most)',
  ],
  ['Code postal invalide (5 chiffres)', 'Invalid postcode (5 digits)'],
  ['Code INSEE de la commune invalide', 'Invalid INSEE code of the commune'],
  ['Téléphone invalide', 'Invalid phone number'],
  ['E-mail invalide', 'Invalid e-mail'],
  ['Site web invalide (http ou https)', 'Invalid website (http or https)'],
  ['Liens invalides (http ou https, 10 au plus)', 'Invalid links (http or https, 10 at most)'],
  ['Services invalides (7 au plus)', 'Invalid services (7 at most)'],
  ['Emplacement hors du territoire', 'Location outside the territory'],
  [
    'La sous-catégorie n’appartient pas à la catégorie',
    'The subcategory does not belong to the category',
  ],
  ['Coordonnées manquantes (lon, lat)', 'Coordinates missing (lon, lat)'],
  [
    'Cette clé désigne déjà un lieu d’un autre territoire',
    'This key already names a place of another territory',
  ],
  [
    'Valeur refusée : new row for relation "shops" violates check constraint "x"',
    'Value refused: new row for relation "shops" violates check constraint "x"',
  ],
  ['Valeur manquante : territory_slug', 'Value missing: territory_slug'],
  [
    'Référence inconnue : insert or update on table "shops" violates foreign key constraint',
    'Unknown reference: insert or update on table "shops" violates foreign key constraint',
  ],
  [
    'Refusé : a shop is changed only through set_shop_status',
    'Refused: a shop is changed only through set_shop_status',
  ],
]

/** The template that translates a text as translateReportText does (after the label if any). */
function winningTemplate(text: string): number | null {
  const attempt = (candidate: string) =>
    REPORT_TEMPLATES.findIndex(([pattern, english]) => {
      const match = pattern.exec(candidate)
      return match !== null && english(match) !== null
    })
  const whole = attempt(text)
  if (whole >= 0) return whole
  const at = text.indexOf(' : ')
  const labelled = at > 0 ? attempt(text.slice(at + 3)) : -1
  return labelled >= 0 ? labelled : null
}

describe('translateReportText, template by template', () => {
  it.each(CASES)('%s', (french, english) => {
    expect(translateReportText(french)).toBe(english)
    expect(frenchLeft(english)).toBe('')
    expect(reportTextIn('en', french)).toBe(english)
    expect(reportTextIn('fr', french)).toBe(french)
  })

  it('has a case for every template, each translated by that template', () => {
    const won = new Set(CASES.map(([french]) => winningTemplate(french)))
    const untested = REPORT_TEMPLATES.map(([pattern], index) => [index, pattern.source] as const)
      .filter(([index]) => !won.has(index))
      .map(([, source]) => source)
    expect(untested).toEqual([])
  })
})

describe('column labels, composites and the fallback', () => {
  it('names every questionnaire column in English', () => {
    for (const column of QUESTIONNAIRE_COLUMNS) {
      expect(COLUMN_LABELS_EN[column.header], column.header).toMatch(/^[A-Z][A-Za-z -]+$/)
    }
    expect(COLUMN_LABELS_EN['Téléphone']).toBe('Phone')
    expect(COLUMN_LABELS_EN['Code postal']).toBe('Postcode')
    expect(COLUMN_LABELS_EN['Horaires']).toBe('Hours')
  })

  it('keeps OSM tag keys as labels, and refuses labels it does not know', () => {
    expect(
      translateReportText('addr:postcode : Code postal 7900 ignoré : 5 chiffres attendus.'),
    ).toBe('addr:postcode: Postcode 7900 ignored: 5 digits expected.')
    expect(translateReportText('Remarque : Le nom est obligatoire.')).toBeNull()
  })

  it('refuses a composite with a part it does not know', () => {
    expect(translateReportText('Modifié : nom, couleur')).toBeNull()
    expect(translateReportText('Doublon possible de « X » (osm, 12 m) : fiche envolée')).toBeNull()
    expect(translateReportText('Horaires gardés en note : raison inconnue')).toBeNull()
    expect(
      translateReportText('Horaires illisibles : message inconnu de la bibliothèque'),
    ).toBeNull()
    expect(
      translateReportText(
        'Impossible de placer le commerce : raison inconnue, et la commune Biard n’a pas de contour connu. Ajoutez latitude et longitude.',
      ),
    ).toBeNull()
    expect(translateReportText('Le couloir fait 12 caractères : 10 au plus.')).toBeNull()
  })

  it('shows the French message when nothing matches, and never throws', () => {
    expect(translateReportText('Un message tout neuf.')).toBeNull()
    expect(reportTextIn('en', 'Un message tout neuf.')).toBe('Un message tout neuf.')
    expect(reportTextIn('en', '')).toBe('')
    expect(reportTextIn('en', 'Horaires illisibles : ' + ' <--- ('.repeat(50))).toEqual(
      expect.any(String),
    )
  })

  it('translates the skipped lines’ reasons', () => {
    expect(skippedReasonIn('en', 'hors du territoire Grand Poitiers')).toBe(
      'outside the Grand Poitiers territory',
    )
    expect(skippedReasonIn('fr', 'sans nom')).toBe('sans nom')
    expect(skippedReasonIn('en', 'raison inconnue')).toBe('raison inconnue')
  })
})

/** OSM-like values the `opening_hours` library refuses, each for another of its errors. */
const BAD_OSM_HOURS = [
  'Mo-Fr 08:00-12:00 ga',
  'Mo-Sa 08:30-12:30,14:00-19:00 sauf jours fériés',
  'Sa-Su 10:00-12:00 Lundi 10h',
  'Mo-Fr 9h-12h gaga',
  'Mo 25:00-26:00',
  'Mo-Fr 09:00-',
  'Jan 32 10:00-12:00',
  'Feb 30 10:00-12:00',
  'Apr 31 10:00-12:00',
  'week 55 Mo 10:00-12:00',
  'Mo-We 2010-2010 10:00-12:00',
  '2012-2010 Mo 10:00-12:00',
  'Mo[7] 10:00-12:00',
  'Mo-Fr 12:00-10:00:00',
  'PH +5 days 10:00-12:00',
  'easter +400 days',
  'ouvert',
]

describe('the opening_hours library’s errors', () => {
  // The library's French texts are copied in report-text.ts: a new version that rewords them
  // fails here.
  it.each(BAD_OSM_HOURS)('%s translates, as OSM hours and as questionnaire hours', (value) => {
    const notes = [readOsmHours(value), readQuestionnaireHours(value)].flatMap((reading) =>
      reading.kind === 'note' ? [reading.reason] : [],
    )
    expect(notes.length).toBeGreaterThan(0)
    for (const reason of notes) {
      for (const message of [
        `opening_hours : Horaires gardés en note : ${reason}`,
        `Horaires : Horaires gardés en note, non convertis : ${reason}`,
      ]) {
        const english = translateReportText(message)
        expect(english, message).not.toBeNull()
        expect(frenchLeft(english!), english!).toBe('')
      }
    }
  })
})

// ---------------------------------------------------------------------------------------------
// 2. Every message the database functions can write, read from their latest definitions.

const MIGRATIONS = join(import.meta.dirname, '../../../../supabase/migrations')
const MIGRATION_FILES = readdirSync(MIGRATIONS)
  .filter((file) => file.endsWith('.sql'))
  .sort()
const MIGRATION_TEXT = new Map(
  MIGRATION_FILES.map((file) => [file, readFileSync(join(MIGRATIONS, file), 'utf8')]),
)

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * The body of the last `create [or replace] function <name>(` in a file, before `end` (an index in
 * the file). The grants also say "function <name>(", hence the `create`.
 */
function definitionIn(file: string, name: string, end = Infinity): string | null {
  const text = MIGRATION_TEXT.get(file)!
  const pattern = new RegExp(
    `create\\s+(?:or\\s+replace\\s+)?function\\s+${escapeRegExp(name)}\\(`,
    'gi',
  )
  const starts = [...text.matchAll(pattern)].map((m) => m.index).filter((index) => index < end)
  const start = starts.at(-1)
  if (start === undefined) return null
  const open = text.indexOf('$$', start)
  const close = text.indexOf('$$', open + 2)
  return text.slice(open + 2, close)
}

/** The latest definition: the last file, by name, that defines the function (before `end`). */
function latestDefinition(name: string, end?: { file: string; index: number }): string {
  const files = end
    ? MIGRATION_FILES.slice(0, MIGRATION_FILES.indexOf(end.file) + 1)
    : MIGRATION_FILES
  for (const file of [...files].reverse()) {
    const body = definitionIn(file, name, file === end?.file ? end.index : Infinity)
    if (body !== null) return body
  }
  throw new Error(`no definition of ${name}`)
}

/**
 * import_error_message and the earlier versions it falls back on: each migration renamed the
 * previous one to `import_error_message_before_<change>` and called it for the other cases.
 */
function importErrorMessageChain(): string[] {
  const bodies = [latestDefinition('private.import_error_message')]
  for (;;) {
    const called = /private\.(import_error_message_before_\w+)\(/.exec(bodies.at(-1)!)
    if (!called) return bodies
    const rename = `rename to ${called[1]}`
    const file = MIGRATION_FILES.find((f) => MIGRATION_TEXT.get(f)!.includes(rename))!
    const index = MIGRATION_TEXT.get(file)!.indexOf(rename)
    bodies.push(latestDefinition('private.import_error_message', { file, index }))
  }
}

/** SQL without its comments (whose apostrophes are not quotes). */
function withoutComments(sql: string): string {
  let out = ''
  let inString = false
  for (let i = 0; i < sql.length; i++) {
    const char = sql[i]!
    if (!inString && char === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n') i++
      out += '\n'
      continue
    }
    if (char === "'") inString = !inString
    out += char
  }
  return out
}

/** Sample values for `%` and `%s`: digits read as a line, a count, a name or a source alike. */
const SAMPLE = '12'
/** String literals that are not messages: the credit written on OSM places. */
const NOT_MESSAGES = new Set(['© OpenStreetMap contributors'])
/** Raised inside import_shops and caught there (VR000): never shown. */
const INTERNAL = new Set(['import rolled back'])

interface DatabaseMessages {
  /** Whole messages, with sample values. */
  messages: string[]
  /** " : ligne ignorée"…: what follows a possible duplicate's note. */
  outcomes: string[]
  /** The duplicate's notes, from format(). */
  duplicateNotes: string[]
  /** The words of "Modifié : …". */
  changedFields: string[]
}

function databaseMessages(bodies: readonly string[]): DatabaseMessages {
  const result: DatabaseMessages = {
    messages: [],
    outcomes: [],
    duplicateNotes: [],
    changedFields: [],
  }
  for (const body of bodies.map(withoutComments)) {
    const used = new Set<number>()
    const literal = `'((?:[^']|'')*)'`
    const unquote = (text: string) => text.replace(/''/g, "'")
    for (const m of body.matchAll(new RegExp(`raise\\s+exception\\s+${literal}`, 'gi'))) {
      used.add(m.index + m[0].indexOf("'"))
      const text = unquote(m[1]!)
      if (!INTERNAL.has(text)) result.messages.push(text.replace(/%/g, SAMPLE))
    }
    for (const m of body.matchAll(new RegExp(`format\\(\\s*${literal}`, 'gi'))) {
      used.add(m.index + m[0].indexOf("'"))
      result.duplicateNotes.push(unquote(m[1]!).replace(/%s/g, SAMPLE))
    }
    // import_shops compares each column under a French word: (n, curated, 'word', differs).
    for (const m of body.matchAll(new RegExp(`\\(\\d+, (?:true|false), ${literal}`, 'g'))) {
      used.add(m.index + m[0].indexOf("'"))
      result.changedFields.push(unquote(m[1]!))
    }
    for (const m of body.matchAll(new RegExp(literal, 'g'))) {
      if (used.has(m.index)) continue
      const text = unquote(m[1]!)
      // Codes, states, constraint and column names, JSON types: no space, no accent.
      const wordy = /\p{L}/u.test(text) && (/\s/.test(text) || /[^\x20-\x7e]/.test(text))
      if (!wordy || NOT_MESSAGES.has(text)) continue
      if (text.startsWith(' : ')) result.outcomes.push(text)
      // "'Valeur refusée : ' || message": the database's own text follows.
      else result.messages.push(/ : $/.test(text) ? `${text}nom` : text)
    }
  }
  return result
}

describe('the database’s messages', () => {
  const importShops = databaseMessages([latestDefinition('public.import_shops')])
  const errorMessages = databaseMessages(importErrorMessageChain())
  const argumentChecks = databaseMessages([
    latestDefinition('private.check_import_shops_arguments'),
  ])

  it('are found where expected', () => {
    expect(importErrorMessageChain().length).toBeGreaterThanOrEqual(4)
    expect(importShops.messages).toContain('Lieu modifié pendant l’import : relancez l’import')
    expect(importShops.messages).toContain('Modifié : nom')
    expect(importShops.outcomes).toContain(' : ligne ignorée')
    expect(importShops.duplicateNotes).toHaveLength(2)
    expect(importShops.changedFields).toHaveLength(18)
    expect(errorMessages.messages).toContain('Valeur manquante : nom')
    expect(errorMessages.messages.length).toBeGreaterThan(25)
    expect(argumentChecks.messages).toHaveLength(3)
  })

  it.each([
    ['public.import_shops', importShops],
    ['private.import_error_message', errorMessages],
    ['private.check_import_shops_arguments', argumentChecks],
  ])('of %s all translate', (_name, found) => {
    const untranslated = found.messages.filter((message) => translateReportText(message) === null)
    expect(untranslated).toEqual([])
    for (const message of found.messages) expect(frenchLeft(translateReportText(message)!)).toBe('')
  })

  it('compose as import_shops composes them', () => {
    const standalone = importShops.messages
    expect(importShops.duplicateNotes.length).toBeGreaterThan(0)
    for (const note of importShops.duplicateNotes) {
      expect(translateReportText(note), note).not.toBeNull()
      for (const outcome of importShops.outcomes) {
        // concat_ws(' : ', note || outcome, 'Modifié : …' or the managed place's message).
        const candidates = [note + outcome, ...standalone.map((m) => `${note}${outcome} : ${m}`)]
        const translated = candidates.map(translateReportText).filter((t) => t !== null)
        expect(translated, `${note}${outcome}`).not.toEqual([])
      }
    }
    const fields = importShops.changedFields
    expect(translateReportText(`Modifié : ${fields.join(', ')}`)).not.toBeNull()
    for (const field of fields)
      expect(translateReportText(`Modifié : ${field}`), field).not.toBeNull()
  })
})

// ---------------------------------------------------------------------------------------------
// 3. Real messages: real files and crafted bad ones through the readers, as the report shows them.

function upload(name: string, bytes: Uint8Array | string) {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes
  return { name, arrayBuffer: async () => data.slice().buffer }
}

const HEADERS = QUESTIONNAIRE_COLUMNS.map((column) => column.header)

/** A questionnaire in the template's columns; each row names only the cells it fills. */
function questionnaire(rows: readonly Partial<Record<QuestionnaireField, string>>[]): string {
  const lines = [
    HEADERS,
    ...rows.map((row) => QUESTIONNAIRE_COLUMNS.map((c) => row[c.field] ?? '')),
  ]
  return lines.map((cells) => cells.map((cell) => csvField(cell, ';')).join(';')).join('\r\n')
}

const AT_POITIERS = { category: 'Alimentation', commune: 'Poitiers', lat: '46.5802', lon: '0.3404' }
const LONG = 'Très long texte. '.repeat(130)

const BAD_LINES: readonly Partial<Record<QuestionnaireField, string>>[] = [
  { ...AT_POITIERS, name: 'Téléphone faux', phone: 'Tél. 05 49 00 00 00' },
  { ...AT_POITIERS, name: 'Bureau de poste', phone: '3631' },
  { ...AT_POITIERS, name: 'Deux numéros', phone: '05 49 00 00 00 / 06 12 34 56 78' },
  { ...AT_POITIERS, name: 'Numéro court', phone: '05 49 00 00' },
  { ...AT_POITIERS, name: 'Services', services: 'Livraison, Paiement sans contact' },
  { ...AT_POITIERS, name: '<b>Chez Paul</b>' },
  { ...AT_POITIERS, name: 'Horaires convertis', hours: 'Lu-Sa 08:00-19:00' },
  { ...AT_POITIERS, name: 'Sur rendez-vous', hours: 'sur rendez-vous' },
  { ...AT_POITIERS, name: 'Horaires OSM faux', hours: 'Mo-Fr 09:00-' },
  { ...AT_POITIERS, name: 'Horaires OSM illisibles', hours: 'Mo-Fr 08:00-12:00 ga' },
  { ...AT_POITIERS, name: 'Horaires saisonniers', hours: 'Du 1er avril au 30 septembre' },
  { ...AT_POITIERS, name: 'Garage', category: 'Automobile' },
  { ...AT_POITIERS, name: 'Boulangerie santé', category: 'Santé', subcategory: 'Boulangerie' },
  { ...AT_POITIERS, name: 'Forgeron', subcategory: 'Forge' },
  { ...AT_POITIERS, name: 'Rochelais', lat: '46.1603', lon: '-1.1511' },
  { ...AT_POITIERS, name: 'Inversé', lat: '0.3404', lon: '46.5802' },
  { ...AT_POITIERS, name: 'Degrés', lat: '46°34′48″N' },
  { ...AT_POITIERS, name: 'Impossible', lat: '123' },
  { ...AT_POITIERS, name: 'Sans longitude', lon: '' },
  { ...AT_POITIERS, name: 'Zéro perdu', postcode: '6000' },
  { ...AT_POITIERS, name: 'Code postal faux', postcode: 'ABCDE' },
  { ...AT_POITIERS, name: 'INSEE faux', communeInsee: '8619' },
  { ...AT_POITIERS, name: 'INSEE contraire', commune: 'Buxerolles', communeInsee: '86194' },
  { ...AT_POITIERS, name: 'INSEE inconnu', communeInsee: '75056' },
  { ...AT_POITIERS, name: 'INSEE seul', commune: '', communeInsee: '75056' },
  { ...AT_POITIERS, name: 'Nulle part', commune: 'Nulle-Part' },
  { ...AT_POITIERS, name: 'Invisible', commune: 'Poi\u200btiers' },
  { ...AT_POITIERS, name: 'Courriel faux', email: 'contact@' },
  { ...AT_POITIERS, name: 'Courriel long', email: `${'a'.repeat(250)}@exemple.fr` },
  { ...AT_POITIERS, name: 'Site sans schéma', website: 'fromagerie-chabichou.fr' },
  { ...AT_POITIERS, name: 'Site mal écrit', website: 'htp://boulangerie-temoin.fr' },
  { ...AT_POITIERS, name: 'Site incomplet', website: 'https://exemple' },
  { ...AT_POITIERS, name: 'Réseau', socialLinks: 'facebook' },
  {
    ...AT_POITIERS,
    name: 'Trop de liens',
    socialLinks: Array.from({ length: 11 }, (_, i) => `https://exemple.fr/${i}`).join(' '),
  },
  { ...AT_POITIERS, name: 'Grossiste', kind: 'Grossiste' },
  { ...AT_POITIERS, name: 'Exemple', sourceRef: 'EXEMPLE-1' },
  { ...AT_POITIERS, name: 'Identifiant invisible', sourceRef: 'ID\u200b1' },
  { ...AT_POITIERS, name: 'Même clé', sourceRef: 'CLE-1' },
  { ...AT_POITIERS, name: 'Même clé encore', sourceRef: 'CLE-1' },
  { ...AT_POITIERS, name: 'Épicerie du coin' },
  { ...AT_POITIERS, name: 'Épicerie du coin' },
  { ...AT_POITIERS, name: 'Sans catégorie', category: '' },
  { ...AT_POITIERS, name: '' },
  { ...AT_POITIERS, name: 'N'.repeat(121) },
  { ...AT_POITIERS, name: 'Bavard', description: LONG },
  { ...AT_POITIERS, name: 'Nulle position', commune: '', lat: '', lon: '' },
  { category: 'Alimentation', name: 'À placer', address: '12 rue des Halles', commune: 'Poitiers' },
  { category: 'Alimentation', name: 'À placer sans adresse', commune: 'Biard' },
  { category: 'Alimentation', name: 'Introuvable', address: '1 rue Perdue', commune: 'Nulle-Part' },
]

/** A line with one value too many, and a file whose Catégorie column is missing. */
const EXTRA_VALUE = `${questionnaire([{ ...AT_POITIERS, name: 'Décalé' }])};de trop\r\n`
const NO_CATEGORY = 'Commerce;Rubrique\r\nBoulangerie;Alimentation\r\n'
const IGNORED_COLUMN = `${HEADERS.join(';')};Remarques\r\n`
const UNCLOSED = `${HEADERS.join(';')}\r\n"Boulangerie;Alimentation\r\n`

/** Bytes of files curators upload by mistake. */
const NOT_CSV: readonly (readonly [string, number[]])[] = [
  ['classeur.xlsx', [0x50, 0x4b, 0x03, 0x04, 1, 2]],
  ['ancien.xls', [0xd0, 0xcf, 0x11, 0xe0, 1, 2]],
  ['document.pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['unicode.csv', [0xff, 0xfe, 0x4e, 0x00]],
  ['vide.csv', [0x20, 0x0a]],
  ['binaire.csv', [0x4e, 0x00, 0x01]],
  ['abime.csv', [0xef, 0xbb, 0xbf, 0x4e, 0xff, 0x3b]],
  ['blanc.csv', [0x3b, 0x3b, 0x0a]],
]

type Tags = Record<string, string>
function node(id: number, lon: number, lat: number, tags: Tags) {
  return {
    type: 'Feature',
    properties: { '@id': `node/${id}`, ...tags },
    geometry: { type: 'Point', coordinates: [lon, lat] },
  }
}

/** Niort: a feature of each kind the OSM importer skips or reports. */
const OSM_FEATURES = {
  type: 'FeatureCollection',
  features: [
    'pas un objet',
    { type: 'Feature', properties: { shop: 'bakery', name: 'Sans id' }, geometry: null },
    { type: 'Feature', properties: { '@id': 'node/2', shop: 'bakery', name: 'X' }, geometry: null },
    node(3, 2.35, 48.85, { shop: 'bakery', name: 'Paris' }),
    node(4, -0.4594, 46.3238, { shop: 'bakery', name: 'Boulangerie' }),
    node(4, -0.4594, 46.3238, { shop: 'bakery', name: 'Boulangerie' }),
    node(5, -0.4594, 46.3238, { amenity: 'bench', name: 'Banc' }),
    node(6, -0.4594, 46.3238, { name: 'Rien' }),
    node(7, -0.4594, 46.3238, { shop: 'bakery' }),
    {
      type: 'Feature',
      properties: { '@id': 'way/8', shop: 'bakery', name: 'Boulangerie' },
      geometry: { type: 'Point', coordinates: [-0.4595, 46.3239] },
    },
    node(9, -0.46, 46.324, {
      shop: 'bakery',
      name: `Boulangerie\u200b ${'très '.repeat(30)}longue`,
      'addr:street': 'Rue\u200b Ricard',
      'addr:postcode': '7900',
      phone: '+33 5 49 00 00 00;+33 5 49 11 11 11',
      email: 'contact(at)exemple.fr',
      website: 'www.boulangerie-niort.fr',
      'contact:facebook': 'BoulangerieNiort',
      opening_hours: 'Mo-Fr 09:00-',
    }),
    node(10, -0.46, 46.324, {
      shop: 'butcher',
      name: 'Boucherie',
      'contact:phone': 'inconnu',
      url: 'http://',
      opening_hours: 'Mo-Fr 08:00-12:00 ga',
    }),
  ],
}

/** The national address service's answer for the lines of GEOCODED, as a fake fetch. */
const GEOCODED = questionnaire([
  {
    category: 'Alimentation',
    name: 'À vérifier',
    address: '12 rue des Halles',
    commune: 'Poitiers',
  },
  { category: 'Alimentation', name: 'Mal reconnue', address: '3 chemin', commune: 'Saint-Benoît' },
  { category: 'Alimentation', name: 'Parisienne', address: '1 rue de Rivoli', commune: 'Poitiers' },
  { category: 'Alimentation', name: 'Perdue', address: '99 rue Perdue', commune: 'Biard' },
])
const GEOCODER_ANSWER = [
  'ligne;latitude;longitude;result_score;result_label;result_citycode;result_type',
  '2;46.5802;0.3404;0.55;12 Rue des Halles 86000 Poitiers;86194;housenumber',
  '3;46.57;0.30;0.45;Saint-Benoît;86214;municipality',
  '4;48.8566;2.3522;0.9;1 Rue de Rivoli 75001 Paris;75101;housenumber',
].join('\r\n')

async function readAll(): Promise<{ messages: Set<string>; skipped: Set<string> }> {
  const outlined = grandPoitiersCatalogOutlined()
  const reads: ReadImportFile[] = []
  const read = (
    file: ReturnType<typeof upload>,
    catalog: ImportCatalog,
    url: string | null = null,
    fetcher?: typeof fetch,
  ) => readImportFile(file, catalog, fetcher ? { url, fetch: fetcher } : { url })

  // Real files: the questionnaires made from La Poste's and FINESS's data, the OSM exports.
  for (const make of [laPosteQuestionnaire, pharmaciesQuestionnaire]) {
    for (const savedAs of [
      { encoding: 'windows-1252', delimiter: ';' },
      { encoding: 'utf-8', delimiter: ',' },
    ] as const) {
      const bytes = questionnaireFile(make(GRAND_POITIERS_COMMUNE_NAMES), savedAs)
      reads.push(await read(upload('questionnaire.csv', bytes), outlined))
    }
  }
  reads.push(
    await read(
      upload('niort.geojson', fixtureBytes('osm-niort-79-2019-overpass.geojson')),
      niortCatalog(),
    ),
  )
  reads.push(
    await read(
      upload('habay.geojson', fixtureBytes('osm-habay-be-2018-overpass.geojson')),
      poitiersBuxerollesCatalog(),
    ),
  )
  for (const name of readdirSync(join(import.meta.dirname, '../../../fixtures/curation'))) {
    if (name.startsWith('questionnaire-'))
      reads.push(await read(upload(name, fixtureBytes(name)), outlined))
  }
  // The Grand Poitiers open data's French hours, as a questionnaire's Horaires column.
  const hours = JSON.parse(
    readFileSync(
      join(
        import.meta.dirname,
        '../../../fixtures/curation/grand-poitiers-horaires-texte-2015.json',
      ),
      'utf8',
    ),
  ) as { horaires_texte: string }[]
  reads.push(
    await read(
      upload(
        'horaires.csv',
        questionnaire(
          hours.map((h, i) => ({ ...AT_POITIERS, name: `Lieu ${i}`, hours: h.horaires_texte })),
        ),
      ),
      outlined,
    ),
  )

  // Crafted bad files.
  reads.push(await read(upload('erreurs.csv', questionnaire(BAD_LINES)), outlined))
  reads.push(await read(upload('decale.csv', EXTRA_VALUE), outlined))
  reads.push(await read(upload('colonnes.csv', NO_CATEGORY), outlined))
  reads.push(await read(upload('remarques.csv', IGNORED_COLUMN), outlined))
  reads.push(await read(upload('guillemet.csv', UNCLOSED), outlined))
  for (const [name, bytes] of NOT_CSV)
    reads.push(await read(upload(name, new Uint8Array(bytes)), outlined))
  reads.push(
    await read(upload('unicode.geojson', new Uint8Array([0xff, 0xfe, 0x7b, 0x00])), niortCatalog()),
  )
  reads.push(await read(upload('casse.geojson', '{ "type": "FeatureCollection", '), niortCatalog()))
  reads.push(await read(upload('feature.geojson', '{ "type": "Feature" }'), niortCatalog()))
  reads.push(await read(upload('niort-bis.geojson', JSON.stringify(OSM_FEATURES)), niortCatalog()))
  // Inside Grand Poitiers's bounds, in Chauvigny, when only Poitiers and Buxerolles are known.
  reads.push(
    await read(
      upload(
        'chauvigny.geojson',
        JSON.stringify({
          type: 'FeatureCollection',
          features: [node(11, 0.6458, 46.5683, { shop: 'bakery', name: 'Chauvigny' })],
        }),
      ),
      poitiersBuxerollesCatalog(),
    ),
  )
  // The address service: answers with doubts, or fails; a commune without its outline.
  const answer = (async () => new Response(GEOCODER_ANSWER)) as unknown as typeof fetch
  const failure = (async () => Promise.reject(new TypeError('offline'))) as unknown as typeof fetch
  reads.push(
    await read(
      upload('geocode.csv', GEOCODED),
      outlined,
      'https://geocoder.test/search/csv/',
      answer,
    ),
  )
  reads.push(
    await read(
      upload('geocode.csv', GEOCODED),
      outlined,
      'https://geocoder.test/search/csv/',
      failure,
    ),
  )
  reads.push(
    await read(
      upload(
        'chauvigny.csv',
        questionnaire([
          {
            category: 'Alimentation',
            name: 'Loin',
            address: '1 place du Marché',
            commune: 'Chauvigny',
          },
        ]),
      ),
      grandPoitiersCatalog(),
    ),
  )

  const messages = new Set<string>()
  const skipped = new Set<string>()
  for (const file of reads) {
    // As the report shows them: a line the database updates keeps its place's position.
    const database = file.rows.slice(0, 1).map((row) => ({
      line: row.line,
      action: 'update' as const,
      shopId: 'shop-1',
      message: null,
    }))
    const report = mergeImportReport(file.issues, database, file.skipped)
    for (const entry of report.entries) if (entry.message) messages.add(entry.message)
    for (const group of report.skipped) skipped.add(group.reason)
  }
  return { messages, skipped }
}

describe('the messages real and bad files produce', () => {
  it('all translate, without French left but their data', async () => {
    const { messages, skipped } = await readAll()
    const all = [...messages, ...skipped]

    // The crafted files did produce what they were made for.
    const produced = (start: string) => all.some((message) => message.startsWith(start))
    for (const start of [
      'Téléphone : Numéro de téléphone invalide',
      'Téléphone : Numéro court national « 3631 »',
      'Services : Service non reconnu',
      'Nom : Balises retirées du nom',
      'Horaires : Horaires gardés en note, non convertis : Rendez-vous non géré',
      'Horaires : Horaires gardés en note, non convertis : Texte non reconnu : « Mo » (Horaires illisibles',
      'Catégorie : Catégorie inconnue',
      'Latitude : Adresse hors du territoire',
      'Colonnes obligatoires absentes',
      'Cette ligne a 20 valeurs pour 19 colonnes',
      'Ce fichier est un PDF',
      'Position à vérifier',
      'Position approximative (commune) : placé au centre de Saint-Benoît (adresse non reconnue',
      'Position approximative (commune) : placé au centre de Poitiers (adresse trouvée hors du territoire',
      'Position approximative (commune) : placé au centre de Biard (le service national',
      'Impossible de placer le commerce',
      KEPT_POSITION,
      'opening_hours : Horaires gardés en note : Horaires illisibles',
      'hors des communes du territoire',
      'même lieu que node/4',
    ]) {
      expect(produced(start), start).toBe(true)
    }
    expect(all.length).toBeGreaterThan(100)

    const untranslated = all.filter((message) => translateReportText(message) === null)
    expect(untranslated).toEqual([])
    const french = all
      .map((message) => [message, frenchLeft(translateReportText(message)!)] as const)
      .filter(([, left]) => left !== '')
    expect(french).toEqual([])
  })
})
