// The words of cash-risk.js in English and French, registered by it with addMessages() when it loads (ADR 67).
export default {
  en: {
    'risk.title': 'Probability of running short',
    'risk.headline': '{p} chance of going under your {threshold} threshold within 13 weeks ({paths} simulated futures)',
    'risk.chart': 'Fan of the closing balance: 10th to 90th percentile, median, base forecast and threshold',
    'risk.band': '10th–90th percentile',
    'risk.p50': 'Median',
    'risk.base': 'Base forecast',
    'risk.within': 'Under within {n} weeks',
    'risk.shortfall': 'Expected shortfall within {n} weeks',
    'risk.clients': 'Clients weighing on the futures that go under within {n} weeks',
    'risk.clientShare': '{share} of the missing cash ({missing} on average)',
  },
  fr: {
    'risk.title': 'Probabilité de manquer de trésorerie',
    'risk.headline': '{p} de risque de passer sous votre seuil de {threshold} d’ici 13 semaines ({paths} futurs simulés)',
    'risk.chart': 'Éventail du solde de fin de semaine : du 10e au 90e centile, médiane, prévision de base et seuil',
    'risk.band': '10e–90e centile',
    'risk.p50': 'Médiane',
    'risk.base': 'Prévision de base',
    'risk.within': 'Sous le seuil d’ici {n} semaines',
    'risk.shortfall': 'Manque attendu d’ici {n} semaines',
    'risk.clients': 'Clients qui pèsent sur les futurs passant sous le seuil d’ici {n} semaines',
    'risk.clientShare': '{share} de la trésorerie manquante ({missing} en moyenne)',
  },
};
