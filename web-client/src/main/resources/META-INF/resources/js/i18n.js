// Words and formats in French and English. The chosen language is kept in localStorage; dates and
// money are formatted by Intl for that language.

const STORAGE_KEY = 'cordee.locale';
export const LOCALES = { en: 'English', fr: 'Français' };

const MESSAGES = {
  en: {
    'app.tagline': 'Client relationships and cash, roped together.',
    'app.loading': 'Loading…',
    'app.retry': 'Retry',
    'app.language': 'Language',
    'app.skip': 'Skip to content',
    'app.notAllowed': 'This page is not available for your role.',
    'app.notFound': 'There is no such page.',
    'app.codeFailed': 'This page could not be downloaded. Check your connection and try again.',
    'signIn.title': 'Sign in',
    'signIn.email': 'E-mail',
    'signIn.password': 'Password',
    'signIn.submit': 'Sign in',
    'signIn.busy': 'Signing in…',
    'setup.signupLink': 'Create an agency',
    'signOut': 'Sign out',
    'nav.label': 'Main',
    'nav.cockpit': 'Cockpit',
    'nav.clients': 'Clients',
    'nav.staffing': 'Staffing',
    'nav.portal': 'Our projects',
    'nav.briefs': 'Briefs',
    'briefs.versions': 'Versions:',
    'nav.alerts': 'Alerts',
    'role.OWNER': 'Owner', 'role.FINANCE': 'Finance', 'role.LEAD': 'Lead', 'role.CLIENT': 'Client',
    'cockpit.threshold': 'Safety threshold',
    'cockpit.chart': 'Weekly cash forecast',
    'cockpit.closing': 'Closing balance',
    'cockpit.inflow': 'Inflow',
    'cockpit.outflow': 'Outflow',
    'clients.oneSided.AGENCY': 'One-sided: we carry it', 'clients.oneSided.CLIENT': 'One-sided: they carry it',
    'clients.lateCommitments': '{n} late commitment(s)',
    'clients.cancel': 'Cancel',
    'interaction.MEETING': 'Meeting', 'interaction.CALL': 'Call', 'interaction.WORKSHOP': 'Workshop', 'interaction.EMAIL': 'E-mail',
    'clients.noProject': 'No project yet.',
    'clients.more': 'Load more',
    'clients.terms': '{n} days',
    'clients.invoices': 'Invoices',
    'clients.noInvoice': 'No invoice.',
    'clientForm.conflict': 'Changed by someone else since you opened it; nothing was saved — reload to see their version.',
    'clientForm.reload': 'Reload',
    'funding.stage.BOOTSTRAPPED': 'Bootstrapped', 'funding.stage.PRE_SEED': 'Pre-seed', 'funding.stage.SEED': 'Seed',
    'funding.stage.SERIES_A': 'Series A', 'funding.stage.SERIES_B': 'Series B', 'funding.stage.LATER': 'Later stage',
    'funding.round.NOT_STARTED': 'Round not started', 'funding.round.IN_PROGRESS': 'Round in progress',
    'funding.round.IN_DOUBT': 'Round in doubt', 'funding.round.SIGNED': 'Round signed', 'funding.round.FAILED': 'Round failed',
    'project.name': 'Project', 'project.status': 'Status', 'project.start': 'Start', 'project.launch': 'Launch',
    'project.fee': 'Fee',
    'status.PROSPECT': 'Prospect', 'status.PLANNED': 'Planned', 'status.ACTIVE': 'Active', 'status.ON_HOLD': 'On hold',
    'status.DELIVERED': 'Delivered', 'status.CANCELLED': 'Cancelled',
    'invoice.label': 'Invoice', 'invoice.status': 'Status', 'invoice.due': 'Due', 'invoice.amount': 'Amount',
    'invoice.balance': 'Balance due', 'invoice.expected': 'Expected', 'invoice.paidOn': 'Paid on', 'invoice.paidOrExpected': 'Paid or expected',
    'invoice.PLANNED': 'Planned', 'invoice.ISSUED': 'Issued', 'invoice.PAID': 'Paid', 'invoice.CANCELLED': 'Cancelled',
    'segment.STARTUP': 'Start-up', 'segment.SME': 'SME', 'segment.ENTERPRISE': 'Enterprise', 'segment.PUBLIC': 'Public',
    'portal.projects': 'Projects',
    'portal.noBrief': 'No brief yet.',
    'portal.version': 'version {n}',
    'portal.brief.DRAFT': 'Draft', 'portal.brief.AGREED': 'Agreed', 'portal.brief.SUPERSEDED': 'Superseded',
    'portal.verdict.REALISTIC': 'Realistic', 'portal.verdict.TIGHT': 'Tight', 'portal.verdict.UNREALISTIC': 'Unrealistic',
    'portal.days': '{n} days',
    'portal.noSignature': 'Not signed yet.',
    'portal.commitment': 'Commitment',
    'portal.due': 'Due',
    'portal.delivered': 'Delivered',
    'portal.side.AGENCY': 'Agency', 'portal.side.CLIENT': 'You',
    'portal.agreement.PROPOSED': 'Proposed', 'portal.agreement.AGREED': 'Agreed', 'portal.agreement.DONE': 'Done',
    'portal.agreement.DROPPED': 'Dropped',
    'staffing.member': 'Team member',
    'alloc.project': 'Project',
    'alloc.share': 'Share %',
    'alloc.start': 'From',
    'alloc.end': 'To',
    'alloc.choose': 'Choose…',
    'alloc.none': 'No allocation yet.',
    'alloc.conflict': 'Someone else changed this allocation after you opened the page; nothing was saved. Reload to see their version, then make your change again.',
    // a client's page, the portal's interactions
    'commitment.CONTENT': 'Content',
    'commitment.ASSETS': 'Assets',
    'commitment.FEEDBACK': 'Feedback',
    'commitment.APPROVAL': 'Approval',
    'commitment.DECISION': 'Decision',
    'commitment.daysLate': 'Late · {n} d',
    'client.side.AGENCY': 'Agency',
    'client.side.CLIENT': 'Client',
    'client.domain': 'Domain',
    'client.lead.AGENCY': 'We lead',
    'client.lead.CLIENT': 'They lead',
    'client.lead.SHARED': 'Shared',
    'round.NOT_STARTED': 'Not started',
    'round.IN_PROGRESS': 'In progress',
    'round.IN_DOUBT': 'In doubt',
    'round.SIGNED': 'Signed',
    'round.FAILED': 'Failed',
    // receivables (issue 15)
    'nav.receivables': 'Receivables',
    'receivables.label': 'Label',
    'receivables.actions': 'Actions',
    'receivables.sending': 'Sending…',
    'receivables.reload': 'Reload',
    'nav.settings': 'Settings',
    // team (issue 15, point 5)
    'nav.team': 'Team',
    // Bank & costs (issue 15, points 4 and 5)
    'nav.bank': 'Bank & costs',
    'nav.people': 'People',
    'accept.rules': 'At least 12 characters; a phrase is easiest to remember. Common passwords are refused.',
    'nav.projects': 'Projects',
    'projects.new': 'New project',

    'digest.saving': 'Saving…',
    'nav.account': 'My account',
    'forgot.link': 'Forgot password?',
    'forgot.back': 'Back to sign-in',
    'export.download': 'Download:',
    'nav.import': 'Import',
    'nav.audit': 'Audit trail',
    'nav.timesheets': 'Timesheets',
    'nav.statements': 'Bank statements',
    'nav.deals': 'Pipeline',
    'proposal.optionLift': 'Lowest balance {lift}',
    'app.unreachable': 'Cordée cannot be reached. Check your connection and try again.',
    'app.noGraphQlAnswer': 'The server answered {status} without a GraphQL response.',
    'nav.proposal': 'Proposal',
    // game plan and doubles (ADR 64)
    'gamePlan.saved': 'Saved.',
    'plan.timeline': 'What was said on the plan',
    // search: search
    'search.open': 'Search', 'search.title': 'Search the agency', 'search.label': 'Clients, projects, briefs, people',
    'search.placeholder': 'A name, e.g. a client or a project…', 'search.close': 'Close',
    'search.help': 'Up and down arrows to choose, Enter to open, Escape to close.', 'search.results': 'What was found',
    'search.searching': 'Searching…', 'search.none': 'Nothing has that name.', 'search.count': '{count} found',
    'search.kind.CLIENT': 'Client', 'search.kind.PROJECT': 'Project', 'search.kind.BRIEF': 'Brief', 'search.kind.PERSON': 'Person',
    'bell.label': 'Open alerts', 'bell.count': 'Open alerts: {count}', 'bell.none': 'No open alert.', 'bell.all': 'See every alert',
    // the alerts' kinds and live marker: shown by the bell in the top bar and by the alerts page
    'alerts.live': 'Live',
    'alerts.kind.CAPACITY_CONCENTRATION': 'Capacity concentration',
    'alerts.kind.CASH_SHORTFALL': 'Cash shortfall',
    'alerts.kind.LONG_TIME_TO_CASH': 'Long time to cash',
    'alerts.kind.EXPOSURE_LIMIT': 'Exposure limit',
    'alerts.kind.FUNDING_RISK': 'Funding risk',
    'alerts.kind.OVERDUE_INVOICE': 'Overdue invoice',
    'alerts.kind.PAYMENT_DRIFT': 'Payment drift',
    'alerts.kind.ENGAGEMENT_DROP': 'Engagement drop',
    'alerts.kind.UNREALISTIC_BRIEF': 'Unrealistic brief',
    'alerts.agencyWide': 'the agency',
    'alerts.kind.CASH_RISK': 'Cash risk',
  },
  fr: {
    'app.tagline': 'La relation client et la trésorerie, encordées.',
    'app.loading': 'Chargement…',
    'app.retry': 'Réessayer',
    'app.language': 'Langue',
    'app.skip': 'Aller au contenu',
    'app.notAllowed': 'Cette page n\'est pas disponible pour votre rôle.',
    'app.notFound': 'Cette page n\'existe pas.',
    'app.codeFailed': 'Cette page n\'a pas pu être téléchargée. Vérifiez votre connexion et réessayez.',
    'signIn.title': 'Connexion',
    'signIn.email': 'E-mail',
    'signIn.password': 'Mot de passe',
    'signIn.submit': 'Se connecter',
    'signIn.busy': 'Connexion…',
    'setup.signupLink': 'Créer une agence',
    'signOut': 'Se déconnecter',
    'nav.label': 'Navigation principale',
    'nav.cockpit': 'Trésorerie',
    'nav.clients': 'Clients',
    'nav.staffing': 'Staffing',
    'nav.portal': 'Nos projets',
    'nav.briefs': 'Cahiers des charges',
    'briefs.versions': 'Versions :',
    'nav.alerts': 'Alertes',
    'role.OWNER': 'Direction', 'role.FINANCE': 'Finance', 'role.LEAD': 'Chef de projet', 'role.CLIENT': 'Client',
    'cockpit.threshold': 'Seuil de sécurité',
    'cockpit.chart': 'Prévision de trésorerie hebdomadaire',
    'cockpit.closing': 'Solde de fin de semaine',
    'cockpit.inflow': 'Encaissements',
    'cockpit.outflow': 'Décaissements',
    'clients.oneSided.AGENCY': 'Déséquilibré : nous portons la relation', 'clients.oneSided.CLIENT': 'Déséquilibré : le client porte la relation',
    'clients.lateCommitments': '{n} engagement(s) en retard',
    'clients.cancel': 'Annuler',
    'interaction.MEETING': 'Réunion', 'interaction.CALL': 'Appel', 'interaction.WORKSHOP': 'Atelier', 'interaction.EMAIL': 'E-mail',
    'clients.noProject': 'Pas encore de projet.',
    'clients.more': 'Voir plus',
    'clients.terms': '{n} jours',
    'clients.invoices': 'Factures',
    'clients.noInvoice': 'Aucune facture.',
    'clientForm.conflict': 'Modifié par quelqu\'un d\'autre depuis que vous l\'avez ouvert ; rien n\'a été enregistré — rechargez pour voir sa version.',
    'clientForm.reload': 'Recharger',
    'funding.stage.BOOTSTRAPPED': 'Autofinancée', 'funding.stage.PRE_SEED': 'Pré-amorçage', 'funding.stage.SEED': 'Amorçage',
    'funding.stage.SERIES_A': 'Série A', 'funding.stage.SERIES_B': 'Série B', 'funding.stage.LATER': 'Stade ultérieur',
    'funding.round.NOT_STARTED': 'Levée non lancée', 'funding.round.IN_PROGRESS': 'Levée en cours',
    'funding.round.IN_DOUBT': 'Levée incertaine', 'funding.round.SIGNED': 'Levée signée', 'funding.round.FAILED': 'Levée échouée',
    'project.name': 'Projet', 'project.status': 'Statut', 'project.start': 'Début', 'project.launch': 'Lancement',
    'project.fee': 'Budget',
    'status.PROSPECT': 'Prospect', 'status.PLANNED': 'Planifié', 'status.ACTIVE': 'En cours', 'status.ON_HOLD': 'En pause',
    'status.DELIVERED': 'Livré', 'status.CANCELLED': 'Annulé',
    'invoice.label': 'Facture', 'invoice.status': 'Statut', 'invoice.due': 'Échéance', 'invoice.amount': 'Montant',
    'invoice.balance': 'Reste dû', 'invoice.expected': 'Attendu le', 'invoice.paidOn': 'Payée le', 'invoice.paidOrExpected': 'Payée ou attendue',
    'invoice.PLANNED': 'Prévue', 'invoice.ISSUED': 'Émise', 'invoice.PAID': 'Payée', 'invoice.CANCELLED': 'Annulée',
    'segment.STARTUP': 'Start-up', 'segment.SME': 'PME', 'segment.ENTERPRISE': 'Grand compte', 'segment.PUBLIC': 'Public',
    'portal.projects': 'Projets',
    'portal.noBrief': 'Pas encore de cahier des charges.',
    'portal.version': 'version {n}',
    'portal.brief.DRAFT': 'Brouillon', 'portal.brief.AGREED': 'Validé', 'portal.brief.SUPERSEDED': 'Remplacé',
    'portal.verdict.REALISTIC': 'Réaliste', 'portal.verdict.TIGHT': 'Serré', 'portal.verdict.UNREALISTIC': 'Irréaliste',
    'portal.days': '{n} jours',
    'portal.noSignature': 'Pas encore signé.',
    'portal.commitment': 'Engagement',
    'portal.due': 'Échéance',
    'portal.delivered': 'Livré',
    'portal.side.AGENCY': 'Agence', 'portal.side.CLIENT': 'Vous',
    'portal.agreement.PROPOSED': 'Proposé', 'portal.agreement.AGREED': 'Convenu', 'portal.agreement.DONE': 'Fait',
    'portal.agreement.DROPPED': 'Abandonné',
    'staffing.member': 'Membre de l\'équipe',
    'alloc.project': 'Projet',
    'alloc.share': 'Part %',
    'alloc.start': 'Du',
    'alloc.end': 'Au',
    'alloc.choose': 'Choisir…',
    'alloc.none': 'Aucune allocation.',
    'alloc.conflict': 'Quelqu\'un a modifié cette allocation depuis l\'ouverture de la page ; rien n\'a été enregistré. Rechargez pour voir sa version, puis refaites votre modification.',
    // a client's page, the portal's interactions
    'commitment.CONTENT': 'Contenus',
    'commitment.ASSETS': 'Éléments',
    'commitment.FEEDBACK': 'Retours',
    'commitment.APPROVAL': 'Validation',
    'commitment.DECISION': 'Décision',
    'commitment.daysLate': 'En retard · {n} j',
    'client.side.AGENCY': 'Agence',
    'client.side.CLIENT': 'Client',
    'client.domain': 'Domaine',
    'client.lead.AGENCY': 'Nous menons',
    'client.lead.CLIENT': 'Ils mènent',
    'client.lead.SHARED': 'Partagé',
    'round.NOT_STARTED': 'Pas commencée',
    'round.IN_PROGRESS': 'En cours',
    'round.IN_DOUBT': 'Incertaine',
    'round.SIGNED': 'Signée',
    'round.FAILED': 'Échouée',
    // créances (issue 15)
    'nav.receivables': 'Créances',
    'receivables.label': 'Libellé',
    'receivables.actions': 'Actions',
    'receivables.sending': 'Envoi…',
    'receivables.reload': 'Recharger',
    'nav.settings': 'Réglages',
    // team (issue 15, point 5)
    'nav.team': 'Équipe',
    // Banque et coûts (issue 15, points 4 et 5)
    'nav.bank': 'Banque et coûts',
    'nav.people': 'Personnes',
    'accept.rules': 'Au moins 12 caractères ; une phrase se retient plus facilement. Les mots de passe courants sont refusés.',
    'nav.projects': 'Projets',
    'projects.new': 'Nouveau projet',

    'digest.saving': 'Enregistrement…',
    'nav.account': 'Mon compte',
    'forgot.link': 'Mot de passe oublié ?',
    'forgot.back': 'Retour à la connexion',
    'export.download': 'Télécharger :',
    'nav.import': 'Import',
    'nav.audit': 'Journal des modifications',
    'nav.timesheets': 'Temps passés',
    'nav.statements': 'Relevés bancaires',
    'nav.deals': 'Pipeline',
    'proposal.optionLift': 'Solde le plus bas {lift}',
    'app.unreachable': 'Cordée est injoignable. Vérifiez votre connexion et réessayez.',
    'app.noGraphQlAnswer': 'Le serveur a répondu {status} sans réponse GraphQL.',
    'nav.proposal': 'Proposition',
    // plan de jeu et binômes (ADR 64)
    'gamePlan.saved': 'Enregistré.',
    'plan.timeline': 'Ce qui a été dit sur le plan',
    // search: search
    'search.open': 'Rechercher', 'search.title': 'Rechercher dans l’agence', 'search.label': 'Clients, projets, cahiers des charges, personnes',
    'search.placeholder': 'Un nom, par exemple d’un client ou d’un projet…', 'search.close': 'Fermer',
    'search.help': 'Flèches haut et bas pour choisir, Entrée pour ouvrir, Échap pour fermer.', 'search.results': 'Résultats',
    'search.searching': 'Recherche…', 'search.none': 'Aucun nom ne correspond.', 'search.count': '{count} trouvé(s)',
    'search.kind.CLIENT': 'Client', 'search.kind.PROJECT': 'Projet', 'search.kind.BRIEF': 'Cahier des charges', 'search.kind.PERSON': 'Personne',
    'bell.label': 'Alertes ouvertes', 'bell.count': 'Alertes ouvertes : {count}', 'bell.none': 'Aucune alerte ouverte.', 'bell.all': 'Voir toutes les alertes',
    // the alerts' kinds and live marker: shown by the bell in the top bar and by the alerts page
    'alerts.live': 'En direct',
    'alerts.kind.CAPACITY_CONCENTRATION': 'Concentration de la capacité',
    'alerts.kind.CASH_SHORTFALL': 'Trésorerie sous le seuil',
    'alerts.kind.LONG_TIME_TO_CASH': 'Premier encaissement tardif',
    'alerts.kind.EXPOSURE_LIMIT': 'Exposition trop forte',
    'alerts.kind.FUNDING_RISK': 'Risque de financement',
    'alerts.kind.OVERDUE_INVOICE': 'Facture en retard',
    'alerts.kind.PAYMENT_DRIFT': 'Paiements qui glissent',
    'alerts.kind.ENGAGEMENT_DROP': 'Engagement en baisse',
    'alerts.kind.UNREALISTIC_BRIEF': 'Cahier des charges irréaliste',
    'alerts.agencyWide': 'l\'agence',
    'alerts.kind.CASH_RISK': 'Risque de trésorerie',
  },
};

function initialLocale() {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved && MESSAGES[saved]) return saved;
  return (navigator.language || 'en').toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

let locale = initialLocale();
document.documentElement.lang = locale;

export function currentLocale() {
  return locale;
}

export function setLocale(next) {
  if (!MESSAGES[next]) return;
  locale = next;
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
  window.dispatchEvent(new CustomEvent('cordee-locale', { detail: next }));
}

/**
 * Adds a view's words, `{ en: {…}, fr: {…} }` from its `<view>.words.js`, to the catalogue. A view calls it
 * when its module loads, so the shell carries only its own words and each page's arrive with its code (ADR 67).
 */
export function addMessages(words) {
  for (const language of Object.keys(MESSAGES)) Object.assign(MESSAGES[language], words[language]);
}

/** Whether key has a message (in the current language or in English). */
export function hasMessage(key) {
  return key in MESSAGES[locale] || key in MESSAGES.en;
}

/** The message for key in the current language, with {name} placeholders filled in. */
export function t(key, params = {}) {
  const text = MESSAGES[locale][key] ?? MESSAGES.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ''));
}

const cache = new Map();
function formatter(kind, options) {
  const key = `${locale}|${kind}|${JSON.stringify(options)}`;
  if (!cache.has(key)) {
    cache.set(key, kind === 'date' ? new Intl.DateTimeFormat(locale, options) : new Intl.NumberFormat(locale, options));
  }
  return cache.get(key);
}

const toDate = (iso) => new Date(`${iso}T00:00:00`);

export function formatDate(iso, style = 'medium') {
  return iso ? formatter('date', { dateStyle: style }).format(toDate(iso)) : '—';
}

export function formatDayMonth(iso) {
  return formatter('date', { day: 'numeric', month: 'short' }).format(toDate(iso));
}

export function formatMonth(yearMonth) {
  return formatter('date', { month: 'short', year: 'numeric' }).format(toDate(`${yearMonth}-01`));
}

/** Money from the API ({ amount: "1234.56", currency }), whole units unless cents are asked for. */
export function formatMoney(money, { cents = false } = {}) {
  if (!money) return '—';
  const digits = cents ? 2 : 0;
  return formatter('number', { style: 'currency', currency: money.currency, minimumFractionDigits: digits,
    maximumFractionDigits: digits }).format(Number(money.amount));
}

export function formatCompactMoney(amount, currency) {
  return formatter('number', { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 })
    .format(amount);
}

export function formatPercent(ratio, digits = 0) {
  return formatter('number', { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: digits })
    .format(ratio);
}

export function formatNumber(n, digits = 0) {
  return formatter('number', { maximumFractionDigits: digits }).format(n);
}
