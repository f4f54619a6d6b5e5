import { LitElement, html } from 'lit';
import { t, formatCompactMoney, formatDayMonth } from './i18n.js';

/**
 * Base of every Cordée element: renders into the light DOM (one global stylesheet) and re-renders
 * when the language changes. Text goes only through Lit templates, which escape it.
 */
export class CordeeElement extends LitElement {
  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this.onLocale = () => this.requestUpdate();
    window.addEventListener('cordee-locale', this.onLocale);
  }

  disconnectedCallback() {
    window.removeEventListener('cordee-locale', this.onLocale);
    super.disconnectedCallback();
  }

  /**
   * Runs `work` (async: a request and what its answer changes) as the element's one request under way: `busy`
   * meanwhile (the submit button says so and is disabled), the last `message` cleared first, a request that fails
   * said in `message`.
   */
  async sending(work) {
    this.busy = true;
    this.message = null;
    try {
      await work();
    } catch (e) {
      this.message = e.message;
    } finally {
      this.busy = false;
    }
  }
}

/**
 * Base of the charts drawn by uPlot (the cash forecast and its risk fan, a relationship's health): the plot kept in
 * `this.plot` follows its host's size (`size()`; the host is observed with `this.resize.observe(host)` once drawn) and
 * is destroyed when the chart leaves the page. The uPlot options every chart shares are here; a chart gives only its
 * series, scales and data (uPlot itself is imported by the charts, so a page without one does not load it).
 */
export class PlotElement extends CordeeElement {
  /** Finds, in the chart's template, the element uPlot draws in. */
  static hostSelector = '.chart-host';

  connectedCallback() {
    super.connectedCallback();
    this.resize = new ResizeObserver(() => this.plot?.setSize(this.size()));
  }

  disconnectedCallback() {
    this.resize.disconnect();
    this.plot?.destroy();
    this.plot = null;
    super.disconnectedCallback();
  }

  /** The element the chart is drawn in; null before the first render. */
  chartHost() {
    return this.querySelector(this.constructor.hostSelector);
  }

  /** The host's width, at least `least` (`before` while the host is not laid out yet). */
  hostWidth(least, before = 600) {
    return Math.max(least, this.chartHost()?.clientWidth || before);
  }

  /** The host, the plot drawn in it before destroyed, to draw anew; null before the first render. */
  plotHost() {
    const host = this.chartHost();
    if (host) this.plot?.destroy();
    return host;
  }

  /** Its size, no uPlot legend (each chart lists its own beside the canvas) and no zoom by dragging. */
  plotOptions(cursor = {}) {
    return { ...this.size(), legend: { show: false }, cursor: { drag: { x: false, y: false }, ...cursor } };
  }
}

/** An ISO date (`2026-03-02`) as uPlot's x value: seconds since the epoch, at midnight UTC. */
export const plotSeconds = (iso) => Date.parse(`${iso}T00:00:00Z`) / 1000;

const AXIS = { stroke: '#5f6b70', grid: { stroke: '#eef1f2' } };

/** The x axis of the charts: the weeks (`plotSeconds`) said by day and month. */
export const dateAxis = () => ({
  values: (u, ticks) => ticks.map((s) => formatDayMonth(new Date(s * 1000).toISOString().slice(0, 10))),
  space: 70, ...AXIS,
});

/** An axis of amounts in `currency`, said compactly (the left one; `own` places or styles it otherwise). */
export const moneyAxis = (currency, own = {}) => ({
  values: (u, values) => values.map((v) => formatCompactMoney(v, currency)), size: 70, ...AXIS, ...own,
});

export const loading = () => html`<p class="status" role="status"><span class="spinner" aria-hidden="true"></span>${t('app.loading')}</p>`;

/** A failed request: what went wrong and a way to try again, never a blank page. */
export const failure = (message, retry) => html`
  <div class="failure card" role="alert">
    <p>${message}</p>
    <button type="button" @click=${retry}>${t('app.retry')}</button>
  </div>`;

/** The messages of the userErrors that concern one input field (its last path segment). */
export function errorsFor(userErrors, field) {
  return (userErrors || []).filter((e) => (e.field || []).at(-1) === field).map((e) => e.message);
}

export const fieldErrors = (userErrors, field, id) => {
  const messages = errorsFor(userErrors, field);
  return messages.length ? html`<span class="field-error" id=${id}>${messages.join(' ')}</span>` : '';
};

/**
 * Adds a stylesheet once, when a module that needs it is first loaded (uPlot's: not on the sign-in page; a view's
 * own styles, ADR 0081). The promise settles when the sheet has arrived (or failed: the view still shows), so a view
 * that awaits it at the top of its module is never drawn without its styles.
 */
export function stylesheet(href) {
  let link = document.querySelector(`link[rel="stylesheet"][href="${href}"]`);
  if (link?.sheet) return Promise.resolve();
  if (!link) {
    link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
    document.head.append(link);
  }
  return new Promise((settle) => {
    link.addEventListener('load', settle, { once: true });
    link.addEventListener('error', settle, { once: true });
  });
}
