import { html, nothing } from 'lit';
import { gql } from '../../graphql.js';
import { CordeeElement, loading, failure } from '../../ui.js';
import { t, formatDate } from '../../i18n.js';
import { MONEY, INTERACTIONS, MORE_INTERACTIONS, projectsTable, invoicesTable, commitmentsTable, agreementsList,
  interactionsList } from '../relationship-parts.js';
import { PLAN_FIELDS, commentsTimeline } from '../game-plan.js';

const PORTAL = `query Portal($after: String) {
  clients(first: 1) { nodes { id name projects { id name status startDate launchDate feeBudget { ${MONEY} } }
    ${PLAN_FIELDS}
    ${INTERACTIONS} } }
  briefs(first: 50) { nodes { id title project { name }
    currentVersion { id number status version launchDate
      requirements { key title priority estimateDays }
      signatures { party signedBy signedAt versionNumber } feasibility { verdict } } } }
  invoices(first: 100) { totalCount
    nodes { id label status issueDate dueDate paidDate amount { ${MONEY} } balanceDue { ${MONEY} } project { name } } } }`;

const SIGN = `mutation($input: SignBriefVersionInput!) { signBriefVersion(input: $input) {
  briefVersion { id status } userErrors { field message code } } }`;

/**
 * The client portal: the signed-in client's own projects, briefs (which they sign), commitments,
 * game plan, interactions (never the agency's internal notes: the API leaves them out) which they log
 * too, and invoices — the transparency the partnership runs on — and nothing else.
 */
class Portal extends CordeeElement {
  static properties = {
    agency: {}, data: { state: true }, error: { state: true }, signing: { state: true }, more: { state: true },
    planSaved: { state: true },
  };

  /** After a delivery or a comment (ADR 64): reloads keeping the page on screen, and says it was saved. */
  async planChanged() {
    try {
      this.data = await gql(PORTAL);
      this.planSaved = true;
    } catch (e) {
      this.error = e.message;
    }
  }

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
    this.more = null;
    try {
      this.data = await gql(PORTAL);
    } catch (e) {
      this.error = e.message;
    }
  }

  /** The next page of interactions, appended to those shown. */
  async loadMore() {
    const client = this.data.clients.nodes[0];
    this.more = { busy: true };
    try {
      const page = (await gql(MORE_INTERACTIONS, { id: client.id, after: client.interactions.pageInfo.endCursor })).client.interactions;
      const interactions = { ...page, nodes: [...client.interactions.nodes, ...page.nodes] };
      this.data = { ...this.data, clients: { nodes: [{ ...client, interactions }] } };
      this.more = null;
    } catch (e) {
      this.more = { error: e.message };
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
          ${this.planSaved ? html`<p class="live" role="status" data-testid="portal-plan-saved">${t('gamePlan.saved')}</p>` : nothing}
          <h3>${t('portal.commitments')}</h3>
          ${commitmentsTable(client.commitments, { testid: 'portal-commitments', actions: (c) => (c.deliveredDate ? nothing
            : html`<cordee-deliver-commitment .commitment=${c} @plan-changed=${() => this.planChanged()}></cordee-deliver-commitment>`) })}
          <h3>${t('portal.gamePlan')}</h3>
          ${agreementsList(client.agreements, { testid: 'portal-agreements', actions: (a) => html`<cordee-agreement-comment .agreement=${a}
            @plan-changed=${() => this.planChanged()}></cordee-agreement-comment>` })}
          <h3>${t('plan.timeline')}</h3>
          ${commentsTimeline(client, { testid: 'portal-timeline' })}
          <h3>${t('portal.interactions')} <span class="count">${client.interactions.totalCount}</span></h3>
          ${interactionsList(client.interactions.nodes, { testid: 'portal-interactions', staff: false })}
          ${this.more?.error ? failure(this.more.error, () => this.loadMore()) : nothing}
          <div class="actions">
            ${client.interactions.pageInfo.hasNextPage ? html`<button type="button" class="secondary small"
              data-testid="more-interactions" ?disabled=${this.more?.busy} @click=${() => this.loadMore()}>${t('clients.more')}</button>` : nothing}
            <cordee-interaction-form .clientId=${client.id} clientSide @interaction-logged=${() => this.load()}></cordee-interaction-form>
          </div>
          <h3>${t('portal.invoices')}</h3>
          ${invoicesTable(this.data.invoices.nodes, { staff: false })}
        </section>` : nothing}`;
  }
}

customElements.define('cordee-portal', Portal);
