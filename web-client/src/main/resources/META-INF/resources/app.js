import { html, nothing } from 'lit';
import { gql, GraphQLError } from './js/graphql.js';
import { CordeeElement, loading, failure } from './js/ui.js';
import { t, LOCALES, currentLocale, setLocale } from './js/i18n.js';
import { setServerClock } from './js/clock.js';

const VIEWER_FIELDS = 'user { displayName role } agency { name now timeZone }';
const VIEWER = `{ viewer { ${VIEWER_FIELDS} } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) {
  viewer { ${VIEWER_FIELDS} } userErrors { field message code }
  secondFactor { challenge enrolment { secret uri } } } }`;
// the second step of a sign-in with two factors (ADR 44), loaded when a code is due
const SECOND_FACTOR = () => import('./js/views/two-factor.js');

// Hash routing (#/cockpit): the server serves index.html at / only, so any address the app shows can be
// reloaded or bookmarked without a server-side fallback (docs/adr/0012).
// A page: its title in the navigation, `load` (the dynamic import of its code, run when its route is first
// opened: never a static import of js/views/ in this file, ADR 41) and `render`.
const PAGES = {
  // its words and its panels (ADR 81) beside its code, not after it (cockpit.js imports them too: one download): the
  // forecast it asks for as it loads is the largest paint (ADR 67)
  cockpit: { label: 'nav.cockpit', load: () => Promise.all([import('./js/views/cockpit.words.js'), import('./js/views/cockpit/panels.js'), import('./js/views/cockpit.js')]), render: () => html`<cordee-cockpit></cordee-cockpit>` },
  // #/clients lists them; #/clients/<id> is one client's page
  clients: { label: 'nav.clients', load: () => Promise.all([import('./js/views/clients.js'), import('./js/views/client-page.js')]), render: (viewer, id) => (id
    ? html`<cordee-client-page .clientId=${id} .role=${viewer.user.role}></cordee-client-page>`
    : html`<cordee-clients .role=${viewer.user.role}></cordee-clients>`) },
  // OWNER and FINANCE only: the API refuses invoices and receivables to the other roles
  receivables: { label: 'nav.receivables', load: () => import('./js/views/receivables.js'), render: () => html`<cordee-receivables></cordee-receivables>` },
  // OWNER and FINANCE only: bank accounts and balances, overheads, one-off expenses (issue 15)
  bank: { label: 'nav.bank', load: () => import('./js/views/bank.js'), render: () => html`<cordee-bank></cordee-bank>` },
  staffing: { label: 'nav.staffing', load: () => import('./js/views/staffing.js'), render: () => html`<cordee-staffing></cordee-staffing>` },
  briefs: { label: 'nav.briefs', load: () => import('./js/views/briefs.js'), render: (viewer) => html`<cordee-briefs .role=${viewer.user.role}></cordee-briefs>` },
  alerts: { label: 'nav.alerts', load: () => import('./js/views/alerts.js'), render: (viewer) => html`<cordee-alerts .role=${viewer.user.role}></cordee-alerts>` },
  portal: { label: 'nav.portal', load: () => import('./js/views/clients.js'), render: (viewer) => html`<cordee-portal .agency=${viewer.agency.name}></cordee-portal>` },
  // costs and the forms only for OWNER and FINANCE; a LEAD reads the team without them
  team: { label: 'nav.team', load: () => import('./js/views/team.js'), render: (viewer) => html`<cordee-team .role=${viewer.user.role}></cordee-team>` },
  // OWNER only (ADR 30): users, invitations, roles
  people: { label: 'nav.people', load: () => import('./js/views/people.js'), render: () => html`<cordee-people></cordee-people>` },
  // #/projects lists them; #/projects/<id> edits one (and its billing plan); #/projects/new/<clientId> creates one
  // the project page shows its timesheet and budget burn (ADR 57), from js/views/timesheets.js
  projects: { label: 'nav.projects', load: () => Promise.all([import('./js/views/projects.js'), import('./js/views/timesheets.js')]), render: (viewer, id) => (id
    ? html`<cordee-project-page .projectId=${id} .role=${viewer.user.role}></cordee-project-page>`
    : html`<cordee-projects .role=${viewer.user.role}></cordee-projects>`) },
  // OWNER and FINANCE: the agency settings, alert thresholds and health weights (docs/roles.md)
  settings: { label: 'nav.settings', load: () => import('./js/views/settings.js'), render: () => html`<cordee-settings></cordee-settings>` },
  // every role, CLIENT included (ADR 39): reached from the user's name in the header, not listed in the nav
  account: { label: 'nav.account', load: () => import('./js/views/account.js'), render: () => html`<cordee-account></cordee-account>` },
  // spreadsheet import (ADR 49): money roles only
  import: { label: 'nav.import', load: () => import('./js/views/import.js'), render: () => html`<cordee-import></cordee-import>` },
  // OWNER only (ADR 59): the audit trail, filtered by person, kind of record and days
  audit: { label: 'nav.audit', load: () => import('./js/views/audit.js'), render: () => html`<cordee-audit></cordee-audit>` },
  // timesheets from Harvest or Toggl Track (ADR 57): money roles only; a sub-page of Import (linked there, not in the nav)
  timesheets: { label: 'nav.timesheets', subPage: true, load: () => import('./js/views/timesheets.js'), render: () => html`<cordee-timesheets></cordee-timesheets>` },
  // bank statements over ADR 52's API (ADR 57): money roles only
  statements: { label: 'nav.statements', subPage: true, load: () => import('./js/views/bank-statements.js'), render: () => html`<cordee-bank-statements></cordee-bank-statements>` },
  // the sales pipeline (ADR 53, 55): OWNER and FINANCE, who alone change deals (docs/roles.md)
  deals: { label: 'nav.deals', load: () => import('./js/views/deals.js'), render: () => html`<cordee-deals></cordee-deals>` },
  // #/proposal/<clientId>: a client's renegotiation proposal end to end (ADR 65), opened from a money alert; OWNER and FINANCE
  proposal: { label: 'nav.proposal', subPage: true, load: () => import('./js/views/proposal.js'), render: (viewer, id) => html`<cordee-proposal .clientId=${id}></cordee-proposal>` },
};
const PAGES_BY_ROLE = {
  OWNER: ['cockpit', 'alerts', 'clients', 'projects', 'deals', 'receivables', 'briefs', 'staffing', 'team', 'bank', 'people', 'settings', 'import', 'timesheets', 'statements', 'audit', 'proposal'],
  FINANCE: ['cockpit', 'alerts', 'clients', 'projects', 'deals', 'receivables', 'briefs', 'staffing', 'team', 'bank', 'settings', 'import', 'timesheets', 'statements', 'proposal'],
  LEAD: ['clients', 'projects', 'briefs', 'staffing', 'alerts', 'team'],
  CLIENT: ['portal'],
};

/** The code loaded or being loaded, by page (or part): { promise, ready }. A failed load is forgotten. */
const code = new Map();
function loadCode(key, load) {
  if (!code.has(key)) {
    const entry = { ready: false };
    entry.promise = load().then(() => { entry.ready = true; }, (e) => { code.delete(key); throw e; });
    code.set(key, entry);
  }
  return code.get(key).promise;
}
const SETUP = () => import('./js/views/setup.js');
const ACCEPT = () => import('./js/views/people.js');
const DIGEST_OFF = () => import('./js/views/digest-off.js');
const ACCOUNT = () => import('./js/views/account.js');
// the top bar's search box and alert bell (ADR 68): fetched once someone is signed in, not for the sign-in page
const TOP_BAR = () => import('./js/views/search.js');

const routeFromHash = () => location.hash.replace(/^#\/?/, '').split(/[/?]/)[0];
/** What follows the page in the address, e.g. a client's id in #/clients/<id>. */
const routeParam = () => decodeURIComponent(location.hash.replace(/^#\/?/, '').split('?')[0].split('/')[1] || '');

const languageSwitch = () => html`
  <div class="language" role="group" aria-label=${t('app.language')}>
    ${Object.entries(LOCALES).map(([code, name]) => html`
      <button type="button" class="lang" lang=${code} title=${name} aria-pressed=${code === currentLocale() ? 'true' : 'false'}
        data-testid=${`lang-${code}`} @click=${() => setLocale(code)}>${code.toUpperCase()}</button>`)}
  </div>`;

/** The shell: sign-in, who is signed in, navigation by role, the language, and the current page. */
class CordeeApp extends CordeeElement {
  static properties = {
    viewer: { state: true }, phase: { state: true }, error: { state: true }, route: { state: true }, param: { state: true },
    codeError: { state: true },
  };

  constructor() {
    super();
    this.phase = 'loading';
    this.route = routeFromHash();
    this.param = routeParam();
    this.onHash = () => {
      this.route = routeFromHash();
      this.param = routeParam();
      if (this.viewer && !this.route) this.goHome();
    };
    this.onSessionEnded = () => {
      if (this.phase === 'ready') {
        this.viewer = null;
        this.phase = 'signed-out';
      }
    };
  }

  connectedCallback() {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
    window.addEventListener('cordee-unauthenticated', this.onSessionEnded);
    // the page named in the address (a reload, a bookmark) downloads while the viewer is asked for
    if (PAGES[this.route]) loadCode(this.route, PAGES[this.route].load).catch(() => {});
    this.loadViewer();
  }

  disconnectedCallback() {
    window.removeEventListener('hashchange', this.onHash);
    window.removeEventListener('cordee-unauthenticated', this.onSessionEnded);
    super.disconnectedCallback();
  }

  goHome() {
    location.replace(`#/${(PAGES_BY_ROLE[this.viewer.user.role] || ['clients'])[0]}`);
    this.route = routeFromHash();
    this.param = routeParam();
  }

  updated() {
    const page = this.phase === 'ready' && PAGES[this.route];
    // a page with a subject (one client) names it itself once loaded
    if (!this.param) document.title = page ? `${t(page.label)} · ${this.viewer.agency.name} · Cordée` : 'Cordée';
  }

  async loadViewer() {
    this.phase = 'loading';
    this.error = null;
    // asked beside the viewer, not after its 401: the sign-in page appears one round trip sooner (ADR 41)
    const setupStatus = gql('{ setupStatus { needed signupOpen } }').then((d) => d.setupStatus, () => null);
    try {
      this.signedIn((await gql(VIEWER)).viewer);
    } catch (e) {
      if (e instanceof GraphQLError && e.unauthenticated) {
        this.signedOut(await setupStatus);
      } else {
        this.error = e.message;
        this.phase = 'error';
      }
    }
  }

  /** Nobody is signed in: the setup page on an instance without an agency (ADR 27), else the sign-in form. */
  signedOut(setupStatus) {
    this.signupOpen = setupStatus?.signupOpen;
    this.phase = setupStatus?.needed ? 'setup' : 'signed-out';
  }

  signedIn(viewer) {
    setServerClock(viewer.agency); // "today" is the server's, in the agency's time zone
    this.viewer = viewer;
    this.phase = 'ready';
    loadCode('top-bar', TOP_BAR).catch(() => {}); // until it arrives the bar simply lacks the two
    if ((!this.route || !PAGES[this.route]) && !['accept', 'digest-off', 'reset'].includes(this.route)) {
      this.goHome();
    }
  }

  async signOut() {
    try {
      await gql('mutation { signOut { signedOut } }');
    } catch (e) {
      // The session is forgotten on this side either way.
    } finally {
      this.viewer = null;
      this.phase = 'signed-out';
      history.replaceState(null, '', '/');
      this.route = '';
      this.param = '';
    }
  }

  /**
   * `render()` once the code of `key` has run; meanwhile the loading state; if it could not be downloaded,
   * an error whose Retry reloads the page (a browser may keep a failed module for the document's life, so
   * importing it again could fail without asking the server; ADR 41).
   */
  withCode(key, load, render) {
    if (code.get(key)?.ready) return render();
    if (this.codeError === key) {
      return failure(t('app.codeFailed'), () => location.reload());
    }
    loadCode(key, load).then(() => this.requestUpdate(), () => { this.codeError = key; });
    return loading();
  }

  render() {
    // an invitation link (#/accept/<token>, ADR 30) opens the accept page, signed in or not
    if (this.route === 'accept' && this.phase !== 'loading') {
      return html`<main class="centered">${this.withCode('accept', ACCEPT, () => html`<cordee-accept .token=${this.param}
        @signed-in=${(e) => { history.replaceState(null, '', '/'); this.route = ''; this.param = ''; this.signedIn(e.detail); }}>
        </cordee-accept>`)}</main>`;
    }
    // the unsubscribe link of a weekly digest mail (#/digest-off/<token>, ADR 40), signed in or not
    if (this.route === 'digest-off' && this.phase !== 'loading') {
      return html`<main class="centered">${this.withCode('digest-off', DIGEST_OFF, () => html`<cordee-digest-off .token=${this.param}></cordee-digest-off>`)}</main>`;
    }
    // a password reset link (#/reset/<token>, ADR 39) opens the reset page, signed in or not
    if (this.route === 'reset' && this.phase !== 'loading') {
      return html`<main class="centered">${this.withCode('account', ACCOUNT, () => html`<cordee-reset .token=${this.param}
        @signed-in=${(e) => { history.replaceState(null, '', '/'); this.route = ''; this.param = ''; this.signedIn(e.detail); }}>
        </cordee-reset>`)}</main>`;
    }
    switch (this.phase) {
      case 'loading':
        return html`<main class="centered">${loading()}</main>`;
      case 'error':
        return html`<main class="centered">${failure(this.error, () => this.loadViewer())}</main>`;
      case 'signed-out':
        return html`<main class="centered"><cordee-sign-in .signupOpen=${this.signupOpen} @signed-in=${(e) => this.afterSignIn(e.detail)}
          @sign-up=${() => { this.phase = 'signup'; }} @forgot=${() => { this.phase = 'forgot'; }}></cordee-sign-in></main>`;
      case 'forgot':
        return html`<main class="centered">${this.withCode('account', ACCOUNT, () => html`<cordee-forgot
          @cancel=${() => { this.phase = 'signed-out'; }}></cordee-forgot>`)}</main>`;
      case 'setup':
      case 'signup':
        return html`<main class="centered">${this.withCode('setup', SETUP, () => html`<cordee-setup .mode=${this.phase}
          @signed-in=${(e) => this.afterSignIn(e.detail)} @cancel=${() => { this.phase = 'signed-out'; }}></cordee-setup>`)}</main>`;
      default:
        return this.shell();
    }
  }

  shell() {
    const allowed = PAGES_BY_ROLE[this.viewer.user.role] || [];
    const page = PAGES[this.route];
    return html`
      <a class="skip" href="#content" @click=${(e) => { e.preventDefault(); this.querySelector('#content')?.focus(); }}>${t('app.skip')}</a>
      <header class="topbar">
        <span class="brand">Cordée</span>
        <span class="agency" data-testid="agency-name">${this.viewer.agency.name}</span>
        <nav aria-label=${t('nav.label')} data-testid="nav">
          ${allowed.filter((name) => !PAGES[name].subPage).map((name) => html`<a href=${`#/${name}`} data-page=${name}
            aria-current=${this.route === name ? 'page' : 'false'}>${t(PAGES[name].label)}</a>`)}
        </nav>
        <span class="spacer"></span>
        <cordee-search></cordee-search>
        ${allowed.includes('alerts') ? html`<cordee-bell></cordee-bell>` : nothing}
        ${languageSwitch()}
        <a class="who" href="#/account" data-testid="account-link" title=${t('nav.account')}>${this.viewer.user.displayName} <span class="muted">· ${t(`role.${this.viewer.user.role}`)}</span></a>
        <button type="button" class="secondary" data-testid="sign-out" @click=${() => this.signOut()}>${t('signOut')}</button>
      </header>
      <main id="content" tabindex="-1">
        ${!page ? html`<p class="card">${t('app.notFound')}</p>`
          : !allowed.includes(this.route) && this.route !== 'account' ? html`<p class="card" role="alert" data-testid="not-allowed">${t('app.notAllowed')}</p>`
            : this.withCode(this.route, page.load, () => page.render(this.viewer, this.param))}
      </main>`;
  }

  afterSignIn(viewer) {
    const next = new URLSearchParams(location.search).get('next');
    if (next && next.startsWith('/') && !next.startsWith('//')) {
      location.assign(next);
      return;
    }
    this.signedIn(viewer);
  }
}

class CordeeSignIn extends CordeeElement {
  static properties = { busy: { state: true }, message: { state: true }, signupOpen: {}, second: { state: true } };

  async submit(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    this.busy = true;
    this.message = null;
    try {
      const { signIn } = await gql(SIGN_IN, { input: { email: form.get('email'), password: form.get('password') } });
      if (signIn.userErrors.length) {
        this.message = signIn.userErrors.map((e) => e.message).join(' ');
      } else if (signIn.secondFactor) {
        await SECOND_FACTOR();
        this.second = signIn.secondFactor;
      } else {
        this.dispatchEvent(new CustomEvent('signed-in', { detail: signIn.viewer, bubbles: true }));
      }
    } catch (e) {
      this.message = e.message;
    } finally {
      this.busy = false;
    }
  }

  render() {
    if (this.second) {
      return html`<cordee-second-factor .challenge=${this.second.challenge} .enrolment=${this.second.enrolment}
        @cancel=${(e) => { this.second = null; this.message = e.detail || null; }}></cordee-second-factor>`;
    }
    return html`
      <form class="card sign-in" @submit=${(e) => this.submit(e)}>
        <div class="sign-in-head"><h1>Cordée</h1>${languageSwitch()}</div>
        <p class="tagline">${t('app.tagline')}</p>
        <label>${t('signIn.email')} <input name="email" type="email" autocomplete="username" required></label>
        <label>${t('signIn.password')} <input name="password" type="password" autocomplete="current-password" required></label>
        ${this.message ? html`<p class="error" role="alert">${this.message}</p>` : nothing}
        <button type="submit" ?disabled=${this.busy}>${this.busy ? t('signIn.busy') : t('signIn.submit')}</button>
        ${this.signupOpen ? html`<button type="button" class="secondary" data-testid="sign-up"
          @click=${() => this.dispatchEvent(new CustomEvent('sign-up', { bubbles: true }))}>${t('setup.signupLink')}</button>` : nothing}
        <button type="button" class="link" data-testid="forgot-link"
          @click=${() => this.dispatchEvent(new CustomEvent('forgot', { bubbles: true }))}>${t('forgot.link')}</button>
      </form>`;
  }
}

customElements.define('cordee-app', CordeeApp);
customElements.define('cordee-sign-in', CordeeSignIn);
