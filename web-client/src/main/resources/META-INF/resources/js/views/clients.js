import { html, nothing } from 'lit';
import { gql } from '../graphql.js';
import { CordeeElement, loading, failure, fieldErrors } from '../ui.js';
import { t, formatDate, formatMoney } from '../i18n.js';

const MONEY = 'amount amountMinor currency';
const CLIENTS = `query Clients($after: String, $q: String) {
  clients(first: 20, after: $after, filter: { nameContains: $q }) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id name segment paymentTermsDays
      projects { id name status startDate launchDate feeBudget { ${MONEY} } }
      relationship { lateCommitments health { score trend { score } reciprocity { oneSided loadCarriedBy } } }
      interactions(first: 3) { totalCount nodes { id date kind summary agencyEnergy clientEnergy internal } } } } }`;
const LOG_INTERACTION = `mutation($input: CreateInteractionInput!) { createInteraction(input: $input) {
  interaction { id } userErrors { field message code } } }`;
const KINDS = ['MEETING', 'CALL', 'WORKSHOP', 'EMAIL'];
const today = () => new Date().toLocaleDateString('sv');

/** Health at a glance: the score, how it moved over the 26 weeks, and a one-sided partnership flagged. */
const healthBadge = (relationship) => {
  const health = relationship?.health;
  if (!health) return nothing;
  const first = health.trend[0]?.score ?? health.score;
  const move = health.score - first;
  const tone = health.score >= 70 ? 'good' : health.score >= 50 ? 'fair' : 'poor';
  return html`<span class="pill health-${tone}" data-testid="health" title=${t('clients.healthTrend', { from: first })}>
      ${t('clients.health', { score: health.score })} ${move > 0 ? '↗' : move < 0 ? '↘' : '→'}</span>
    ${health.reciprocity.oneSided ? html`<span class="pill late">${t(`clients.oneSided.${health.reciprocity.loadCarriedBy}`)}</span>` : nothing}
    ${relationship.lateCommitments > 0 ? html`<span class="pill late">${t('clients.lateCommitments', { n: relationship.lateCommitments })}</span>` : nothing}`;
};
const INVOICES = `query Invoices($clientId: ID) {
  invoices(first: 100, clientId: $clientId) { totalCount
    nodes { id label status issueDate dueDate paidDate expectedPaymentDate amount { ${MONEY} } balanceDue { ${MONEY} }
      project { name } } } }`;
const PORTAL = `query Portal {
  clients(first: 1) { nodes { id name projects { id name status startDate launchDate feeBudget { ${MONEY} } }
    commitments { id title kind dueDate deliveredDate late project { name } }
    agreements { id what ownerSide ownerName dueDate status } } }
  briefs(first: 50) { nodes { id title project { name }
    currentVersion { id number status version launchDate
      requirements { key title priority estimateDays }
      signatures { party signedBy signedAt versionNumber } feasibility { verdict } } } }
  invoices(first: 100) { totalCount
    nodes { id label status issueDate dueDate paidDate amount { ${MONEY} } balanceDue { ${MONEY} } project { name } } } }`;

const projectsTable = (projects) => (projects.length === 0 ? html`<p class="muted">${t('clients.noProject')}</p>` : html`
  <div class="scroll"><table class="projects">
    <thead><tr><th>${t('project.name')}</th><th>${t('project.status')}</th><th>${t('project.start')}</th>
      <th>${t('project.launch')}</th><th class="num">${t('project.fee')}</th></tr></thead>
    <tbody>${projects.map((p) => html`
      <tr><td>${p.name}</td><td><span class="pill status-${p.status}">${t(`status.${p.status}`)}</span></td>
        <td>${formatDate(p.startDate)}</td><td>${formatDate(p.launchDate)}</td>
        <td class="num">${formatMoney(p.feeBudget)}</td></tr>`)}
    </tbody></table></div>`);

const invoicesTable = (invoices, { staff }) => (invoices.length === 0 ? html`<p class="muted">${t('clients.noInvoice')}</p>` : html`
  <div class="scroll"><table class="invoices">
    <thead><tr><th>${t('invoice.label')}</th><th>${t('project.name')}</th><th>${t('invoice.status')}</th>
      <th>${t('invoice.due')}</th><th>${staff ? t('invoice.paidOrExpected') : t('invoice.paidOn')}</th>
      <th class="num">${t('invoice.amount')}</th><th class="num">${t('invoice.balance')}</th></tr></thead>
    <tbody>${invoices.map((i) => html`
      <tr><td>${i.label}</td><td>${i.project.name}</td>
        <td><span class="pill invoice-${i.status}">${t(`invoice.${i.status}`)}</span></td>
        <td>${formatDate(i.dueDate)}</td>
        <td>${staff && i.status !== 'PAID' && i.expectedPaymentDate
          ? html`<span class="muted">${formatDate(i.expectedPaymentDate)}</span>` : formatDate(i.paidDate)}</td>
        <td class="num">${formatMoney(i.amount, { cents: true })}</td>
        <td class="num">${formatMoney(i.balanceDue, { cents: true })}</td></tr>`)}
    </tbody></table></div>`);

/** Clients and their projects; OWNER and FINANCE can open each client's invoices (one query each, on demand). */
class ClientsView extends CordeeElement {
  static properties = {
    role: {}, clients: { state: true }, total: { state: true }, pageInfo: { state: true },
    busy: { state: true }, error: { state: true }, invoices: { state: true }, logging: { state: true },
  };

  constructor() {
    super();
    this.clients = [];
    this.query = '';
    this.invoices = {};
  }

  connectedCallback() {
    super.connectedCallback();
    this.load(false);
  }

  get money() {
    return this.role === 'OWNER' || this.role === 'FINANCE';
  }

  async load(more) {
    this.busy = true;
    this.error = null;
    try {
      const { clients } = await gql(CLIENTS, { after: more ? this.pageInfo.endCursor : null, q: this.query || null });
      this.clients = more ? [...this.clients, ...clients.nodes] : clients.nodes;
      this.total = clients.totalCount;
      this.pageInfo = clients.pageInfo;
    } catch (e) {
      this.error = e.message;
    } finally {
      this.busy = false;
    }
  }

  search(event) {
    this.query = event.target.value.trim();
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => this.load(false), 250);
  }

  async toggleInvoices(clientId) {
    if (this.invoices[clientId]) {
      const { [clientId]: _, ...rest } = this.invoices;
      this.invoices = rest;
      return;
    }
    this.invoices = { ...this.invoices, [clientId]: { loading: true } };
    try {
      const { invoices } = await gql(INVOICES, { clientId });
      this.invoices = { ...this.invoices, [clientId]: { nodes: invoices.nodes } };
    } catch (e) {
      this.invoices = { ...this.invoices, [clientId]: { error: e.message } };
    }
  }

  render() {
    return html`
      <div class="page-head">
        <h1 class="page-title">${t('clients.title')} ${this.total !== undefined ? html`<span class="count">${this.total}</span>` : nothing}</h1>
        <label class="inline">${t('clients.search')}
          <input type="search" placeholder=${t('clients.searchPlaceholder')} @input=${(e) => this.search(e)}></label>
      </div>
      ${this.error ? failure(this.error, () => this.load(false)) : nothing}
      <ul class="clients" data-testid="clients">
        ${this.clients.map((c) => html`
          <li class="card client">
            <div class="client-head"><h2>${c.name}</h2><span class="badge">${t(`segment.${c.segment}`)}</span>
              ${healthBadge(c.relationship)}
              <span class="terms">${t('clients.terms', { n: c.paymentTermsDays })}</span>
              <span class="spacer"></span>
              ${this.money ? html`<button type="button" class="secondary small" aria-expanded=${this.invoices[c.id] ? 'true' : 'false'}
                @click=${() => this.toggleInvoices(c.id)}>${this.invoices[c.id] ? t('clients.hideInvoices') : t('clients.showInvoices')}</button>` : nothing}
            </div>
            ${projectsTable(c.projects)}
            ${this.interactionsBlock(c)}
            ${this.invoiceBlock(c.id)}
          </li>`)}
      </ul>
      ${this.busy ? loading() : nothing}
      ${!this.busy && this.clients.length === 0 && !this.error ? html`<p class="muted">${t('clients.none')}</p>` : nothing}
      ${this.pageInfo?.hasNextPage && !this.busy
        ? html`<button class="secondary" @click=${() => this.load(true)}>${t('clients.more')}</button>` : nothing}`;
  }

  interactionsBlock(c) {
    const form = this.logging?.clientId === c.id ? this.logging : null;
    return html`
      <h3>${t('clients.interactions')}</h3>
      ${c.interactions.nodes.length === 0 ? html`<p class="muted">${t('clients.noInteraction')}</p>` : html`
        <ul class="interactions" data-testid="interactions">${c.interactions.nodes.map((i) => html`
          <li><span class="muted">${formatDate(i.date)} · ${t(`interaction.${i.kind}`)}</span> ${i.summary}
            <span class="muted">· ${t('clients.energy', { agency: i.agencyEnergy ?? '—', client: i.clientEnergy ?? '—' })}</span>
            ${i.internal ? html`<span class="pill">${t('clients.internal')}</span>` : nothing}</li>`)}</ul>`}
      ${form ? this.interactionForm(c, form) : html`<button type="button" class="secondary small" data-testid="log-interaction"
        @click=${() => { this.logging = { clientId: c.id, date: today(), kind: 'MEETING', summary: '', agencyEnergy: '4', clientEnergy: '4' }; }}>
        ${t('clients.logInteraction')}</button>`}`;
  }

  interactionForm(c, form) {
    const set = (field) => (e) => { this.logging = { ...this.logging, [field]: e.target.value }; };
    const energy = (field) => html`<select name=${field} .value=${form[field]} @change=${set(field)}>
      ${['', '1', '2', '3', '4', '5'].map((v) => html`<option value=${v} ?selected=${form[field] === v}>${v || '—'}</option>`)}</select>`;
    return html`
      <form class="interaction-form" data-testid="interaction-form" @submit=${(e) => { e.preventDefault(); this.logInteraction(c); }}>
        <label>${t('clients.date')}<input type="date" name="date" .value=${form.date} @input=${set('date')}
          aria-describedby="interaction-date-error">${fieldErrors(form.errors, 'date', 'interaction-date-error')}</label>
        <label>${t('clients.kind')}<select name="kind" @change=${set('kind')}>
          ${KINDS.map((k) => html`<option value=${k} ?selected=${form.kind === k}>${t(`interaction.${k}`)}</option>`)}</select></label>
        <label class="wide">${t('clients.summary')}<input name="summary" maxlength="5000" .value=${form.summary}
          @input=${set('summary')} aria-describedby="interaction-summary-error">
          ${fieldErrors(form.errors, 'summary', 'interaction-summary-error')}</label>
        <label>${t('clients.agencyEnergy')}${energy('agencyEnergy')}</label>
        <label>${t('clients.clientEnergy')}${energy('clientEnergy')}</label>
        <button type="submit" ?disabled=${form.busy}>${t('clients.save')}</button>
        <button type="button" class="secondary" @click=${() => { this.logging = null; }}>${t('clients.cancel')}</button>
      </form>`;
  }

  async logInteraction(c) {
    const form = this.logging;
    this.logging = { ...form, busy: true, errors: [] };
    const number = (v) => (v === '' ? null : Number(v));
    try {
      const { createInteraction } = await gql(LOG_INTERACTION, { input: { clientId: c.id, date: form.date, kind: form.kind,
        summary: form.summary, agencyEnergy: number(form.agencyEnergy), clientEnergy: number(form.clientEnergy) } });
      if (createInteraction.userErrors.length) {
        this.logging = { ...form, busy: false, errors: createInteraction.userErrors };
        return;
      }
      this.logging = null;
      await this.load(false);
    } catch (e) {
      this.logging = { ...form, busy: false, errors: [{ field: ['summary'], message: e.message }] };
    }
  }

  invoiceBlock(clientId) {
    const state = this.invoices[clientId];
    if (!state) return nothing;
    return html`<div class="client-invoices"><h3>${t('clients.invoices')}</h3>
      ${state.loading ? loading() : nothing}
      ${state.error ? failure(state.error, () => { this.invoices = { ...this.invoices, [clientId]: null }; this.toggleInvoices(clientId); }) : nothing}
      ${state.nodes ? invoicesTable(state.nodes, { staff: true }) : nothing}</div>`;
  }
}

const SIGN = `mutation($input: SignBriefVersionInput!) { signBriefVersion(input: $input) {
  briefVersion { id status } userErrors { field message code } } }`;

const commitmentsTable = (commitments) => (commitments.length === 0 ? html`<p class="muted">${t('portal.noCommitment')}</p>` : html`
  <div class="scroll"><table class="commitments" data-testid="portal-commitments">
    <thead><tr><th>${t('portal.commitment')}</th><th>${t('project.name')}</th><th>${t('portal.due')}</th>
      <th>${t('portal.delivered')}</th></tr></thead>
    <tbody>${commitments.map((c) => html`
      <tr class=${c.late ? 'late' : ''}><td>${c.title}</td><td>${c.project?.name ?? '—'}</td><td>${formatDate(c.dueDate)}</td>
        <td>${c.deliveredDate ? formatDate(c.deliveredDate) : c.late ? html`<span class="pill late">${t('portal.late')}</span>` : '—'}</td></tr>`)}
    </tbody></table></div>`);

const agreementsList = (agreements) => (agreements.length === 0 ? html`<p class="muted">${t('portal.noAgreement')}</p>` : html`
  <ul class="agreements" data-testid="portal-agreements">${agreements.map((a) => html`
    <li><span class="pill">${t(`portal.side.${a.ownerSide}`)}</span> ${a.what}
      ${a.ownerName ? html`<span class="muted">· ${a.ownerName}</span>` : nothing}
      ${a.dueDate ? html`<span class="muted">· ${formatDate(a.dueDate)}</span>` : nothing}
      <span class="pill">${t(`portal.agreement.${a.status}`)}</span></li>`)}</ul>`);

/**
 * The client portal: the signed-in client's own projects, briefs (which they sign), commitments,
 * game plan and invoices — the transparency the partnership runs on — and nothing else.
 */
class Portal extends CordeeElement {
  static properties = { agency: {}, data: { state: true }, error: { state: true }, signing: { state: true } };

  async sign(version) {
    this.signing = { id: version.id, busy: true };
    try {
      const { signBriefVersion } = await gql(SIGN, { input: { id: version.id, version: version.version } });
      if (signBriefVersion.userErrors.length) {
        this.signing = { id: version.id, error: signBriefVersion.userErrors.map((e) => e.message).join(' ') };
        return;
      }
      this.signing = { id: version.id, done: true };
      await this.load();
    } catch (e) {
      this.signing = { id: version.id, error: e.message };
    }
  }

  briefCard(brief) {
    const v = brief.currentVersion;
    const signedByClient = v.signatures.some((s) => s.party === 'CLIENT' && s.versionNumber === v.number);
    const signing = this.signing?.id === v.id ? this.signing : null;
    return html`
      <li class="brief" data-brief=${brief.id}>
        <div class="client-head"><h4>${brief.title}</h4>
          <span class="muted">${brief.project.name} · ${t('portal.version', { n: v.number })}</span>
          <span class="pill brief-${v.status}" data-testid="brief-status">${t(`portal.brief.${v.status}`)}</span>
          ${v.feasibility ? html`<span class="pill verdict-${v.feasibility.verdict}">${t(`portal.verdict.${v.feasibility.verdict}`)}</span>` : nothing}</div>
        <ul class="requirements">${v.requirements.map((r) => html`
          <li><span class="pill">${r.priority}</span> ${r.title} <span class="muted">· ${t('portal.days', { n: r.estimateDays })}</span></li>`)}</ul>
        <p class="muted">${v.signatures.length === 0 ? t('portal.noSignature')
          : v.signatures.map((s) => t('portal.signedBy', { who: s.signedBy, date: formatDate(s.signedAt.slice(0, 10)) })).join(' · ')}</p>
        ${v.status === 'DRAFT' && !signedByClient ? html`
          <button type="button" data-testid="sign-brief" ?disabled=${signing?.busy} @click=${() => this.sign(v)}>
            ${t('portal.sign', { n: v.number })}</button>` : nothing}
        ${signing?.error ? html`<p class="field-error" role="alert">${signing.error}</p>` : nothing}
      </li>`;
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    this.error = null;
    this.data = null;
    try {
      this.data = await gql(PORTAL);
    } catch (e) {
      this.error = e.message;
    }
  }

  render() {
    if (this.error) return failure(this.error, () => this.load());
    if (!this.data) return loading();
    const client = this.data.clients.nodes[0];
    return html`
      <div class="page-head"><h1 class="page-title">${t('portal.title', { agency: this.agency })}</h1></div>
      ${client ? html`
        <section class="card client" data-testid="portal-client">
          <div class="client-head"><h2>${client.name}</h2></div>
          <h3>${t('portal.projects')}</h3>
          ${projectsTable(client.projects)}
          <h3>${t('portal.briefs')}</h3>
          ${this.data.briefs.nodes.length === 0 ? html`<p class="muted">${t('portal.noBrief')}</p>`
            : html`<ul class="briefs" data-testid="portal-briefs">${this.data.briefs.nodes.map((b) => this.briefCard(b))}</ul>`}
          <h3>${t('portal.commitments')}</h3>
          ${commitmentsTable(client.commitments)}
          <h3>${t('portal.gamePlan')}</h3>
          ${agreementsList(client.agreements)}
          <h3>${t('portal.invoices')}</h3>
          ${invoicesTable(this.data.invoices.nodes, { staff: false })}
        </section>` : nothing}`;
  }
}

customElements.define('cordee-clients', ClientsView);
customElements.define('cordee-portal', Portal);
