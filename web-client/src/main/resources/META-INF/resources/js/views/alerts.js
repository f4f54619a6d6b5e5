import { html, nothing } from 'lit';
import { gql } from '../graphql.js';
import { watchAlerts } from '../live-alerts.js';
import { CordeeElement, loading, failure, fieldErrors, stylesheet } from '../ui.js';
import { t, formatDate, formatMoney, formatPercent, addMessages } from '../i18n.js';
import { evidenceName, alertEvidenceValue, alertAction } from '../evidence.js';
import words from './alerts.words.js';

addMessages(words);
await stylesheet('/js/views/alerts.css');

const ALERT_FIELDS = `id kind severity status subjectType client { id name } project { name } brief { title }
  evidence { name value } suggestedAction linksToRenegotiation worsened openedAt acknowledgedAt resolvedAt
  snoozedUntil comment version`;
const ALERTS = `query Alerts($status: [AlertStatus!]) {
  alerts(first: 50, filter: { status: $status }) { totalCount nodes { ${ALERT_FIELDS} } } }`;
const ACKNOWLEDGE = `mutation($input: AcknowledgeAlertInput!) { acknowledgeAlert(input: $input) {
  alert { ${ALERT_FIELDS} } userErrors { field message code } } }`;
const SNOOZE = `mutation($input: SnoozeAlertInput!) { snoozeAlert(input: $input) {
  alert { ${ALERT_FIELDS} } userErrors { field message code } } }`;
// What a 30 % deposit with monthly billing would do, as the letter the agency could send: computed, never stored.
const LETTER = `query Letter($clientId: ID!, $language: ProposalLanguage!) {
  renegotiationProposal(clientId: $clientId, options: [{ depositPercent: 30, monthlyInArrears: true }]) {
    letter(language: $language, format: MARKDOWN)
    options { number description(language: $language) lowestBalanceLift { amount currency }
      cashRiskAfter { probabilityUnder13Weeks baseProbabilityUnder13Weeks } } } }`;

// Live: any change the agency's alerts go through redraws the list (one query), without a reload; the
// subscription is the one the top bar's bell already holds (js/live-alerts.js, ADR 68).

// The weekly digest mail of OWNER and FINANCE (ADR 40): the signed-in user's own choice.
const DIGEST = '{ viewer { digestOptOut } }';
const SET_DIGEST = `mutation($optOut: Boolean!) { setDigestOptOut(input: { optOut: $optOut }) {
  optOut userErrors { field message code } } }`;

const TABS = ['OPEN', 'ACKNOWLEDGED', 'RESOLVED'];
const SEVERITY_ORDER = { CRITICAL: 0, WARNING: 1, INFO: 2 };

const subject = (a) => a.client?.name ?? a.project?.name ?? a.brief?.title ?? t('alerts.agencyWide');

/**
 * The agency's early warnings: what fired, the numbers behind it, what to do; acknowledge with a
 * comment, snooze until a date, and for money signals the renegotiation letter the agency could send.
 */
class AlertsView extends CordeeElement {
  static properties = {
    role: {}, tab: { state: true }, alerts: { state: true }, total: { state: true }, error: { state: true },
    busy: { state: true }, drafts: { state: true }, letters: { state: true }, notice: { state: true }, live: { state: true },
    digest: { state: true },
  };

  constructor() {
    super();
    this.tab = 'OPEN';
    this.alerts = null;
    this.drafts = {};
    this.letters = {};
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
    if (this.money) this.loadDigest();
    this.unsubscribe = watchAlerts(() => this.load(true), (live) => { this.live = live; });
  }

  disconnectedCallback() {
    this.unsubscribe?.();
    super.disconnectedCallback();
  }

  get money() {
    return this.role === 'OWNER' || this.role === 'FINANCE';
  }

  /** The list of the current tab; a live refresh keeps the cards on screen while it loads. */
  async load(live = false) {
    this.error = null;
    if (!live) this.alerts = null;
    try {
      const { alerts } = await gql(ALERTS, { status: [this.tab] });
      this.alerts = [...alerts.nodes].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
      this.total = alerts.totalCount;
    } catch (e) {
      this.error = e.message;
    }
  }

  async loadDigest() {
    try {
      const { viewer } = await gql(DIGEST);
      this.digest = { optOut: Boolean(viewer.digestOptOut) };
    } catch (e) {
      this.digest = null; // the list matters more: the toggle is simply not shown
    }
  }

  async setDigest(receive) {
    this.digest = { ...this.digest, busy: true, message: null, error: null };
    try {
      const { setDigestOptOut } = await gql(SET_DIGEST, { optOut: !receive });
      if (setDigestOptOut.userErrors.length) {
        this.digest = { ...this.digest, busy: false, error: setDigestOptOut.userErrors.map((u) => u.message).join(' ') };
        return;
      }
      const optOut = setDigestOptOut.optOut;
      this.digest = { optOut, busy: false, message: t(optOut ? 'digest.off' : 'digest.on') };
    } catch (e) {
      this.digest = { ...this.digest, busy: false, error: e.message };
    }
  }

  digestToggle() {
    if (!this.money || !this.digest) return nothing;
    const d = this.digest;
    return html`<div class="digest-toggle" data-testid="digest">
      <label class="check"><input type="checkbox" data-testid="digest-opt-in" .checked=${!d.optOut} ?disabled=${d.busy}
        aria-describedby="digest-help" @change=${(e) => this.setDigest(e.target.checked)}>
        ${d.busy ? t('digest.saving') : t('digest.optIn')}</label>
      <span class="muted small" id="digest-help">${t('digest.help')}</span>
      ${d.message ? html`<span role="status" data-testid="digest-message">${d.message}</span>` : nothing}
      ${d.error ? html`<span class="field-error" role="alert">${d.error}</span>` : nothing}</div>`;
  }

  show(tab) {
    this.tab = tab;
    this.notice = null;
    this.load();
  }

  draft(id) {
    return this.drafts[id] ?? {};
  }

  edit(id, changes) {
    this.drafts = { ...this.drafts, [id]: { ...this.draft(id), ...changes } };
  }

  async act(alert, mutation, input, field) {
    this.edit(alert.id, { busy: true, errors: [] });
    try {
      const data = await gql(mutation, { input: { id: alert.id, version: alert.version, ...input } });
      const payload = data[field];
      if (payload.userErrors.length) {
        this.edit(alert.id, { busy: false, errors: payload.userErrors });
        return;
      }
      this.edit(alert.id, { busy: false, errors: [] });
      this.notice = t(field === 'acknowledgeAlert' ? 'alerts.acknowledged' : 'alerts.snoozed',
        { subject: subject(payload.alert) });
      await this.load(); // at once; the bell hears it from the server's feed like anyone's (ADR 75)
    } catch (e) {
      this.edit(alert.id, { busy: false, errors: [{ field: ['id'], message: e.message }] });
    }
  }

  async letter(alert, language) {
    this.letters = { ...this.letters, [alert.id]: { language, busy: true } };
    try {
      const { renegotiationProposal } = await gql(LETTER, { clientId: alert.client.id, language });
      this.letters = { ...this.letters, [alert.id]: { language, text: renegotiationProposal.letter,
        options: renegotiationProposal.options } };
    } catch (e) {
      this.letters = { ...this.letters, [alert.id]: { language, error: e.message } };
    }
  }

  render() {
    return html`
      <header class="page-head"><h1>${t('alerts.title')}</h1>
        ${this.live ? html`<span class="live" data-testid="alerts-live" title=${t('alerts.liveHelp')}>● ${t('alerts.live')}</span>` : nothing}</header>
      ${this.digestToggle()}
      <div class="tabs" role="tablist" aria-label=${t('alerts.title')}>
        ${TABS.map((tab) => html`<button type="button" role="tab" aria-selected=${tab === this.tab ? 'true' : 'false'}
          data-testid=${`alerts-tab-${tab}`} @click=${() => this.show(tab)}>${t(`alerts.status.${tab}`)}</button>`)}
      </div>
      ${this.notice ? html`<p class="notice" role="status" data-testid="alerts-notice">${this.notice}</p>` : nothing}
      ${this.error ? failure(this.error, () => this.load())
        : this.alerts === null ? loading()
        : this.alerts.length === 0 ? html`<p class="card muted" data-testid="alerts-empty">${t('alerts.none')}</p>`
        : html`<ul class="alerts" data-testid="alerts">${this.alerts.map((a) => this.card(a))}</ul>`}`;
  }

  card(a) {
    const draft = this.draft(a.id);
    const letter = this.letters[a.id];
    return html`
      <li class="card alert severity-${a.severity}" data-alert=${a.id} data-kind=${a.kind}>
        <div class="alert-head">
          <span class="pill severity-${a.severity}">${t(`alerts.severity.${a.severity}`)}</span>
          <h2>${t(`alerts.kind.${a.kind}`)} · ${subject(a)}</h2>
          ${a.worsened ? html`<span class="pill worsened">${t('alerts.worsened')}</span>` : nothing}
        </div>
        <p class="muted">${t('alerts.openedOn', { date: formatDate(a.openedAt.slice(0, 10)) })}
          ${a.snoozedUntil ? html` · ${t('alerts.snoozedUntil', { date: formatDate(a.snoozedUntil) })}` : nothing}
          ${a.resolvedAt ? html` · ${t('alerts.resolvedOn', { date: formatDate(a.resolvedAt.slice(0, 10)) })}` : nothing}</p>
        <dl class="evidence">${a.evidence.map((e) => html`<div data-evidence=${e.name}><dt>${evidenceName(e.name)}</dt>
          <dd>${alertEvidenceValue(e.name, e.value)}</dd></div>`)}</dl>
        <p class="action"><strong>${t('alerts.suggested')}</strong> <span data-testid="alert-action">${alertAction(a)}</span></p>
        ${a.comment ? html`<p class="comment">“${a.comment}”</p>` : nothing}
        ${a.status === 'RESOLVED' ? nothing : html`
          <form class="alert-actions" @submit=${(e) => { e.preventDefault(); }}>
            ${a.status === 'OPEN' ? html`
              <label>${t('alerts.comment')}
                <input name="comment" maxlength="1000" .value=${draft.comment ?? ''}
                  @input=${(e) => this.edit(a.id, { comment: e.target.value })}></label>
              <button type="button" data-testid="acknowledge" ?disabled=${draft.busy}
                @click=${() => this.act(a, ACKNOWLEDGE, { comment: draft.comment || null }, 'acknowledgeAlert')}>
                ${t('alerts.acknowledge')}</button>` : nothing}
            <label>${t('alerts.snoozeUntil')}
              <input type="date" name="until" .value=${draft.until ?? ''} aria-describedby=${`until-${a.id}`}
                @input=${(e) => this.edit(a.id, { until: e.target.value })}></label>
            <button type="button" data-testid="snooze" ?disabled=${draft.busy || !draft.until}
              @click=${() => this.act(a, SNOOZE, { until: draft.until }, 'snoozeAlert')}>${t('alerts.snooze')}</button>
            ${fieldErrors(draft.errors, 'until', `until-${a.id}`)}
            ${fieldErrors(draft.errors, 'id', `id-${a.id}`)}
            ${fieldErrors(draft.errors, 'version', `version-${a.id}`)}
          </form>`}
        ${a.linksToRenegotiation && a.client && this.money ? html`
          <div class="renegotiation">
            <a href=${`#/proposal/${encodeURIComponent(a.client.id)}`} data-testid="open-proposal">${t('alerts.openProposal')}</a>
            <span>${t('alerts.letter')}</span>
            <button type="button" data-testid="letter-fr" @click=${() => this.letter(a, 'FR')}>Français</button>
            <button type="button" data-testid="letter-en" @click=${() => this.letter(a, 'EN')}>English</button>
            ${letter?.busy ? loading() : nothing}
            ${letter?.error ? failure(letter.error, () => this.letter(a, letter.language)) : nothing}
            ${letter?.options ? html`<ul class="proposal-options" data-testid="proposal-options" aria-label=${t('proposal.options')}>
              ${letter.options.map((o) => html`<li data-option=${o.number}><strong>${o.number}. ${o.description}</strong> —
                ${t('proposal.optionLift', { lift: formatMoney(o.lowestBalanceLift) })};
                <span data-testid="option-risk">${o.cashRiskAfter ? t('proposal.optionRisk', {
                  base: formatPercent(o.cashRiskAfter.baseProbabilityUnder13Weeks, 1), after: formatPercent(o.cashRiskAfter.probabilityUnder13Weeks, 1) }) : ''}</span></li>`)}
            </ul>` : nothing}
            ${letter?.text ? html`<pre class="letter" data-testid="letter" lang=${letter.language.toLowerCase()}>${letter.text}</pre>` : nothing}
          </div>` : nothing}
      </li>`;
  }
}

customElements.define('cordee-alerts', AlertsView);
