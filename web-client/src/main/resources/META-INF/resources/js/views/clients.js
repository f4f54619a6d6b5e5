import { html, nothing } from 'lit';
import { gql } from '../graphql.js';
import { CordeeElement, loading, failure } from '../ui.js';
import { t, formatDate, formatMoney, formatPercent, addMessages } from '../i18n.js';
import { MONEY, INTERACTION_FIELDS, projectsTable, invoicesTable, interactionsList } from './relationship-parts.js';
import './interaction-form.js';
import { thisMonthIso } from '../clock.js';
import { CLIENT_FIELDS } from './client-form.js';
import './clients/portal.js';
import words from './clients.words.js';

addMessages(words);

const CLIENTS = `query Clients($after: String, $q: String, $archived: Boolean) {
  clients(first: 20, after: $after, filter: { nameContains: $q, includeArchived: $archived }) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { ${CLIENT_FIELDS}
      projects { id name status startDate launchDate feeBudget { ${MONEY} } }
      relationship { lateCommitments health { score trend { score } reciprocity { oneSided loadCarriedBy } } }
      interactions(first: 3) { totalCount nodes { ${INTERACTION_FIELDS} } } } } }`;

// At a glance next to each client: its share of the agency's capacity this month and at its peak over the
// next three months (staff), and its peak exposure over 26 weeks (owner and finance), one request for the page.
const SHARES = `query Shares($from: String!) { capacity(from: $from, months: 3) { month clients { client { id } share } } }`;
// The page's exposures through the batched Client.exposure edge: one picture for the page, whatever its size
// (ADR 54); asked apart from CLIENTS so the list shows while the picture is computed.
const EXPOSURES = `query Exposures($after: String, $q: String, $archived: Boolean) {
  clients(first: 20, after: $after, filter: { nameContains: $q, includeArchived: $archived }) {
    nodes { id exposure { peak { ${MONEY} } peakWeek } } } }`;

/** Health at a glance: the score, how it moved over the 26 weeks, and a one-sided partnership flagged. */
export const healthBadge = (relationship) => {
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
const ARCHIVE = `mutation($input: ArchiveInput!) { archiveClient(input: $input) {
  client { id name version archived } userErrors { field message code } } }`;
const RESTORE = `mutation($input: ArchiveInput!) { restoreClient(input: $input) {
  client { id name version archived } userErrors { field message code } } }`;

/** Clients and their projects; OWNER and FINANCE can open each client's invoices (one query each, on demand). */
class ClientsView extends CordeeElement {
  static properties = {
    role: {}, clients: { state: true }, total: { state: true }, pageInfo: { state: true },
    busy: { state: true }, error: { state: true }, invoices: { state: true },
    shares: { state: true }, exposure: { state: true },
    editing: { state: true }, notice: { state: true }, showArchived: { state: true }, archiving: { state: true },
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
      const variables = { after: more ? this.pageInfo.endCursor : null, q: this.query || null,
        archived: Boolean(this.showArchived) };
      const { clients } = await gql(CLIENTS, variables);
      this.clients = more ? [...this.clients, ...clients.nodes] : clients.nodes;
      this.total = clients.totalCount;
      this.pageInfo = clients.pageInfo;
      this.glance(clients.nodes, !more, variables);
    } catch (e) {
      this.error = e.message;
    } finally {
      this.busy = false;
    }
  }

  /** Capacity shares (once) and, for money roles, the page's exposures; the list shows without them meanwhile. */
  async glance(page, first, variables) {
    try {
      if (first || !this.shares) {
        const { capacity } = await gql(SHARES, { from: thisMonthIso() });
        const shares = {};
        capacity.forEach((month, i) => month.clients.forEach(({ client, share }) => {
          const s = shares[client.id] ?? { now: 0, peak: 0 };
          shares[client.id] = { now: i === 0 ? share : s.now, peak: Math.max(s.peak, share) };
        }));
        this.shares = shares;
      }
      if (this.money && page.length > 0) {
        const { clients } = await gql(EXPOSURES, variables);
        this.exposure = { ...this.exposure, ...Object.fromEntries(clients.nodes.map((c) => [c.id, c.exposure])) };
      }
    } catch (e) {
      this.glanceError = e.message;
    }
  }

  glanceBadges(c) {
    const share = this.shares?.[c.id];
    const exposure = this.exposure?.[c.id];
    return html`
      ${share ? html`<span class="pill ${share.peak >= 0.5 ? 'late' : share.peak >= 0.3 ? 'warn' : ''}" data-testid="share"
        title=${t('clients.shareTitle')}>${t('clients.share', { now: formatPercent(share.now), peak: formatPercent(share.peak) })}</span>` : nothing}
      ${exposure && Number(exposure.peak.amount) > 0 ? html`<span class="pill" data-testid="exposure" title=${t('clients.exposureTitle')}>
        ${t('clients.exposure', { amount: formatMoney(exposure.peak) })}</span>` : nothing}`;
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

  /** Staff create, edit and archive clients; a CLIENT user never sees this page. */
  get staff() {
    return ['OWNER', 'FINANCE', 'LEAD'].includes(this.role);
  }

  saved({ client, created }) {
    this.editing = null;
    this.notice = { key: created ? 'clientForm.created' : 'clientForm.saved', name: client.name };
    this.load(false);
    this.focusNotice();
  }

  focusNotice() {
    this.updateComplete.then(() => this.querySelector('[data-testid=client-notice]')?.focus());
  }

  /** Archive (or restore, the undo) with the version shown; a stale one is a conflict to reload. */
  async setArchived(client, archived) {
    this.archiving = client.id;
    try {
      const data = await gql(archived ? ARCHIVE : RESTORE, { input: { id: client.id, version: client.version } });
      const payload = archived ? data.archiveClient : data.restoreClient;
      if (payload.userErrors.length) {
        const conflict = payload.userErrors.some((e) => e.code === 'CONFLICT');
        this.notice = conflict ? { key: 'clientForm.conflict', conflict: true }
          : { text: payload.userErrors.map((e) => e.message).join(' '), conflict: true };
      } else {
        this.notice = { key: archived ? 'clients.archived' : 'clients.restored', name: payload.client.name,
          undo: archived ? payload.client : null };
      }
    } catch (e) {
      this.notice = { text: e.message, conflict: true };
    } finally {
      this.archiving = null;
    }
    await this.load(false);
    this.focusNotice();
  }

  noticeBar() {
    const n = this.notice;
    if (!n) return nothing;
    return html`<div class="notice ${n.conflict ? 'conflict' : ''}" role=${n.conflict ? 'alert' : 'status'} tabindex="-1"
        data-testid="client-notice">
      <span>${n.text ?? t(n.key, { name: n.name })}</span>
      ${n.undo ? html`<button type="button" class="secondary small" data-testid="undo-archive" ?disabled=${this.archiving}
        @click=${() => this.setArchived(n.undo, false)}>${t('clients.undo')}</button>` : nothing}
      ${n.conflict ? html`<button type="button" class="secondary small" @click=${() => { this.notice = null; this.load(false); }}>
        ${t('clientForm.reload')}</button>` : nothing}
    </div>`;
  }

  form(client) {
    return html`<cordee-client-form .client=${client} .role=${this.role}
      @client-saved=${(e) => this.saved(e.detail)} @client-cancel=${() => { this.editing = null; }}
      @client-reload=${() => { this.editing = null; this.notice = null; this.load(false); }}></cordee-client-form>`;
  }

  render() {
    return html`
      <div class="page-head">
        <h1 class="page-title">${t('clients.title')} ${this.total !== undefined ? html`<span class="count">${this.total}</span>` : nothing}</h1>
        <label class="inline">${t('clients.search')}
          <input type="search" placeholder=${t('clients.searchPlaceholder')} @input=${(e) => this.search(e)}></label>
        ${this.staff ? html`
          <label class="check"><input type="checkbox" data-testid="show-archived" .checked=${Boolean(this.showArchived)}
            @change=${(e) => { this.showArchived = e.target.checked; this.load(false); }}>${t('clients.showArchived')}</label>
          <button type="button" data-testid="new-client" ?disabled=${this.editing === 'new'}
            @click=${() => { this.editing = 'new'; this.notice = null; }}>${t('clients.new')}</button>` : nothing}
      </div>
      ${this.noticeBar()}
      ${this.editing === 'new' ? this.form(null) : nothing}
      ${this.error ? failure(this.error, () => this.load(false)) : nothing}
      <ul class="clients" data-testid="clients">
        ${this.clients.map((c) => html`
          <li class="card client ${c.archived ? 'archived' : ''}" data-client=${c.id}>
            <div class="client-head"><h2><a href=${`#/clients/${c.id}`} data-testid="client-link">${c.name}</a></h2><span class="badge">${t(`segment.${c.segment}`)}</span>
              ${c.archived ? html`<span class="pill" data-testid="archived">${t('clients.archivedBadge')}</span>` : nothing}
              ${healthBadge(c.relationship)}
              ${this.glanceBadges(c)}
              <span class="terms">${t('clients.terms', { n: c.paymentTermsDays })}</span>
              <span class="spacer"></span>
              ${this.money ? html`<button type="button" class="secondary small" aria-expanded=${this.invoices[c.id] ? 'true' : 'false'}
                @click=${() => this.toggleInvoices(c.id)}>${this.invoices[c.id] ? t('clients.hideInvoices') : t('clients.showInvoices')}</button>` : nothing}
              ${this.staff && !c.archived ? html`<button type="button" class="secondary small" data-testid="edit-client"
                aria-label="${t('clients.edit')} · ${c.name}" @click=${() => { this.editing = c.id; this.notice = null; }}>${t('clients.edit')}</button>
                <button type="button" class="danger small" data-testid="archive-client" aria-label="${t('clients.archive')} · ${c.name}"
                ?disabled=${this.archiving === c.id} @click=${() => this.setArchived(c, true)}>${t('clients.archive')}</button>` : nothing}
              ${this.staff && c.archived ? html`<button type="button" class="secondary small" data-testid="restore-client"
                ?disabled=${this.archiving === c.id} @click=${() => this.setArchived(c, false)}>${t('clients.restore')}</button>` : nothing}
            </div>
            ${this.editing === c.id ? this.form(c) : nothing}
            ${c.segment === 'STARTUP' && c.funding ? this.fundingLine(c.funding) : nothing}
            ${projectsTable(c.projects, { money: this.money })}
            ${this.interactionsBlock(c)}
            ${this.invoiceBlock(c.id)}
          </li>`)}
      </ul>
      ${this.busy ? loading() : nothing}
      ${!this.busy && this.clients.length === 0 && !this.error ? html`<p class="muted">${t('clients.none')}</p>` : nothing}
      ${this.pageInfo?.hasNextPage && !this.busy
        ? html`<button class="secondary" @click=${() => this.load(true)}>${t('clients.more')}</button>` : nothing}`;
  }

  fundingLine(f) {
    const parts = [
      f.stage ? t(`funding.stage.${f.stage}`) : null,
      f.runwayEnd ? t('clients.runwayEnd', { date: formatDate(f.runwayEnd) }) : null,
      f.nextRoundExpected ? t('clients.nextRound', { date: formatDate(f.nextRoundExpected) }) : null,
      f.nextRoundStatus ? t(`funding.round.${f.nextRoundStatus}`) : null,
    ].filter(Boolean);
    return parts.length ? html`<p class="muted small" data-testid="funding-line">${parts.join(' · ')}</p>` : nothing;
  }

  interactionsBlock(c) {
    return html`
      <h3>${t('clients.interactions')}</h3>
      ${interactionsList(c.interactions.nodes)}
      <cordee-interaction-form .clientId=${c.id} @interaction-logged=${() => this.load(false)}></cordee-interaction-form>`;
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

customElements.define('cordee-clients', ClientsView);
