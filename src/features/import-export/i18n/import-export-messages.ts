import type { Locale } from '@/lib/locale-store'

/** Importing the questionnaire or OpenStreetMap, exporting the open data. */
const fr = {
  importTitle: 'Importer des commerces',
  importHelp:
    'Questionnaire au format CSV (modèle ci-dessous) ou export OpenStreetMap en GeoJSON (Overpass). Une vérification complète est faite avant tout import ; l’import est ensuite tout ou rien.',
  templateLink: 'Télécharger le modèle CSV du questionnaire',
  fileLabel: 'Fichier CSV ou GeoJSON',
  check: 'Vérifier le fichier',
  checking: 'Vérification…',
  commit: (count: number) => `Importer ${count} ligne${count > 1 ? 's' : ''}`,
  committing: 'Import en cours…',
  committed: (created: number, updated: number) =>
    `Import terminé : ${created} créé${created > 1 ? 's' : ''}, ${updated} mis à jour.`,
  blocked: (lines: number, problems: number) =>
    `${lines} ligne${lines > 1 ? 's' : ''} en erreur (${problems} problème${problems > 1 ? 's' : ''}) : corrigez le fichier, rien n’a été importé.`,
  nothingToImport: 'Rien à importer : aucune ligne à créer ni à mettre à jour.',
  duplicateChoiceLabel: (line: number) => `Que faire du doublon possible de la ligne ${line} ?`,
  duplicateChoice: {
    update: 'Mettre à jour la fiche existante',
    create: 'Créer une nouvelle fiche',
    ignore: 'Ignorer la ligne',
  },
  changedSinceCheck:
    'Le territoire a changé depuis la vérification : rien n’a été importé. Relisez le rapport mis à jour, puis importez à nouveau.',
  skippedGroup: (count: number, reason: string) =>
    `${count} ligne${count > 1 ? 's' : ''} ignorée${count > 1 ? 's' : ''} : ${reason}`,
  skippedLines: (lines: string) => `Lignes ${lines}.`,
  downloadReport: 'Télécharger le rapport (CSV)',
  reportTitle: 'Rapport ligne par ligne',
  line: 'Ligne',
  result: 'Résultat',
  detail: 'Détail',
  action: {
    create: 'Création',
    update: 'Mise à jour',
    unchanged: 'Inchangé',
    error: 'Erreur',
    warning: 'Avertissement',
    skipped: 'Ignoré',
  },
  summary: (create: number, update: number, unchanged: number, errors: number) =>
    `${create} création(s), ${update} mise(s) à jour, ${unchanged} inchangée(s), ${errors} erreur(s).`,
  encoding: (encoding: string, delimiter: string) =>
    `Encodage ${encoding}, séparateur « ${delimiter} »`,
  unreadable: 'Ce fichier ne peut pas être lu.',
  geocoder: {
    used: 'Commerces sans coordonnées placés à leur adresse par le service national des adresses (Base Adresse Nationale).',
    offline:
      'Hors ligne : les commerces sans coordonnées sont placés au centre de leur commune (position approximative).',
    failed:
      'Le service national des adresses n’a pas répondu : les commerces sans coordonnées sont placés au centre de leur commune (position approximative).',
  },
  exportTitle: 'Exporter les commerces publiés (données ouvertes)',
  exportCsv: 'Télécharger en CSV',
  exportGeoJson: 'Télécharger en GeoJSON',
  exportHelp: (count: number) =>
    `${count} commerce${count > 1 ? 's' : ''} publié${count > 1 ? 's' : ''} ; les commerces non publiés ne sont jamais exportés.`,
  exportSaved: (fileName: string) => `Fichier enregistré : ${fileName}`,
  exportLicence:
    'Licence ODbL : créditez « les contributeurs OpenStreetMap » et le territoire. Aussi disponible par adresse, voir le README.',
}

type ImportExportMessages = typeof fr

const en: ImportExportMessages = {
  importTitle: 'Import shops',
  importHelp:
    'A questionnaire as CSV (template below) or an OpenStreetMap GeoJSON export (Overpass). The whole file is checked first; the import is then all or nothing.',
  templateLink: 'Download the questionnaire CSV template',
  fileLabel: 'CSV or GeoJSON file',
  check: 'Check the file',
  checking: 'Checking…',
  commit: (count: number) => `Import ${count} line${count > 1 ? 's' : ''}`,
  committing: 'Importing…',
  committed: (created: number, updated: number) =>
    `Import done: ${created} created, ${updated} updated.`,
  blocked: (lines: number, problems: number) =>
    `${lines} line${lines > 1 ? 's' : ''} with errors (${problems} problem${problems > 1 ? 's' : ''}): fix the file; nothing was imported.`,
  nothingToImport: 'Nothing to import: no line to create or update.',
  duplicateChoiceLabel: (line: number) => `What to do with the possible duplicate of line ${line}?`,
  duplicateChoice: {
    update: 'Update the existing place',
    create: 'Create a new place',
    ignore: 'Skip the line',
  },
  changedSinceCheck:
    'The territory changed since the check: nothing was imported. Read the updated report, then import again.',
  skippedGroup: (count: number, reason: string) =>
    `${count} line${count > 1 ? 's' : ''} skipped: ${reason}`,
  skippedLines: (lines: string) => `Lines ${lines}.`,
  downloadReport: 'Download the report (CSV)',
  reportTitle: 'Line by line report',
  line: 'Line',
  result: 'Result',
  detail: 'Detail',
  action: {
    create: 'Create',
    update: 'Update',
    unchanged: 'Unchanged',
    error: 'Error',
    warning: 'Warning',
    skipped: 'Skipped',
  },
  summary: (create: number, update: number, unchanged: number, errors: number) =>
    `${create} to create, ${update} to update, ${unchanged} unchanged, ${errors} error(s).`,
  encoding: (encoding: string, delimiter: string) =>
    `Encoding ${encoding}, delimiter “${delimiter}”`,
  unreadable: 'This file cannot be read.',
  geocoder: {
    used: 'Shops without coordinates placed at their address by the national address service (Base Adresse Nationale).',
    offline:
      'Offline: shops without coordinates are placed at the centre of their commune (approximate position).',
    failed:
      'The national address service did not answer: shops without coordinates are placed at the centre of their commune (approximate position).',
  },
  exportTitle: 'Export the published shops (open data)',
  exportCsv: 'Download as CSV',
  exportGeoJson: 'Download as GeoJSON',
  exportHelp: (count: number) =>
    `${count} published shop${count === 1 ? '' : 's'}; unpublished shops are never exported.`,
  exportSaved: (fileName: string) => `File saved: ${fileName}`,
  exportLicence:
    'ODbL licence: credit “OpenStreetMap contributors” and the territory. Also available by URL, see the README.',
}

export const importExportMessages: Record<Locale, ImportExportMessages> = { fr, en }
