import { html, nothing } from 'lit';
import { gql } from '../graphql.js';
import { CordeeElement, loading, failure } from '../ui.js';
import { t, formatDate, formatMoney, addMessages } from '../i18n.js';
import words from './cockpit.words.js';
import { scenarioPanel, exposurePanel, timeToFirstCash } from './cockpit/panels.js';

addMessages(words);
// The chart's code (and uPlot's, 22 KB) and the probabilistic fan's (ADR 48), which asks for its 2,000 paths, are
// fetched once the first forecast is shown, not beside it: on a phone's link and on the server's processor they
// would share what the headline, the largest paint, waits for (ADR 90). <cordee-cash-chart> upgrades on arrival.
let chartsAsked = false;
function askForCharts() {
  if (chartsAsked) return;
  chartsAsked = true;
  import('./cash-chart.js').catch(() => { chartsAsked = false; });
  import('./cash-risk.js').catch(() => { chartsAsked = false; });
}

const MONEY = 'amount amountMinor currency';
// One request per view: the forecast, and on first load the clients with their projects' time to
// first cash (batched by the API), which also feed the scenario and exposure pickers.
const COCKPIT = `query Cockpit($h: Int, $scenario: ScenarioInput, $withClients: Boolean!, $pipeline: Boolean) {
  cashForecast(horizonWeeks: $h, scenario: $scenario, withPipeline: $pipeline) {
    asOf scenario opening { ${MONEY} } safetyThreshold { ${MONEY} } lowestBalance { ${MONEY} } lowestWeek
    firstWeekBelowThreshold
    weeks { weekStart isoWeek inflow { ${MONEY} } outflow { ${MONEY} } closing { ${MONEY} }
      inflowByClient { client { id name } amount { ${MONEY} } } } }
  clients(first: 100) @include(if: $withClients) {
    nodes { id name projects { id name status startDate timeToFirstCashDays } } } }`;
// the clients apart, for the first load: the forecast (the headline, the largest paint) does not wait for each
// project's time to first cash, about a third of the one request's server time (ADR 83)
const CLIENTS = `query TimeToFirstCash {
  clients(first: 100) { nodes { id name projects { id name status startDate timeToFirstCashDays } } } }`;
const EXPOSURE = `query Exposure($id: ID!, $weeks: Int) {
  exposure(clientId: $id, weeks: $weeks) { peak { ${MONEY} } peakWeek weeksAboveZero } }`;

const HORIZONS = [13, 26, 52, 104];
const LOOK_AHEAD_WEEKS = 104;
const QUIET_HORIZON_WEEKS = 26;

/**
 * The first forecast of a page opened on #/cockpit (a reload, a bookmark, an owner's home after sign-in): app.js
 * downloads this module while it asks for the viewer, so the forecast, the cockpit's largest paint, is asked for
 * here beside the viewer instead of one request after it (ADR 67). Taken once, by the first cockpit shown; dropped
 * when the address changes or the session ends, so it never outlives the session that asked for it. A visitor
 * who may not see it (signed out, a LEAD) gets an error nobody reads, and a failure is asked again normally.
 */
const FIRST_LOAD = { h: LOOK_AHEAD_WEEKS, scenario: { kind: 'BASE' }, withClients: false, pipeline: false };
const openedOnCockpit = location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] === 'cockpit';
let early = openedOnCockpit ? gql(COCKPIT, FIRST_LOAD) : null;
early?.catch(() => {});
const dropEarly = () => { early = null; };
window.addEventListener('hashchange', dropEarly, { once: true });
window.addEventListener('cordee-unauthenticated', dropEarly, { once: true });
function firstForecast(variables) {
  const taken = early;
  early = null;
  if (!taken || JSON.stringify(variables) !== JSON.stringify(FIRST_LOAD)) return gql(COCKPIT, variables);
  return taken.catch(() => gql(COCKPIT, variables));
}

/**
 * The horizon the cockpit opens on: the shortest offered (26 weeks at least) that shows the first week under
 * the threshold when there is one within 104 weeks; 26 weeks otherwise. The lowest point shown is that
 * horizon's (far ends of a 104-week forecast fall when no work is booked yet: not the story to open on).
 */
export function defaultHorizon(forecast) {
  const crossing = forecast.weeks.findIndex((w) => w.weekStart === forecast.firstWeekBelowThreshold);
  if (crossing < 0) return QUIET_HORIZON_WEEKS;
  return HORIZONS.find((n) => n > crossing && n >= QUIET_HORIZON_WEEKS) ?? LOOK_AHEAD_WEEKS;
}

/** The first weeks of a forecast; its lowest point is kept only if it falls within them (else recomputed). */
function firstWeeks(forecast, weeks) {
  const kept = forecast.weeks.slice(0, weeks);
  let low = kept[0];
  kept.forEach((w) => { if (Number(w.closing.amountMinor) < Number(low.closing.amountMinor)) low = w; });
  const below = kept.some((w) => w.weekStart === forecast.firstWeekBelowThreshold) ? forecast.firstWeekBelowThreshold : null;
  return { ...forecast, weeks: kept, lowestBalance: low.closing, lowestWeek: low.weekStart, firstWeekBelowThreshold: below };
}

/** The cash cockpit of OWNER and FINANCE: forecast, scenarios, exposure, time to first cash. */
class Cockpit extends CordeeElement {
  static properties = {
    forecast: { state: true }, clients: { state: true }, error: { state: true }, busy: { state: true },
    kind: { state: true }, adjustments: { state: true }, horizon: { state: true }, focus: { state: true },
    exposure: { state: true }, noBalance: { state: true }, withPipeline: { state: true }, tableOpen: { state: true },
  };

  constructor() {
    super();
    this.kind = 'BASE';
    this.adjustments = [];
    this.horizon = null; // chosen from a 104-week look-ahead on the first load
    this.exposure = {};
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  scenarioInput() {
    if (this.kind !== 'CUSTOM') return { kind: this.kind };
    return {
      kind: 'CUSTOM',
      adjustments: this.adjustments.filter((a) => a.clientId).map((a) => ({
        clientId: a.clientId,
        extraDelayDays: Number(a.extraDelayDays) || 0,
        defaultFrom: a.defaultFrom || null,
        depositPercent: a.depositPercent === '' || a.depositPercent == null ? null : Number(a.depositPercent),
        monthlyInArrears: Boolean(a.monthlyInArrears),
      })),
    };
  }

  async load() {
    this.busy = true;
    this.error = null;
    try {
      const first = this.horizon == null;
      const variables = { h: first ? LOOK_AHEAD_WEEKS : this.horizon, scenario: this.scenarioInput(),
        withClients: !first && !this.clients, pipeline: Boolean(this.withPipeline) && this.kind !== 'CUSTOM' };
      const data = await (first ? firstForecast(variables) : gql(COCKPIT, variables));
      if (first) this.horizon = defaultHorizon(data.cashForecast);
      // one request on the first load: the look-ahead cut to the chosen horizon, which holds its crossing and low
      this.forecast = first ? firstWeeks(data.cashForecast, this.horizon) : data.cashForecast;
      if (data.clients) this.clients = data.clients.nodes;
      this.focus = null;
    } catch (e) {
      // a new agency has no bank balance yet: no forecast to show, but what to enter first (not an error)
      this.noBalance = !this.forecast && (e.errors ?? []).some((x) => (x.extensions?.userErrors ?? [])
        .some((u) => u.code === 'REQUIRED' && (u.field ?? []).includes('asOf')));
      this.error = this.noBalance ? null : e.message;
    } finally {
      this.busy = false;
      // after the first forecast's paint: the clients' time to first cash (apart since ADR 83), the charts
      if (this.horizon == null || !this.clients || !chartsAsked) {
        this.updateComplete.then(() => {
          askForCharts();
          if (!this.clients) this.loadClients();
        });
      }
    }
  }

  /** The first steps of a new agency, instead of an error, while no bank balance is recorded. */
  onboarding() {
    const step = (key, page, link) => html`<li>${t(key)} <a href=${`#/${page}`} data-testid=${`onboarding-${page}`}>${t(link)}</a></li>`;
    return html`<section class="card onboarding" data-testid="cockpit-onboarding" aria-labelledby="onboarding-title">
      <h2 id="onboarding-title">${t('onboarding.title')}</h2>
      <p>${t('onboarding.intro')}</p>
      <ol>
        ${step('onboarding.bank', 'bank', 'onboarding.goBank')}
        ${step('onboarding.clients', 'clients', 'onboarding.goClients')}
        ${step('onboarding.team', 'team', 'onboarding.goTeam')}
      </ol></section>`;
  }

  setKind(kind) {
    this.kind = kind;
    this.load();
  }

  setHorizon(weeks) {
    this.horizon = Number(weeks);
    this.load();
  }

  addAdjustment() {
    this.adjustments = [...this.adjustments, { clientId: '', extraDelayDays: 0, defaultFrom: '', depositPercent: '',
      monthlyInArrears: false }];
  }

  editAdjustment(index, field, value) {
    this.adjustments = this.adjustments.map((a, i) => (i === index ? { ...a, [field]: value } : a));
  }

  removeAdjustment(index) {
    this.adjustments = this.adjustments.filter((_, i) => i !== index);
  }

  /** The clients and their projects' time to first cash, asked for beside the first forecast (ADR 83). */
  async loadClients() {
    try {
      const data = await gql(CLIENTS);
      if (!this.clients) this.clients = data.clients.nodes;
    } catch {
      // a later forecast asks for them with it (withClients); the forecast's own failure is what the page shows
    }
  }

  async loadExposure(clientId) {
    this.exposure = { clientId, loading: Boolean(clientId) };
    if (!clientId) return;
    try {
      const { exposure } = await gql(EXPOSURE, { id: clientId, weeks: this.horizon });
      if (this.exposure.clientId === clientId) this.exposure = { clientId, data: exposure };
    } catch (e) {
      this.exposure = { clientId, error: e.message };
    }
  }

  render() {
    if (!this.forecast) {
      return html`<h1 class="page-title">${t('cockpit.title')}</h1>
        ${this.noBalance ? this.onboarding() : this.error ? failure(this.error, () => this.load()) : loading()}`;
    }
    const f = this.forecast;
    return html`
      <div class="page-head">
        <h1 class="page-title">${t('cockpit.title')}</h1>
        <label class="inline">${t('cockpit.horizon')}
          <select data-testid="horizon" @change=${(e) => this.setHorizon(e.target.value)}>
            ${HORIZONS.map((n) => html`<option value=${n} ?selected=${n === this.horizon}>${t('cockpit.weeks', { n })}</option>`)}
          </select></label>
        <label class="check inline" title=${t('cockpit.withPipelineHelp')}><input type="checkbox" data-testid="with-pipeline"
          .checked=${Boolean(this.withPipeline)} ?disabled=${this.kind === 'CUSTOM'}
          @change=${(e) => { this.withPipeline = e.target.checked; this.load(); }}> ${t('cockpit.withPipeline')}</label>
      </div>
      ${this.error ? failure(this.error, () => this.load()) : nothing}
      ${this.headline(f)}
      ${this.figures(f)}
      <div class="cockpit-grid" aria-busy=${this.busy ? 'true' : 'false'}>
        <section class="card chart-card" aria-labelledby="chart-title">
          <h2 id="chart-title">${t('cockpit.chart')}
            <span class="badge" data-testid="scenario-shown">${t(`scenario.${f.scenario}`)}</span>
            ${this.withPipeline && f.scenario !== 'CUSTOM' ? html`<span class="badge" data-testid="pipeline-shown">${t('cockpit.withPipeline')}</span>` : nothing}
            ${this.busy ? html`<span class="spinner" role="status" aria-label=${t('app.loading')}></span>` : nothing}</h2>
          <cordee-cash-chart .forecast=${f} @week-focus=${(e) => { this.focus = e.detail; }}></cordee-cash-chart>
          ${this.weekDetail(f)}
          ${this.table(f)}
          ${this.exportLinks(f)}
        </section>
        ${scenarioPanel(this)}
      </div>
      <cordee-cash-risk .weeks=${this.horizon}></cordee-cash-risk>
      <div class="two-columns">
        ${exposurePanel(this)}
        ${timeToFirstCash(this)}
      </div>`;
  }

  /**
   * The shown forecast as a file (ADR 42): same scenario, as-of date and horizon. A custom scenario is not
   * exported (its adjustments live only in this page), so it says so instead.
   */
  exportLinks(f) {
    if (f.scenario === 'CUSTOM') return html`<p class="muted small exports" data-testid="forecast-export-custom">${t('export.customScenario')}</p>`;
    const query = `scenario=${f.scenario}&weeks=${f.weeks.length}&asOf=${f.asOf}`;
    return html`<p class="exports" data-testid="forecast-exports">${t('export.download')}
      <a href=${`/exports/forecast.csv?${query}`} download data-testid="export-forecast-csv">CSV</a>
      <a href=${`/exports/forecast.xlsx?${query}`} download data-testid="export-forecast-xlsx">Excel (XLSX)</a></p>`;
  }

  /** The story in one sentence: when the cash goes under the threshold, and how low it goes. */
  headline(f) {
    const crossing = f.weeks.findIndex((w) => w.weekStart === f.firstWeekBelowThreshold);
    const params = { threshold: formatMoney(f.safetyThreshold), lowest: formatMoney(f.lowestBalance),
      lowestDate: formatDate(f.lowestWeek), date: formatDate(f.firstWeekBelowThreshold), n: crossing + 1, weeks: f.weeks.length };
    return html`<p class="headline ${crossing >= 0 ? 'danger' : 'ok'}" data-testid="cockpit-headline"
      data-crossing-week=${crossing >= 0 ? crossing + 1 : ''}>
      ${t(crossing >= 0 ? 'cockpit.headline.below' : 'cockpit.headline.above', params)}</p>`;
  }

  figures(f) {
    const below = f.firstWeekBelowThreshold;
    const lowUnder = Number(f.lowestBalance.amountMinor) < Number(f.safetyThreshold.amountMinor);
    return html`
      <dl class="figures">
        <div class="figure"><dt>${t('cockpit.opening')}</dt><dd>${formatMoney(f.opening)}</dd>
          <dd class="muted note">${formatDate(f.asOf)}</dd></div>
        <div class="figure ${lowUnder ? 'danger' : ''}"><dt>${t('cockpit.lowest')}</dt>
          <dd data-testid="lowest-balance" data-amount-minor=${f.lowestBalance.amountMinor}>${formatMoney(f.lowestBalance)}</dd>
          <dd class="muted note">${f.lowestWeek ? t('cockpit.lowestWeek', { date: formatDate(f.lowestWeek) }) : ''}</dd></div>
        <div class="figure"><dt>${t('cockpit.threshold')}</dt><dd>${formatMoney(f.safetyThreshold)}</dd></div>
        <div class="figure ${below ? 'danger' : 'ok'}"><dt>${t('cockpit.firstBelow')}</dt>
          <dd data-testid="first-below">${below ? formatDate(below) : t('cockpit.neverBelow')}</dd></div>
      </dl>`;
  }

  weekDetail(f) {
    const index = this.focus ?? f.weeks.findIndex((w) => w.weekStart === f.lowestWeek);
    const week = f.weeks[index];
    if (!week) return html`<p class="muted">${t('cockpit.hoverHint')}</p>`;
    return html`
      <div class="week-detail" aria-live="polite">
        <div><strong>${t('cockpit.weekOf', { iso: week.isoWeek, date: formatDate(week.weekStart) })}</strong>
          <span class="muted">· ${t('cockpit.hoverHint')}</span></div>
        <div class="week-numbers">
          <span>${t('cockpit.closing')}: <strong>${formatMoney(week.closing)}</strong></span>
          <span>${t('cockpit.inflow')}: <strong>${formatMoney(week.inflow)}</strong></span>
          <span>${t('cockpit.outflow')}: <strong>${formatMoney(week.outflow)}</strong></span>
        </div>
        ${week.inflowByClient.length ? html`
          <ul class="inflow-clients" aria-label=${t('cockpit.fromClients')}>
            ${week.inflowByClient.map((c) => html`<li>${c.client.name} <span class="num">${formatMoney(c.amount)}</span></li>`)}
          </ul>` : html`<p class="muted">${t('cockpit.noInflow')}</p>`}
      </div>`;
  }

  /** The weeks as a table, its rows made when it is opened (not in the first paint's work, ADR 92). */
  table(f) {
    return html`
      <details class="forecast-table" @toggle=${(e) => { this.tableOpen = e.target.open; }}>
        <summary>${t('cockpit.tableSummary')}</summary>
        ${this.tableOpen ? html`<div class="scroll"><table>
          <thead><tr><th>${t('cockpit.week')}</th><th class="num">${t('cockpit.inflow')}</th>
            <th class="num">${t('cockpit.outflow')}</th><th class="num">${t('cockpit.closing')}</th>
            <th>${t('cockpit.fromClients')}</th></tr></thead>
          <tbody>${f.weeks.map((w) => html`
            <tr class=${Number(w.closing.amountMinor) < Number(f.safetyThreshold.amountMinor) ? 'under' : ''}>
              <td>${w.isoWeek} <span class="muted">${formatDate(w.weekStart, 'short')}</span></td>
              <td class="num">${formatMoney(w.inflow)}</td><td class="num">${formatMoney(w.outflow)}</td>
              <td class="num">${formatMoney(w.closing)}</td>
              <td>${w.inflowByClient.map((c) => c.client.name).join(', ')}</td></tr>`)}
          </tbody></table></div>` : nothing}
      </details>`;
  }
}

customElements.define('cordee-cockpit', Cockpit);
