// The words of relationship-parts.js in English and French, registered by it with addMessages() when it loads (ADR 67).
export default {
  en: {
    'clients.noInteraction': 'No interaction logged yet.',
    'clients.energy': 'energy {agency}/{client}',
    'clients.internal': 'Internal',
    'portal.noCommitment': 'Nothing is due from you.',
    'portal.late': 'Late',
    'portal.noAgreement': 'No agreement yet.',
    'portal.energy': 'energy: agency {agency}, you {client}',
    'plan.actions': 'Actions',
  },
  fr: {
    'clients.noInteraction': 'Aucun échange noté pour l\'instant.',
    'clients.energy': 'énergie {agency}/{client}',
    'clients.internal': 'Interne',
    'portal.noCommitment': 'Rien n\'est attendu de vous.',
    'portal.late': 'En retard',
    'portal.noAgreement': 'Pas encore d\'accord.',
    'portal.energy': 'énergie : agence {agency}, vous {client}',
    'plan.actions': 'Actions',
  },
};
