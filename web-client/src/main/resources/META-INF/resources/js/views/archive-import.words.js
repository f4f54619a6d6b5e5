// The words of archive-import.js in English and French, registered by it with addMessages() when it loads (ADR 67).
export default {
  en: {
    'archive.title': 'Import an archive',
    'archive.file': 'Agency archive (ZIP exported by Cordée)',
    'archive.hint': 'Fills this agency from an “Export everything” ZIP, in one go: the files are checked first (a changed or truncated archive is refused) and nothing is written unless everything is. Only into an agency that holds no data yet.',
    'archive.submit': 'Import the archive',
    'archive.sending': 'Importing…',
    'archive.noFile': 'Choose the ZIP file first.',
    'archive.notEmpty': 'This agency already holds data: an archive is imported into an empty agency only. Nothing was changed.',
    'archive.done': 'Imported: {clients} clients, {projects} projects, {invoices} invoices, {payments} payments, {teamMembers} team members.',
  },
  fr: {
    'archive.title': 'Importer une archive',
    'archive.file': 'Archive de l’agence (ZIP exporté par Cordée)',
    'archive.hint': 'Remplit cette agence à partir d’un ZIP « Tout exporter », d’un seul coup : les fichiers sont vérifiés d’abord (une archive modifiée ou tronquée est refusée) et rien n’est écrit si tout ne l’est pas. Seulement dans une agence encore vide.',
    'archive.submit': 'Importer l’archive',
    'archive.sending': 'Import en cours…',
    'archive.noFile': 'Choisissez d’abord le fichier ZIP.',
    'archive.notEmpty': 'Cette agence contient déjà des données : une archive ne s’importe que dans une agence vide. Rien n’a été modifié.',
    'archive.done': 'Importé : {clients} clients, {projects} projets, {invoices} factures, {payments} paiements, {teamMembers} membres de l’équipe.',
  },
};
