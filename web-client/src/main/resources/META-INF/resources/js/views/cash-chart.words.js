// The words of cash-chart.js in English and French, registered by it with addMessages() when it loads (ADR 67).
export default {
  en: {
    'cockpit.markCrossing': 'First week under the threshold',
    'cockpit.markLowest': 'Lowest point',
    'cockpit.keysHint': 'left and right arrows move from week to week',
  },
  fr: {
    'cockpit.markCrossing': 'Première semaine sous le seuil',
    'cockpit.markLowest': 'Point le plus bas',
    'cockpit.keysHint': 'les flèches gauche et droite passent d\'une semaine à l\'autre',
  },
};
