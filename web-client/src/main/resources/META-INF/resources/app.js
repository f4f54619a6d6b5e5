import { LitElement, html, nothing } from 'lit';
import { gql, GraphQLError } from './js/graphql.js';

const VIEWER = `{ viewer { user { displayName role } agency { name } } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) {
  viewer { user { displayName role } agency { name } } userErrors { field message code } } }`;
const CLIENTS = `query($after: String, $q: String) {
  clients(first: 20, after: $after, filter: { nameContains: $q }) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id name segment paymentTermsDays
      projects { id name status startDate launchDate feeBudget { amount currency } } } } }`;

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const formatDate = (iso) => (iso ? dateFormat.format(new Date(`${iso}T00:00:00`)) : '—');
const formatMoney = (money) =>
  money ? new Intl.NumberFormat(undefined, { style: 'currency', currency: money.currency }).format(Number(money.amount)) : '—';

/** The shell: signs in, shows who is signed in, hosts the clients view. */
class CordeeApp extends LitElement {
  static properties = { viewer: { state: true }, phase: { state: true }, error: { state: true } };

  createRenderRoot() {
    return this; // global stylesheet
  }

  constructor() {
    super();
    this.phase = 'loading';
  }

  connectedCallback() {
    super.connectedCallback();
    this.loadViewer();
  }

  async loadViewer() {
    this.phase = 'loading';
    this.error = null;
    try {
      this.viewer = (await gql(VIEWER)).viewer;
      this.phase = 'ready';
    } catch (e) {
      if (e instanceof GraphQLError && e.unauthenticated) {
        this.phase = 'signed-out';
      } else {
        this.error = e.message;
        this.phase = 'error';
      }
    }
  }

  async signOut() {
    try {
      await gql('mutation { signOut { signedOut } }');
    } finally {
      this.viewer = null;
      this.phase = 'signed-out';
    }
  }

  render() {
    switch (this.phase) {
      case 'loading':
        return html`<p class="status" role="status">Loading…</p>`;
      case 'error':
        return html`<div class="error" role="alert"><p>${this.error}</p>
          <button @click=${() => this.loadViewer()}>Retry</button></div>`;
      case 'signed-out':
        return html`<cordee-sign-in @signed-in=${(e) => { this.viewer = e.detail; this.phase = 'ready'; this.afterSignIn(); }}></cordee-sign-in>`;
      default:
        return html`
          <header class="topbar">
            <span class="brand">Cordée</span>
            <span class="agency">${this.viewer.agency.name}</span>
            <span class="spacer"></span>
            <span class="who">${this.viewer.user.displayName} · ${this.viewer.user.role}</span>
            <button class="secondary" @click=${() => this.signOut()}>Sign out</button>
          </header>
          <main><cordee-clients></cordee-clients></main>`;
    }
  }

  afterSignIn() {
    const next = new URLSearchParams(location.search).get('next');
    if (next && next.startsWith('/') && !next.startsWith('//')) {
      location.assign(next);
    }
  }
}

class CordeeSignIn extends LitElement {
  static properties = { busy: { state: true }, message: { state: true } };

  createRenderRoot() {
    return this;
  }

  async submit(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    this.busy = true;
    this.message = null;
    try {
      const { signIn } = await gql(SIGN_IN, { input: { email: form.get('email'), password: form.get('password') } });
      if (signIn.userErrors.length) {
        this.message = signIn.userErrors.map((e) => e.message).join(' ');
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
    return html`
      <form class="card sign-in" @submit=${(e) => this.submit(e)}>
        <h1>Cordée</h1>
        <p class="tagline">Client relationships and cash, roped together.</p>
        <label>E-mail <input name="email" type="email" autocomplete="username" required></label>
        <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
        ${this.message ? html`<p class="error" role="alert">${this.message}</p>` : nothing}
        <button type="submit" ?disabled=${this.busy}>${this.busy ? 'Signing in…' : 'Sign in'}</button>
      </form>`;
  }
}

class CordeeClients extends LitElement {
  static properties = {
    clients: { state: true }, total: { state: true }, pageInfo: { state: true },
    loading: { state: true }, error: { state: true },
  };

  createRenderRoot() {
    return this;
  }

  constructor() {
    super();
    this.clients = [];
    this.query = '';
  }

  connectedCallback() {
    super.connectedCallback();
    this.load(false);
  }

  async load(more) {
    this.loading = true;
    this.error = null;
    try {
      const { clients } = await gql(CLIENTS, { after: more ? this.pageInfo.endCursor : null, q: this.query || null });
      this.clients = more ? [...this.clients, ...clients.nodes] : clients.nodes;
      this.total = clients.totalCount;
      this.pageInfo = clients.pageInfo;
    } catch (e) {
      this.error = e.message;
    } finally {
      this.loading = false;
    }
  }

  search(event) {
    this.query = event.target.value.trim();
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => this.load(false), 250);
  }

  render() {
    return html`
      <div class="toolbar">
        <h2>Clients ${this.total !== undefined ? html`<span class="count">${this.total}</span>` : nothing}</h2>
        <label class="search">Search <input type="search" placeholder="Name" @input=${(e) => this.search(e)}></label>
      </div>
      ${this.error ? html`<div class="error" role="alert"><p>${this.error}</p>
        <button @click=${() => this.load(false)}>Retry</button></div>` : nothing}
      <ul class="clients">
        ${this.clients.map((c) => html`
          <li class="card client">
            <div class="client-head"><h3>${c.name}</h3><span class="badge">${c.segment}</span>
              <span class="terms">${c.paymentTermsDays} days</span></div>
            ${c.projects.length === 0 ? html`<p class="muted">No project yet.</p>` : html`
              <table>
                <thead><tr><th>Project</th><th>Status</th><th>Start</th><th>Launch</th><th class="num">Fee</th></tr></thead>
                <tbody>${c.projects.map((p) => html`
                  <tr><td>${p.name}</td><td>${p.status}</td><td>${formatDate(p.startDate)}</td>
                    <td>${formatDate(p.launchDate)}</td><td class="num">${formatMoney(p.feeBudget)}</td></tr>`)}
                </tbody>
              </table>`}
          </li>`)}
      </ul>
      ${this.loading ? html`<p class="status" role="status">Loading…</p>` : nothing}
      ${!this.loading && this.clients.length === 0 && !this.error ? html`<p class="muted">No client matches.</p>` : nothing}
      ${this.pageInfo?.hasNextPage && !this.loading
        ? html`<button class="secondary" @click=${() => this.load(true)}>Load more</button>` : nothing}`;
  }
}

customElements.define('cordee-app', CordeeApp);
customElements.define('cordee-sign-in', CordeeSignIn);
customElements.define('cordee-clients', CordeeClients);
