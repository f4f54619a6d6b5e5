// The words of digest-off.js in English and French, registered by it with addMessages() when it loads (ADR 67).
export default {
  en: {
    'digestOff.title': 'Weekly digest',
    'digestOff.intro': 'Stop the weekly digest mail sent to you by Cordée?',
    'digestOff.submit': 'Stop the weekly digest',
    'digestOff.done': 'Done: you will no longer get the weekly digest. You can switch it back on from the Alerts page.',
    'digestOff.invalid': 'This link is unknown or expired. Sign in and untick “Weekly digest by e-mail” on the Alerts page.',
    'digestOff.open': 'Open Cordée',
  },
  fr: {
    'digestOff.title': 'Point hebdomadaire',
    'digestOff.intro': 'Ne plus recevoir le point hebdomadaire que Cordée vous envoie ?',
    'digestOff.submit': 'Ne plus le recevoir',
    'digestOff.done': 'C’est fait : vous ne recevrez plus le point hebdomadaire. Vous pouvez le réactiver depuis la page Alertes.',
    'digestOff.invalid': 'Ce lien est inconnu ou expiré. Connectez-vous et décochez « Point hebdomadaire par e-mail » sur la page Alertes.',
    'digestOff.open': 'Ouvrir Cordée',
  },
};
