// The words of health-chart.js in English and French, registered by it with addMessages() when it loads (ADR 67).
export default {
  en: {
    'client.trend': 'Health over 26 weeks',
    'client.trendSummary': 'from {from} on {fromDate} to {to} today',
    'client.score': 'Health score',
    'client.healthyMark': 'Healthy (70)',
    'client.poorMark': 'Poor (50)',
  },
  fr: {
    'client.trend': 'Santé sur 26 semaines',
    'client.trendSummary': 'de {from} le {fromDate} à {to} aujourd\'hui',
    'client.score': 'Score de santé',
    'client.healthyMark': 'Saine (70)',
    'client.poorMark': 'Fragile (50)',
  },
};
