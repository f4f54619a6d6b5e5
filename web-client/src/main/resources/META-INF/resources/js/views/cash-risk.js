import uPlot from 'uplot';
import { html, nothing } from 'lit';
import { gql } from '../graphql.js';
import { PlotElement, dateAxis, failure, moneyAxis, plotSeconds } from '../ui.js';
import { t, formatMoney, formatPercent, addMessages } from '../i18n.js';
import words from './cash-risk.words.js';

addMessages(words);

const COLORS = { band: 'rgba(15,92,92,0.16)', edge: 'rgba(15,92,92,0.35)', p50: '#0f5c5c', base: '#5f6b70',
  threshold: '#c0392b' };
/** The figures reach 52 weeks whatever the cockpit's horizon; the fan is drawn over the horizon only. */
const FIGURE_WEEKS = 52;
const RISK = `query CashRisk($h: Int) { cashRisk(horizonWeeks: $h) {
  paths probabilityUnderWithin13Weeks probabilityUnderWithin26Weeks probabilityUnderWithin52Weeks
  safetyThreshold { amount currency } expectedShortfall { amount amountMinor currency }
  weeks { weekStart p10 { amount } p50 { amount } p90 { amount } base { amount } probabilityUnder }
  badPathClients { client { id name } missingCash { amount amountMinor currency } share } } }`;

/**
 * The probabilistic forecast (ADR 48) under the cockpit's chart: the headline probability of going under
 * the safety threshold within 13 weeks, the fan (P10–P90 band, P50, the deterministic base line and the
 * threshold) drawn by uPlot, and the clients that weigh most in the paths that go under.
 */
export class CashRiskPanel extends PlotElement {
  static properties = { weeks: { type: Number }, risk: { state: true }, error: { state: true } };
  static hostSelector = '.risk-host';

  updated(changed) {
    if (changed.has('weeks') && this.weeks) this.load();
    this.draw();
  }

  async load() {
    this.error = null;
    try {
      this.risk = (await gql(RISK, { h: Math.max(this.weeks, FIGURE_WEEKS) })).cashRisk;
    } catch (e) {
      this.error = e.message;
    }
  }

  render() {
    if (this.error) return html`<section class="card">${failure(this.error, () => this.load())}</section>`;
    const r = this.risk;
    if (!r) return nothing;
    const p = (v) => (v == null ? '—' : formatPercent(v));
    return html`<section class="card cash-risk" aria-labelledby="risk-title" data-testid="cash-risk">
      <h2 id="risk-title">${t('risk.title')}</h2>
      <p class="headline" data-testid="risk-headline">${t('risk.headline', {
        p: p(r.probabilityUnderWithin13Weeks), threshold: formatMoney(r.safetyThreshold), paths: r.paths })}</p>
      <div class="risk-host" role="img" aria-label=${t('risk.chart')}></div>
      <ul class="chart-legend" aria-hidden="true">
        <li><span class="swatch" style="background:${COLORS.band}"></span>${t('risk.band')}</li>
        <li><span class="swatch" style="background:${COLORS.p50}"></span>${t('risk.p50')}</li>
        <li><span class="swatch dashed" style="border-color:${COLORS.base}"></span>${t('risk.base')}</li>
        <li><span class="swatch dashed" style="border-color:${COLORS.threshold}"></span>${t('cockpit.threshold')}</li>
      </ul>
      <dl class="figures">
        <div><dt>${t('risk.within', { n: 13 })}</dt><dd data-testid="risk-13">${p(r.probabilityUnderWithin13Weeks)}</dd></div>
        <div><dt>${t('risk.within', { n: 26 })}</dt><dd data-testid="risk-26">${p(r.probabilityUnderWithin26Weeks)}</dd></div>
        <div><dt>${t('risk.within', { n: 52 })}</dt><dd data-testid="risk-52">${p(r.probabilityUnderWithin52Weeks)}</dd></div>
        <div><dt>${t('risk.shortfall', { n: r.weeks.length })}</dt><dd data-testid="risk-shortfall">${formatMoney(r.expectedShortfall)}</dd></div>
      </dl>
      ${r.badPathClients.length ? html`<h3>${t('risk.clients', { n: r.weeks.length })}</h3>
        <ul data-testid="risk-clients">${r.badPathClients.map((c) => html`<li>${c.client.name} —
          ${t('risk.clientShare', { share: formatPercent(c.share), missing: formatMoney(c.missingCash) })}</li>`)}</ul>`
        : nothing}
    </section>`;
  }

  /** Drawn at the width the panel has then (not followed afterwards: the host is not observed). */
  size() {
    const width = this.hostWidth(280);
    return { width, height: width < 700 ? 240 : 300 };
  }

  draw() {
    const r = this.risk;
    const host = r && this.plotHost();
    if (!host) return;
    const weeks = r.weeks.slice(0, this.weeks);
    const data = [
      weeks.map((w) => plotSeconds(w.weekStart)),
      weeks.map((w) => Number(w.p90.amount)),
      weeks.map((w) => Number(w.p10.amount)),
      weeks.map((w) => Number(w.p50.amount)),
      weeks.map((w) => Number(w.base.amount)),
      weeks.map(() => Number(r.safetyThreshold.amount)),
    ];
    this.plot = new uPlot({
      ...this.plotOptions(),
      scales: { x: { time: true } },
      axes: [
        dateAxis(),
        moneyAxis(r.safetyThreshold.currency),
      ],
      series: [
        {},
        { label: 'P90', stroke: COLORS.edge, width: 1, points: { show: false } },
        { label: 'P10', stroke: COLORS.edge, width: 1, points: { show: false } },
        { label: t('risk.p50'), stroke: COLORS.p50, width: 2.5, points: { show: false } },
        { label: t('risk.base'), stroke: COLORS.base, width: 1.5, dash: [4, 4], points: { show: false } },
        { label: t('cockpit.threshold'), stroke: COLORS.threshold, width: 1.5, dash: [6, 5], points: { show: false } },
      ],
      bands: [{ series: [1, 2], fill: COLORS.band }],
    }, data, host);
    this.dataset.drawn = String(weeks.length);
  }
}

customElements.define('cordee-cash-risk', CashRiskPanel);
