import { html, nothing } from 'lit';
import { gql } from '../graphql.js';
import { CordeeElement, loading, failure, stylesheet } from '../ui.js';
import { t, formatDate, formatNumber, formatPercent, addMessages } from '../i18n.js';
import { evidenceName, healthEvidenceValue } from '../evidence.js';
import { MONEY, INTERACTIONS, MORE_INTERACTIONS, projectsTable, invoicesTable, commitmentsTable, agreementsList,
  interactionsList } from './relationship-parts.js';
import './health-chart.js';
import './interaction-form.js';
import { PLAN_FIELDS, commentsTimeline } from './game-plan.js';
import words from './client-page.words.js';

addMessages(words);
await stylesheet('/js/views/client-page.css');

// One request for the whole page. Fees and invoices are asked for only by the roles that may see money:
// the API refuses invoices to a lead, and the page does not show a lead what it must not.
const CLIENT_PAGE = `query ClientPage($id: ID!, $money: Boolean!, $after: String) {
  client(id: $id) { id name segment paymentTermsDays
    projects { id name status startDate launchDate feeBudget @include(if: $money) { ${MONEY} } }
    relationship { lateCommitments
      health { asOf score
        components { kind score weight appliedWeight evidence { name value } }
        trend { week asOf score }
        reciprocity { agencyDue agencyKeptOnTime agencyOnTimePercent clientDue clientKeptOnTime clientOnTimePercent
          agencyAverageEnergy clientAverageEnergy oneSided loadCarriedBy } }
      strengths { strengths { domain agency client lead } expectations version } }
    ${PLAN_FIELDS}
    ${INTERACTIONS} }
  invoices(first: 100, clientId: $id) @include(if: $money) { totalCount
    nodes { id label status issueDate dueDate paidDate expectedPaymentDate amount { ${MONEY} } balanceDue { ${MONEY} }
      project { name } } } }`;

const DOMAINS = ['STRATEGY', 'CONTENT', 'DESIGN', 'TECH', 'MARKETING', 'DATA', 'DECISIONS'];
const domainName = (domain) => (DOMAINS.includes(domain) ? t(`domain.${domain}`) : domain);
const tone = (score) => (score >= 70 ? 'good' : score >= 50 ? 'fair' : 'poor');

/** The health score with which way it moved, the one-sided flag and the late commitments. */
const healthSummary = (relationship) => {
  const health = relationship.health;
  const first = health.trend[0];
  const move = first ? health.score - first.score : 0;
  return html`
    <div class="health-summary">
      <div class="health-score health-${tone(health.score)}" data-testid="health-score" data-score=${health.score}>
        <span class="value">${health.score}</span><span class="of">/ 100</span></div>
      <div>
        <p class="health-move">${first ? t(move > 0 ? 'client.up' : move < 0 ? 'client.down' : 'client.flat',
          { n: Math.abs(move), from: first.score, date: formatDate(first.asOf) }) : nothing}</p>
        <p class="muted small">${t('client.asOf', { date: formatDate(health.asOf) })}</p>
        <p>${health.reciprocity.oneSided
          ? html`<span class="pill late" data-testid="one-sided">${t(`clients.oneSided.${health.reciprocity.loadCarriedBy}`)}</span>`
          : html`<span class="pill health-good" data-testid="one-sided">${t('client.balanced')}</span>`}
          ${relationship.lateCommitments > 0 ? html`<span class="pill late" data-testid="late-count">${t('clients.lateCommitments',
            { n: relationship.lateCommitments })}</span>` : nothing}</p>
      </div>
    </div>`;
};

/** Who keeps their word and who brings the energy, side by side. */
const reciprocityTable = (r) => {
  const percent = (p) => (p == null ? '—' : formatPercent(p / 100));
  const energy = (e) => (e == null ? '—' : formatNumber(e, 1));
  return html`
    <table class="reciprocity" data-testid="reciprocity">
      <thead><tr><th><span class="visually-hidden">${t('client.reciprocity')}</span></th><th class="num">${t('client.side.AGENCY')}</th><th class="num">${t('client.side.CLIENT')}</th></tr></thead>
      <tbody>
        <tr><th>${t('client.keptOnTime')}</th>
          <td class="num">${t('client.keptOf', { kept: r.agencyKeptOnTime, due: r.agencyDue, percent: percent(r.agencyOnTimePercent) })}</td>
          <td class="num">${t('client.keptOf', { kept: r.clientKeptOnTime, due: r.clientDue, percent: percent(r.clientOnTimePercent) })}</td></tr>
        <tr><th>${t('client.averageEnergy')}</th>
          <td class="num">${energy(r.agencyAverageEnergy)}</td><td class="num">${energy(r.clientAverageEnergy)}</td></tr>
      </tbody></table>`;
};

/** Each component of the score: its name, score, weight in this score, and the numbers behind it. */
const componentsList = (components) => html`
  <ul class="components" data-testid="health-components">${components.map((c) => html`
    <li class="component" data-kind=${c.kind}>
      <div class="component-head">
        <strong>${t(`health.${c.kind}`)}</strong>
        <span class="pill ${c.score == null ? '' : `health-${tone(c.score)}`}">${c.score == null ? t('client.noData') : c.score}</span>
        <span class="muted small">${t('client.weight', { applied: formatNumber(c.appliedWeight, 0), weight: c.weight })}</span>
      </div>
      <div class="meter" aria-hidden="true"><span style="width:${c.score ?? 0}%"></span></div>
      <dl class="evidence">${c.evidence.map((e) => html`
        <div data-evidence=${e.name}><dt>${evidenceName(e.name)}</dt><dd>${healthEvidenceValue(e.value)}</dd></div>`)}</dl>
    </li>`)}</ul>`;

/**
 * The doubles: per domain, the agency's strength to the left and the client's to the right of the
 * domain's name, 1 to 5, with who leads. Bars are drawn by CSS; every value is also there as text.
 */
const strengthsChart = (strengths) => {
  if (!strengths) return html`<p class="muted">${t('client.noStrengths')}</p>`;
  return html`
    <table class="strengths" data-testid="strengths">
      <caption class="visually-hidden">${t('client.strengthsCaption')}</caption>
      <thead><tr><th class="num">${t('client.side.AGENCY')}</th><th class="domain">${t('client.domain')}</th>
        <th>${t('client.side.CLIENT')}</th></tr></thead>
      <tbody>${strengths.strengths.map((s) => html`
        <tr data-domain=${s.domain} data-agency=${s.agency} data-client=${s.client} data-lead=${s.lead}
          class="lead-${s.lead}">
          <td class="side agency"><div class="bar-row"><span class="bar-value" data-testid="agency-value">${s.agency}</span>
            <span class="track" aria-hidden="true"><span class="bar" style="width:${s.agency * 20}%"></span></span></div></td>
          <th class="domain" scope="row">${domainName(s.domain)}
            <span class="pill lead lead-${s.lead}">${t(`client.lead.${s.lead}`)}</span></th>
          <td class="side client"><div class="bar-row"><span class="track" aria-hidden="true"><span class="bar"
            style="width:${s.client * 20}%"></span></span><span class="bar-value" data-testid="client-value">${s.client}</span></div></td>
        </tr>`)}
      </tbody></table>
    ${strengths.expectations.length ? html`
      <h4>${t('client.expectations')}</h4>
      <ul class="expectations" data-testid="expectations">${strengths.expectations.map((e) => html`<li>${e}</li>`)}</ul>` : nothing}`;
};

/**
 * A client's page for the agency: the relationship's health (score, 26-week trend, each component's
 * evidence, reciprocity), the strengths map as a two-sided chart, the game plan, the commitments with
 * late ones highlighted, the interactions (paged, with a quick form), the projects and, for the roles
 * that see money, the invoices.
 */
class ClientPage extends CordeeElement {
  static properties = {
    clientId: {}, role: {}, data: { state: true }, error: { state: true }, more: { state: true },
  };

  get money() {
    return this.role === 'OWNER' || this.role === 'FINANCE';
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  willUpdate(changed) {
    if (changed.has('clientId') && changed.get('clientId') !== undefined) this.load();
  }

  async load() {
    this.error = null;
    this.data = null;
    this.more = null;
    try {
      this.data = await gql(CLIENT_PAGE, { id: this.clientId, money: this.money });
    } catch (e) {
      this.error = e.message;
    }
  }

  /** Reloads after a logged interaction, keeping the page on screen meanwhile. */
  async refresh() {
    try {
      this.data = await gql(CLIENT_PAGE, { id: this.clientId, money: this.money });
    } catch (e) {
      this.error = e.message;
    }
  }

  async loadMore() {
    const client = this.data.client;
    this.more = { busy: true };
    try {
      const page = (await gql(MORE_INTERACTIONS, { id: client.id, after: client.interactions.pageInfo.endCursor })).client.interactions;
      this.data = { ...this.data, client: { ...client, interactions: { ...page, nodes: [...client.interactions.nodes, ...page.nodes] } } };
      this.more = null;
    } catch (e) {
      this.more = { error: e.message };
    }
  }

  updated() {
    if (this.data?.client) document.title = `${this.data.client.name} · ${t('nav.clients')} · Cordée`;
  }

  render() {
    const back = html`<a class="back" href="#/clients">← ${t('client.back')}</a>`;
    if (this.error) return html`${back}${failure(this.error, () => this.load())}`;
    if (!this.data) return html`${back}${loading()}`;
    const c = this.data.client;
    const r = c.relationship;
    return html`
      ${back}
      <div class="page-head">
        <h1 class="page-title" data-testid="client-name">${c.name}</h1>
        <span class="badge">${t(`segment.${c.segment}`)}</span>
        <span class="terms">${t('clients.terms', { n: c.paymentTermsDays })}</span>
        <span class="spacer"></span>
      </div>
      <div class="client-grid">
        <section class="card health" aria-labelledby="health-title" data-testid="health-card">
          <h2 id="health-title">${t('client.health')}</h2>
          ${r.health ? html`
            ${healthSummary(r)}
            <cordee-health-chart .trend=${r.health.trend}></cordee-health-chart>
            <h3>${t('client.reciprocity')}</h3>
            ${reciprocityTable(r.health.reciprocity)}` : html`<p class="muted">${t('client.noHealth')}</p>`}
        </section>
        <section class="card" aria-labelledby="strengths-title">
          <h2 id="strengths-title">${t('client.strengths')}</h2>
          <p class="muted small">${t('client.strengthsHelp')}</p>
          ${strengthsChart(r.strengths)}
          <cordee-strengths-editor .clientId=${c.id} .strengths=${r.strengths} @plan-changed=${() => this.refresh()}></cordee-strengths-editor>
        </section>
      </div>
      ${r.health ? html`
        <section class="card" aria-labelledby="components-title">
          <h2 id="components-title">${t('client.components')}</h2>
          ${componentsList(r.health.components)}
        </section>` : nothing}
      <div class="client-grid">
        <section class="card" aria-labelledby="plan-title">
          <h2 id="plan-title">${t('client.gamePlan')}</h2>
          <cordee-agreement-editor .clientId=${c.id} @plan-changed=${() => this.refresh()}></cordee-agreement-editor>
          ${agreementsList(c.agreements, { staff: true, actions: (a) => html`<cordee-agreement-editor .clientId=${c.id} .agreement=${a}
            @plan-changed=${() => this.refresh()}></cordee-agreement-editor>` })}
        </section>
        <section class="card" aria-labelledby="commitments-title">
          <h2 id="commitments-title">${t('client.commitments')}
            ${r.lateCommitments > 0 ? html`<span class="pill late">${t('clients.lateCommitments', { n: r.lateCommitments })}</span>` : nothing}</h2>
          ${c.projects.length ? html`<cordee-commitment-editor .clientId=${c.id} .projects=${c.projects}
            @plan-changed=${() => this.refresh()}></cordee-commitment-editor>` : nothing}
          ${commitmentsTable(c.commitments, { actions: (m) => html`<cordee-commitment-editor .clientId=${c.id} .projects=${c.projects}
            .commitment=${m} @plan-changed=${() => this.refresh()}></cordee-commitment-editor>` })}
        </section>
      </div>
      <section class="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title">${t('plan.timeline')}</h2>
        ${commentsTimeline(c)}
      </section>
      <section class="card" aria-labelledby="interactions-title">
        <h2 id="interactions-title">${t('client.interactions')} <span class="count">${c.interactions.totalCount}</span></h2>
        <cordee-interaction-form .clientId=${c.id} @interaction-logged=${() => this.refresh()}></cordee-interaction-form>
        ${interactionsList(c.interactions.nodes)}
        ${this.more?.error ? failure(this.more.error, () => this.loadMore()) : nothing}
        ${c.interactions.pageInfo.hasNextPage ? html`<button type="button" class="secondary small" data-testid="more-interactions"
          ?disabled=${this.more?.busy} @click=${() => this.loadMore()}>${t('clients.more')}</button>` : nothing}
      </section>
      <section class="card" aria-labelledby="projects-title">
        <h2 id="projects-title">${t('portal.projects')}</h2>
        ${this.money ? html`<p><a class="button secondary small" data-testid="client-new-project"
          href=${`#/projects/new/${encodeURIComponent(c.id)}`}>${t('projects.new')}</a></p>` : nothing}
        ${projectsTable(c.projects, { money: this.money, link: true })}
        ${this.money ? html`<h3>${t('clients.invoices')}</h3>${invoicesTable(this.data.invoices.nodes, { staff: true })}` : nothing}
      </section>`;
  }
}

customElements.define('cordee-client-page', ClientPage);
