import { html, nothing } from 'lit';
import { gql } from '../graphql.js';
import { CordeeElement, loading, failure, fieldErrors, errorsFor, stylesheet } from '../ui.js';
import { t, addMessages } from '../i18n.js';
import './two-factor.js';
import words from './settings.words.js';

addMessages(words);
await stylesheet('/js/views/settings.css');

const ERRORS = 'userErrors { field message code }';
const SEGMENTS = ['STARTUP', 'SME', 'ENTERPRISE', 'PUBLIC'];
const SETTINGS = 'version settings { currency timeZone payday safetyCashThreshold { amount currency } defaultPaymentDelays { segment days } }';
// each alert threshold with its unit, in the order of DESIGN.md's table
const THRESHOLDS = [
  ['capacityWarningPercent', 'percent'], ['capacityCriticalPercent', 'percent'], ['cashCriticalWeeks', 'weeks'],
  ['cashWarningWeeks', 'weeks'], ['timeToFirstCashDays', 'days'], ['exposurePercentOfOpening', 'percent'],
  ['overdueDays', 'days'], ['overdueCriticalDays', 'days'], ['paymentDriftDays', 'days'], ['engagementDropPoints', 'points'],
  ['engagementWindowDays', 'days'], ['commitmentSlipDays', 'days'],
];
const THRESHOLD_FIELDS = `${THRESHOLDS.map(([f]) => f).join(' ')} version`;
const WEIGHTS = ['commitments', 'feedback', 'energy', 'frequency', 'payment'];
const WEIGHT_FIELDS = `${WEIGHTS.join(' ')} version`;
// the probabilistic forecast (ADR 48): per round status, how likely a start-up's next round fails
const ROUNDS = ['NOT_STARTED', 'IN_PROGRESS', 'IN_DOUBT', 'SIGNED', 'FAILED'];
const RISK_FIELDS = 'version cashRiskPercent roundFailurePercent { status percent }';
const LOAD = `{ agency { ${SETTINGS} } alertThresholds { ${THRESHOLD_FIELDS} } healthWeights { ${WEIGHT_FIELDS} }
  cashRiskSettings { ${RISK_FIELDS} } }`;
const MUTATIONS = {
  agency: `mutation($input: UpdateAgencySettingsInput!) { updateAgencySettings(input: $input) { agency { ${SETTINGS} } ${ERRORS} } }`,
  alerts: `mutation($input: UpdateAlertThresholdsInput!) { updateAlertThresholds(input: $input) { alertThresholds { ${THRESHOLD_FIELDS} } ${ERRORS} } }`,
  health: `mutation($input: UpdateHealthWeightsInput!) { updateHealthWeights(input: $input) { healthWeights { ${WEIGHT_FIELDS} } ${ERRORS} } }`,
  risk: `mutation($input: UpdateCashRiskSettingsInput!) { updateCashRiskSettings(input: $input) { cashRiskSettings { ${RISK_FIELDS} } ${ERRORS} } }`,
};
const AMOUNT = /^\d+([.,]\d{1,2})?$/;

/** "150000" or "1250,5" → minor units (exact: no floating point), or null when it is not an amount. */
export function toMinor(text) {
  const s = String(text).trim().replace(/\s/g, '');
  if (!AMOUNT.test(s)) return null;
  const [units, cents = ''] = s.split(/[.,]/);
  return Number(units) * 100 + Number(cents.padEnd(2, '0'));
}

/**
 * Settings (#/settings, issue 15 point 7): the agency's settings, the alert thresholds, the relationship
 * health weights and the probabilistic forecast's settings (ADR 48), four forms, each saved by its own mutation with the version read. The server's userErrors
 * show next to their field and nothing is written; a stale version says so and offers a reload. OWNER and
 * FINANCE: the three mutations are theirs (docs/roles.md); a LEAD is not offered the page.
 */
class Settings extends CordeeElement {
  static properties = {
    data: { state: true }, error: { state: true }, errors: { state: true }, busy: { state: true }, saved: { state: true },
    weights: { state: true },
  };

  constructor() {
    super();
    this.errors = {};
    this.busy = {};
    this.saved = {};
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    this.error = null;
    this.errors = {};
    try {
      this.data = await gql(LOAD);
      this.weights = Object.fromEntries(WEIGHTS.map((w) => [w, this.data.healthWeights[w]]));
    } catch (e) {
      this.error = e.message;
    }
  }

  render() {
    if (!this.data) {
      return html`<h1 class="page-title">${t('settings.title')}</h1>${this.error ? failure(this.error, () => this.load()) : loading()}`;
    }
    return html`
      <div class="settings">
        <h1 class="page-title">${t('settings.title')}</h1>
        ${this.error ? failure(this.error, () => this.load()) : nothing}
        ${this.agencyForm()}
        ${this.alertsForm()}
        ${this.healthForm()}
        ${this.riskForm()}
        <cordee-two-factor-requirement></cordee-two-factor-requirement>
      </div>`;
  }

  /** One number input with its unit and the server's message for it. */
  field(form, name, label, value, unit, attrs = {}) {
    const errors = this.errors[form] || [];
    const id = `settings-${name}-error`;
    return html`<label class=${errorsFor(errors, name).length ? 'invalid' : ''}>${label}
      <span class="with-unit"><input name=${name} inputmode=${attrs.inputmode || 'numeric'} type=${attrs.type || 'number'}
        .value=${String(value)} aria-describedby=${id} @input=${attrs.onInput || nothing}>
        ${unit ? html`<span class="unit">${unit}</span>` : nothing}</span>
      ${fieldErrors(errors, name, id)}</label>`;
  }

  footer(form) {
    const errors = this.errors[form] || [];
    const stale = errors.some((e) => e.code === 'CONFLICT');
    return html`
      ${stale ? html`<div class="notice conflict" role="alert" data-testid="settings-stale">${t('settings.stale')}
        <button type="button" class="secondary small" @click=${() => this.load()}>${t('settings.reload')}</button></div>` : nothing}
      <div class="buttons">
        <button type="submit" ?disabled=${this.busy[form]}>${this.busy[form] ? t('settings.sending') : t('settings.save')}</button>
        ${this.saved[form] ? html`<span class="ok-text" role="status" data-testid="settings-saved">${t('settings.saved')}</span>` : nothing}
      </div>`;
  }

  agencyForm() {
    const s = this.data.agency.settings;
    const delays = Object.fromEntries(s.defaultPaymentDelays.map((d) => [d.segment, d.days]));
    return html`
      <form class="card" data-testid="settings-agency" aria-labelledby="settings-agency-title" novalidate
        @submit=${(e) => this.submit(e, 'agency')}>
        <h2 id="settings-agency-title">${t('settings.agency')}</h2>
        <p class="muted small">${t('settings.thresholdHelp')}</p>
        ${this.field('agency', 'safetyCashThreshold', t('settings.threshold'), s.safetyCashThreshold?.amount ?? '',
          s.currency === 'EUR' ? '€' : s.currency, { type: 'text', inputmode: 'decimal' })}
        ${this.field('agency', 'payday', t('settings.payday'), s.payday, '1–28')}
        ${this.field('agency', 'timeZone', t('settings.timeZone'), s.timeZone, '', { type: 'text', inputmode: 'text' })}
        <fieldset><legend>${t('settings.delays')}</legend>
          ${SEGMENTS.map((seg) => this.field('agency', seg, t(`settings.segment.${seg}`), delays[seg] ?? 0, t('settings.unit.days')))}
        </fieldset>
        ${this.footer('agency')}
      </form>`;
  }

  alertsForm() {
    const a = this.data.alertThresholds;
    return html`
      <form class="card" data-testid="settings-alerts" aria-labelledby="settings-alerts-title" novalidate
        @submit=${(e) => this.submit(e, 'alerts')}>
        <h2 id="settings-alerts-title">${t('settings.alerts')}</h2>
        ${THRESHOLDS.map(([name, unit]) => this.field('alerts', name, t(`settings.alert.${name}`), a[name], t(`settings.unit.${unit}`)))}
        ${this.footer('alerts')}
      </form>`;
  }

  healthForm() {
    const sum = WEIGHTS.reduce((total, w) => total + (Number(this.weights[w]) || 0), 0);
    const errors = this.errors.health || [];
    return html`
      <form class="card" data-testid="settings-health" aria-labelledby="settings-health-title" novalidate
        @submit=${(e) => this.submit(e, 'health')}>
        <h2 id="settings-health-title">${t('settings.health')}</h2>
        <fieldset class=${errorsFor(errors, 'weights').length ? 'invalid' : ''} aria-describedby="settings-weights-error">
          <legend>${t('settings.healthHelp')}</legend>
          ${WEIGHTS.map((w) => this.field('health', w, t(`settings.weight.${w}`), this.weights[w], '%', {
            onInput: (e) => { this.weights = { ...this.weights, [w]: e.target.value }; },
          }))}
          <p class=${sum === 100 ? 'muted' : 'danger-text'} data-testid="weights-sum" aria-live="polite">${t('settings.sum', { n: sum })}</p>
          ${fieldErrors(errors, 'weights', 'settings-weights-error')}
        </fieldset>
        ${this.footer('health')}
      </form>`;
  }

  riskForm() {
    const r = this.data.cashRiskSettings;
    const failure = Object.fromEntries(r.roundFailurePercent.map((f) => [f.status, f.percent]));
    return html`
      <form class="card" data-testid="settings-risk" aria-labelledby="settings-risk-title" novalidate
        @submit=${(e) => this.submit(e, 'risk')}>
        <h2 id="settings-risk-title">${t('settings.risk')}</h2>
        <p class="muted small">${t('settings.riskHelp')}</p>
        ${this.field('risk', 'cashRiskPercent', t('settings.risk.cashRiskPercent'), r.cashRiskPercent, '%')}
        <fieldset><legend>${t('settings.risk.rounds')}</legend>
          ${ROUNDS.map((status) => this.field('risk', status, t(`round.${status}`), failure[status] ?? 0, '%'))}
        </fieldset>
        ${this.footer('risk')}
      </form>`;
  }

  /** The input of one form, or client-side errors in the server's shape when an amount cannot be read. */
  input(form, fields) {
    const value = (name) => fields.get(name);
    const int = (name) => (String(value(name)).trim() === '' ? null : Number(value(name)));
    if (form === 'agency') {
      const minor = toMinor(value('safetyCashThreshold'));
      if (minor === null) {
        return { errors: [{ field: ['safetyCashThreshold'], message: t('settings.amountFormat'), code: 'INVALID_FORMAT' }] };
      }
      return {
        input: {
          version: this.data.agency.version, safetyCashThreshold: { amountMinor: minor }, payday: int('payday'),
          timeZone: String(value('timeZone')).trim(),
          defaultPaymentDelays: SEGMENTS.map((segment) => ({ segment, days: int(segment) })),
        },
      };
    }
    if (form === 'alerts') {
      return { input: { version: this.data.alertThresholds.version, ...Object.fromEntries(THRESHOLDS.map(([n]) => [n, int(n)])) } };
    }
    if (form === 'risk') {
      return {
        input: {
          version: this.data.cashRiskSettings.version, cashRiskPercent: int('cashRiskPercent'),
          roundFailurePercent: ROUNDS.map((status) => ({ status, percent: int(status) ?? 0 })),
        },
      };
    }
    return { input: { version: this.data.healthWeights.version, ...Object.fromEntries(WEIGHTS.map((w) => [w, int(w) ?? 0])) } };
  }

  async submit(event, form) {
    event.preventDefault();
    const { input, errors } = this.input(form, new FormData(event.target));
    this.saved = { ...this.saved, [form]: false };
    if (errors) {
      this.errors = { ...this.errors, [form]: errors };
      return;
    }
    this.busy = { ...this.busy, [form]: true };
    this.errors = { ...this.errors, [form]: [] };
    try {
      const payload = Object.values(await gql(MUTATIONS[form], { input }))[0];
      if (payload.userErrors.length) {
        this.errors = { ...this.errors, [form]: payload.userErrors };
        this.updateComplete.then(() => event.target.querySelector('.invalid input, [role=alert]')?.focus?.());
        return;
      }
      if (form === 'agency') this.data = { ...this.data, agency: payload.agency };
      if (form === 'alerts') this.data = { ...this.data, alertThresholds: payload.alertThresholds };
      if (form === 'health') this.data = { ...this.data, healthWeights: payload.healthWeights };
      if (form === 'risk') this.data = { ...this.data, cashRiskSettings: payload.cashRiskSettings };
      this.saved = { ...this.saved, [form]: true };
    } catch (e) {
      this.error = e.message;
    } finally {
      this.busy = { ...this.busy, [form]: false };
    }
  }
}

customElements.define('cordee-settings', Settings);
