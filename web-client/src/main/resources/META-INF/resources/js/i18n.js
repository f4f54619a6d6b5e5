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
    'signIn.title': 'Sign in',
    'signIn.email': 'E-mail',
    'signIn.password': 'Password',
    'signIn.submit': 'Sign in',
    'signIn.busy': 'Signing in…',
    'signOut': 'Sign out',
    'nav.label': 'Main',
    'nav.cockpit': 'Cockpit',
    'nav.clients': 'Clients',
    'nav.staffing': 'Staffing',
    'nav.portal': 'Our projects',
    'nav.alerts': 'Alerts',
    'alerts.title': 'Early warnings',
    'alerts.status.OPEN': 'Open', 'alerts.status.ACKNOWLEDGED': 'Acknowledged', 'alerts.status.RESOLVED': 'Resolved',
    'alerts.severity.INFO': 'Info', 'alerts.severity.WARNING': 'Warning', 'alerts.severity.CRITICAL': 'Critical',
    'alerts.kind.CAPACITY_CONCENTRATION': 'Capacity concentration', 'alerts.kind.CASH_SHORTFALL': 'Cash shortfall',
    'alerts.kind.LONG_TIME_TO_CASH': 'Long time to cash', 'alerts.kind.EXPOSURE_LIMIT': 'Exposure limit',
    'alerts.kind.FUNDING_RISK': 'Funding risk', 'alerts.kind.OVERDUE_INVOICE': 'Overdue invoice',
    'alerts.kind.PAYMENT_DRIFT': 'Payment drift', 'alerts.kind.ENGAGEMENT_DROP': 'Engagement drop',
    'alerts.kind.UNREALISTIC_BRIEF': 'Unrealistic brief',
    'alerts.agencyWide': 'the agency',
    'alerts.none': 'Nothing here. Cordée checks again after every change and once a day.',
    'alerts.worsened': 'Worse since acknowledged',
    'alerts.openedOn': 'Opened {date}',
    'alerts.snoozedUntil': 'snoozed until {date}',
    'alerts.resolvedOn': 'resolved {date}',
    'alerts.suggested': 'What to do:',
    'alerts.comment': 'Comment',
    'alerts.acknowledge': 'Acknowledge',
    'alerts.snoozeUntil': 'Snooze until',
    'alerts.snooze': 'Snooze',
    'alerts.acknowledged': 'Acknowledged: {subject}.',
    'alerts.snoozed': 'Snoozed: {subject}.',
    'alerts.letter': 'Renegotiation letter (30 % deposit, monthly billing):',
    'role.OWNER': 'Owner', 'role.FINANCE': 'Finance', 'role.LEAD': 'Lead', 'role.CLIENT': 'Client',
    'cockpit.title': 'Cash cockpit',
    'cockpit.horizon': 'Horizon',
    'cockpit.weeks': '{n} weeks',
    'cockpit.opening': 'Opening balance',
    'cockpit.lowest': 'Lowest balance',
    'cockpit.lowestWeek': 'week of {date}',
    'cockpit.threshold': 'Safety threshold',
    'cockpit.firstBelow': 'First week under the threshold',
    'cockpit.neverBelow': 'None within the horizon',
    'cockpit.chart': 'Weekly cash forecast',
    'cockpit.closing': 'Closing balance',
    'cockpit.inflow': 'Inflow',
    'cockpit.outflow': 'Outflow',
    'cockpit.hoverHint': 'Point at a week to see who pays in it.',
    'cockpit.keysHint': 'left and right arrows move from week to week',
    'cockpit.weekOf': 'Week {iso} · {date}',
    'cockpit.fromClients': 'Inflow from',
    'cockpit.noInflow': 'No inflow this week.',
    'cockpit.tableSummary': 'The forecast as a table',
    'cockpit.week': 'Week',
    'scenario.title': 'Scenario',
    'scenario.hint': 'What-ifs are computed on the fly; nothing is saved.',
    'scenario.BASE': 'Base', 'scenario.STRESS': 'Stress', 'scenario.CUSTOM': 'Custom',
    'scenario.BASE.help': 'Each client pays at its usual delay.',
    'scenario.STRESS.help': 'Each client pays at its 90th-percentile delay; a start-up pays nothing after its runway.',
    'scenario.CUSTOM.help': 'The base, with your adjustments per client.',
    'scenario.client': 'Client',
    'scenario.extraDelay': 'Extra delay (days)',
    'scenario.defaultFrom': 'Pays nothing from',
    'scenario.deposit': 'Deposit %',
    'scenario.monthly': 'Monthly billing',
    'scenario.add': 'Add an adjustment',
    'scenario.remove': 'Remove',
    'scenario.apply': 'Recompute',
    'scenario.none': 'No adjustment yet.',
    'exposure.title': 'Exposure per client',
    'exposure.help': 'Staff cost put in minus cash received, week by week.',
    'exposure.choose': 'Choose a client',
    'exposure.peak': 'Peak exposure',
    'exposure.peakWeek': 'Peak week',
    'exposure.weeksAbove': 'Weeks exposed',
    'ttfc.title': 'Time to first cash',
    'ttfc.help': 'Days from a project\'s start to its first receipt.',
    'ttfc.project': 'Project',
    'ttfc.days': '{n} days',
    'ttfc.none': 'none expected',
    'clients.title': 'Clients',
    'clients.search': 'Search',
    'clients.searchPlaceholder': 'Name',
    'clients.noProject': 'No project yet.',
    'clients.none': 'No client matches.',
    'clients.more': 'Load more',
    'clients.terms': '{n} days',
    'clients.invoices': 'Invoices',
    'clients.showInvoices': 'Show invoices',
    'clients.hideInvoices': 'Hide invoices',
    'clients.noInvoice': 'No invoice.',
    'project.name': 'Project', 'project.status': 'Status', 'project.start': 'Start', 'project.launch': 'Launch',
    'project.fee': 'Fee',
    'status.PROSPECT': 'Prospect', 'status.PLANNED': 'Planned', 'status.ACTIVE': 'Active', 'status.ON_HOLD': 'On hold',
    'status.DELIVERED': 'Delivered', 'status.CANCELLED': 'Cancelled',
    'invoice.label': 'Invoice', 'invoice.status': 'Status', 'invoice.due': 'Due', 'invoice.amount': 'Amount',
    'invoice.balance': 'Balance due', 'invoice.expected': 'Expected', 'invoice.paidOn': 'Paid on', 'invoice.paidOrExpected': 'Paid or expected',
    'invoice.PLANNED': 'Planned', 'invoice.ISSUED': 'Issued', 'invoice.PAID': 'Paid', 'invoice.CANCELLED': 'Cancelled',
    'segment.STARTUP': 'Start-up', 'segment.SME': 'SME', 'segment.ENTERPRISE': 'Enterprise', 'segment.PUBLIC': 'Public',
    'portal.title': 'Our projects with {agency}',
    'portal.projects': 'Projects',
    'portal.briefs': 'Briefs',
    'portal.noBrief': 'No brief yet.',
    'portal.version': 'version {n}',
    'portal.brief.DRAFT': 'Draft', 'portal.brief.AGREED': 'Agreed', 'portal.brief.SUPERSEDED': 'Superseded',
    'portal.verdict.REALISTIC': 'Realistic', 'portal.verdict.TIGHT': 'Tight', 'portal.verdict.UNREALISTIC': 'Unrealistic',
    'portal.days': '{n} days',
    'portal.noSignature': 'Not signed yet.',
    'portal.signedBy': 'signed by {who} on {date}',
    'portal.sign': 'Sign version {n}',
    'portal.commitments': 'What we bring to the project',
    'portal.noCommitment': 'Nothing is due from you.',
    'portal.commitment': 'Commitment',
    'portal.due': 'Due',
    'portal.delivered': 'Delivered',
    'portal.late': 'Late',
    'portal.gamePlan': 'Our game plan',
    'portal.noAgreement': 'No agreement yet.',
    'portal.side.AGENCY': 'Agency', 'portal.side.CLIENT': 'You',
    'portal.agreement.PROPOSED': 'Proposed', 'portal.agreement.AGREED': 'Agreed', 'portal.agreement.DONE': 'Done',
    'portal.agreement.DROPPED': 'Dropped',
    'portal.invoices': 'Invoices',
    'staffing.title': 'Staffing',
    'staffing.capacity': 'Capacity by month',
    'staffing.capacityHelp': 'Share of the agency\'s capacity each client takes. 30 % is a warning, 50 % critical.',
    'staffing.client': 'Client',
    'staffing.total': 'Allocated',
    'staffing.free': 'Free',
    'staffing.workingDays': '{n} working days',
    'staffing.capacityDays': 'Capacity (person-days)',
    'staffing.overTitle': 'Over-allocated weeks',
    'staffing.overNone': 'Nobody is allocated more than 100 % in these months.',
    'staffing.member': 'Team member',
    'staffing.week': 'Weeks',
    'staffing.peak': 'Peak',
    'alloc.title': 'Allocations',
    'alloc.new': 'New allocation',
    'alloc.member': 'Team member',
    'alloc.project': 'Project',
    'alloc.share': 'Share %',
    'alloc.start': 'From',
    'alloc.end': 'To',
    'alloc.create': 'Add',
    'alloc.save': 'Save',
    'alloc.delete': 'Delete',
    'alloc.choose': 'Choose…',
    'alloc.saved': 'Saved.',
    'alloc.created': 'Allocation added.',
    'alloc.deleted': 'Allocation deleted.',
    'alloc.none': 'No allocation yet.',
    'alloc.conflict': 'Someone else changed this allocation after you opened the page; nothing was saved. Reload to see their version, then make your change again.',
    'alloc.reload': 'Reload',
    'alloc.count': '{n} allocations',
    'alloc.countOne': '1 allocation',
  },
  fr: {
    'app.tagline': 'La relation client et la trésorerie, encordées.',
    'app.loading': 'Chargement…',
    'app.retry': 'Réessayer',
    'app.language': 'Langue',
    'app.skip': 'Aller au contenu',
    'app.notAllowed': 'Cette page n\'est pas disponible pour votre rôle.',
    'app.notFound': 'Cette page n\'existe pas.',
    'signIn.title': 'Connexion',
    'signIn.email': 'E-mail',
    'signIn.password': 'Mot de passe',
    'signIn.submit': 'Se connecter',
    'signIn.busy': 'Connexion…',
    'signOut': 'Se déconnecter',
    'nav.label': 'Navigation principale',
    'nav.cockpit': 'Trésorerie',
    'nav.clients': 'Clients',
    'nav.staffing': 'Staffing',
    'nav.portal': 'Nos projets',
    'nav.alerts': 'Alertes',
    'alerts.title': 'Signaux d\'alerte',
    'alerts.status.OPEN': 'Ouvertes', 'alerts.status.ACKNOWLEDGED': 'Prises en compte', 'alerts.status.RESOLVED': 'Résolues',
    'alerts.severity.INFO': 'Info', 'alerts.severity.WARNING': 'Attention', 'alerts.severity.CRITICAL': 'Critique',
    'alerts.kind.CAPACITY_CONCENTRATION': 'Concentration de la capacité', 'alerts.kind.CASH_SHORTFALL': 'Trésorerie sous le seuil',
    'alerts.kind.LONG_TIME_TO_CASH': 'Premier encaissement tardif', 'alerts.kind.EXPOSURE_LIMIT': 'Exposition trop forte',
    'alerts.kind.FUNDING_RISK': 'Risque de financement', 'alerts.kind.OVERDUE_INVOICE': 'Facture en retard',
    'alerts.kind.PAYMENT_DRIFT': 'Paiements qui glissent', 'alerts.kind.ENGAGEMENT_DROP': 'Engagement en baisse',
    'alerts.kind.UNREALISTIC_BRIEF': 'Cahier des charges irréaliste',
    'alerts.agencyWide': 'l\'agence',
    'alerts.none': 'Rien ici. Cordée vérifie à nouveau après chaque changement et une fois par jour.',
    'alerts.worsened': 'Aggravée depuis la prise en compte',
    'alerts.openedOn': 'Ouverte le {date}',
    'alerts.snoozedUntil': 'en sommeil jusqu\'au {date}',
    'alerts.resolvedOn': 'résolue le {date}',
    'alerts.suggested': 'Que faire :',
    'alerts.comment': 'Commentaire',
    'alerts.acknowledge': 'Prendre en compte',
    'alerts.snoozeUntil': 'Mettre en sommeil jusqu\'au',
    'alerts.snooze': 'Mettre en sommeil',
    'alerts.acknowledged': 'Prise en compte : {subject}.',
    'alerts.snoozed': 'En sommeil : {subject}.',
    'alerts.letter': 'Lettre de renégociation (acompte de 30 %, facturation mensuelle) :',
    'role.OWNER': 'Direction', 'role.FINANCE': 'Finance', 'role.LEAD': 'Chef de projet', 'role.CLIENT': 'Client',
    'cockpit.title': 'Tableau de bord de trésorerie',
    'cockpit.horizon': 'Horizon',
    'cockpit.weeks': '{n} semaines',
    'cockpit.opening': 'Solde d\'ouverture',
    'cockpit.lowest': 'Solde le plus bas',
    'cockpit.lowestWeek': 'semaine du {date}',
    'cockpit.threshold': 'Seuil de sécurité',
    'cockpit.firstBelow': 'Première semaine sous le seuil',
    'cockpit.neverBelow': 'Aucune sur l\'horizon',
    'cockpit.chart': 'Prévision de trésorerie hebdomadaire',
    'cockpit.closing': 'Solde de fin de semaine',
    'cockpit.inflow': 'Encaissements',
    'cockpit.outflow': 'Décaissements',
    'cockpit.hoverHint': 'Survolez une semaine pour voir qui paie.',
    'cockpit.keysHint': 'les flèches gauche et droite passent d\'une semaine à l\'autre',
    'cockpit.weekOf': 'Semaine {iso} · {date}',
    'cockpit.fromClients': 'Encaissements de',
    'cockpit.noInflow': 'Aucun encaissement cette semaine.',
    'cockpit.tableSummary': 'La prévision en tableau',
    'cockpit.week': 'Semaine',
    'scenario.title': 'Scénario',
    'scenario.hint': 'Les hypothèses sont calculées à la volée ; rien n\'est enregistré.',
    'scenario.BASE': 'Base', 'scenario.STRESS': 'Stress', 'scenario.CUSTOM': 'Personnalisé',
    'scenario.BASE.help': 'Chaque client paie avec son retard habituel.',
    'scenario.STRESS.help': 'Chaque client paie à son 90e centile de retard ; une start-up ne paie plus après la fin de sa trésorerie.',
    'scenario.CUSTOM.help': 'La base, avec vos ajustements par client.',
    'scenario.client': 'Client',
    'scenario.extraDelay': 'Retard en plus (jours)',
    'scenario.defaultFrom': 'Ne paie plus à partir du',
    'scenario.deposit': 'Acompte %',
    'scenario.monthly': 'Facturation mensuelle',
    'scenario.add': 'Ajouter un ajustement',
    'scenario.remove': 'Retirer',
    'scenario.apply': 'Recalculer',
    'scenario.none': 'Aucun ajustement.',
    'exposure.title': 'Exposition par client',
    'exposure.help': 'Coût du temps passé moins l\'argent reçu, semaine après semaine.',
    'exposure.choose': 'Choisir un client',
    'exposure.peak': 'Exposition maximale',
    'exposure.peakWeek': 'Semaine du pic',
    'exposure.weeksAbove': 'Semaines exposées',
    'ttfc.title': 'Délai avant le premier encaissement',
    'ttfc.help': 'Jours entre le début d\'un projet et son premier encaissement.',
    'ttfc.project': 'Projet',
    'ttfc.days': '{n} jours',
    'ttfc.none': 'aucun prévu',
    'clients.title': 'Clients',
    'clients.search': 'Rechercher',
    'clients.searchPlaceholder': 'Nom',
    'clients.noProject': 'Pas encore de projet.',
    'clients.none': 'Aucun client ne correspond.',
    'clients.more': 'Voir plus',
    'clients.terms': '{n} jours',
    'clients.invoices': 'Factures',
    'clients.showInvoices': 'Voir les factures',
    'clients.hideInvoices': 'Masquer les factures',
    'clients.noInvoice': 'Aucune facture.',
    'project.name': 'Projet', 'project.status': 'Statut', 'project.start': 'Début', 'project.launch': 'Lancement',
    'project.fee': 'Budget',
    'status.PROSPECT': 'Prospect', 'status.PLANNED': 'Planifié', 'status.ACTIVE': 'En cours', 'status.ON_HOLD': 'En pause',
    'status.DELIVERED': 'Livré', 'status.CANCELLED': 'Annulé',
    'invoice.label': 'Facture', 'invoice.status': 'Statut', 'invoice.due': 'Échéance', 'invoice.amount': 'Montant',
    'invoice.balance': 'Reste dû', 'invoice.expected': 'Attendu le', 'invoice.paidOn': 'Payée le', 'invoice.paidOrExpected': 'Payée ou attendue',
    'invoice.PLANNED': 'Prévue', 'invoice.ISSUED': 'Émise', 'invoice.PAID': 'Payée', 'invoice.CANCELLED': 'Annulée',
    'segment.STARTUP': 'Start-up', 'segment.SME': 'PME', 'segment.ENTERPRISE': 'Grand compte', 'segment.PUBLIC': 'Public',
    'portal.title': 'Nos projets avec {agency}',
    'portal.projects': 'Projets',
    'portal.briefs': 'Cahiers des charges',
    'portal.noBrief': 'Pas encore de cahier des charges.',
    'portal.version': 'version {n}',
    'portal.brief.DRAFT': 'Brouillon', 'portal.brief.AGREED': 'Validé', 'portal.brief.SUPERSEDED': 'Remplacé',
    'portal.verdict.REALISTIC': 'Réaliste', 'portal.verdict.TIGHT': 'Serré', 'portal.verdict.UNREALISTIC': 'Irréaliste',
    'portal.days': '{n} jours',
    'portal.noSignature': 'Pas encore signé.',
    'portal.signedBy': 'signé par {who} le {date}',
    'portal.sign': 'Signer la version {n}',
    'portal.commitments': 'Ce que nous apportons au projet',
    'portal.noCommitment': 'Rien n\'est attendu de vous.',
    'portal.commitment': 'Engagement',
    'portal.due': 'Échéance',
    'portal.delivered': 'Livré',
    'portal.late': 'En retard',
    'portal.gamePlan': 'Notre plan de jeu',
    'portal.noAgreement': 'Pas encore d\'accord.',
    'portal.side.AGENCY': 'Agence', 'portal.side.CLIENT': 'Vous',
    'portal.agreement.PROPOSED': 'Proposé', 'portal.agreement.AGREED': 'Convenu', 'portal.agreement.DONE': 'Fait',
    'portal.agreement.DROPPED': 'Abandonné',
    'portal.invoices': 'Factures',
    'staffing.title': 'Staffing',
    'staffing.capacity': 'Capacité par mois',
    'staffing.capacityHelp': 'Part de la capacité de l\'agence prise par chaque client. Alerte à 30 %, critique à 50 %.',
    'staffing.client': 'Client',
    'staffing.total': 'Alloué',
    'staffing.free': 'Libre',
    'staffing.workingDays': '{n} jours ouvrés',
    'staffing.capacityDays': 'Capacité (jours-personne)',
    'staffing.overTitle': 'Semaines en sur-allocation',
    'staffing.overNone': 'Personne n\'est alloué à plus de 100 % sur ces mois.',
    'staffing.member': 'Membre de l\'équipe',
    'staffing.week': 'Semaines',
    'staffing.peak': 'Pic',
    'alloc.title': 'Allocations',
    'alloc.new': 'Nouvelle allocation',
    'alloc.member': 'Membre de l\'équipe',
    'alloc.project': 'Projet',
    'alloc.share': 'Part %',
    'alloc.start': 'Du',
    'alloc.end': 'Au',
    'alloc.create': 'Ajouter',
    'alloc.save': 'Enregistrer',
    'alloc.delete': 'Supprimer',
    'alloc.choose': 'Choisir…',
    'alloc.saved': 'Enregistré.',
    'alloc.created': 'Allocation ajoutée.',
    'alloc.deleted': 'Allocation supprimée.',
    'alloc.none': 'Aucune allocation.',
    'alloc.conflict': 'Quelqu\'un a modifié cette allocation depuis l\'ouverture de la page ; rien n\'a été enregistré. Rechargez pour voir sa version, puis refaites votre modification.',
    'alloc.reload': 'Recharger',
    'alloc.count': '{n} allocations',
    'alloc.countOne': '1 allocation',
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
