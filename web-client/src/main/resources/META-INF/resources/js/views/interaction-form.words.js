// The words of interaction-form.js in English and French, registered by it with addMessages() when it loads (ADR 67).
export default {
  en: {
    'clients.logInteraction': 'Log an interaction',
    'clients.date': 'Date',
    'clients.kind': 'Kind',
    'clients.summary': 'Summary',
    'clients.agencyEnergy': 'Our energy',
    'clients.clientEnergy': 'Their energy',
    'clients.save': 'Save',
    'clients.internalNote': 'Internal note (agency only)',
    'portal.yourEnergy': 'Your energy',
  },
  fr: {
    'clients.logInteraction': 'Noter un échange',
    'clients.date': 'Date',
    'clients.kind': 'Type',
    'clients.summary': 'Résumé',
    'clients.agencyEnergy': 'Notre énergie',
    'clients.clientEnergy': 'Leur énergie',
    'clients.save': 'Enregistrer',
    'clients.internalNote': 'Note interne (agence seulement)',
    'portal.yourEnergy': 'Votre énergie',
  },
};
