import uPlot from 'uplot'; // the minified build made a module at build time (web-client/pom.xml, ADR 41)
import { html } from 'lit';
import { PlotElement, dateAxis, moneyAxis, plotSeconds, stylesheet } from '../ui.js';
import { t, formatCompactMoney, formatDayMonth, addMessages } from '../i18n.js';
import words from './cash-chart.words.js';

addMessages(words);

stylesheet('/webjars/uplot/dist/uPlot.min.css');

const COLORS = { closing: '#0f5c5c', threshold: '#c0392b', inflow: '#4caf7a', outflow: '#e59a4b' };

/**
 * The weekly forecast drawn by uPlot on a canvas: the closing balance and the safety threshold on the
 * left axis, inflow and outflow bars on the right one. Pointing at a week reports its index in a
 * `week-focus` event; the host renders the details (client names stay out of the canvas code).
 */
export class CashChart extends PlotElement {
  static properties = { forecast: { attribute: false } };

  render() {
    return html`<div class="chart-host" role="img" tabindex="0" aria-label="${t('cockpit.chart')} · ${t('cockpit.keysHint')}"
        @keydown=${(e) => this.key(e)}></div>
      <ul class="chart-legend" aria-hidden="true">
        <li><span class="swatch" style="background:${COLORS.closing}"></span>${t('cockpit.closing')}</li>
        <li><span class="swatch dashed" style="border-color:${COLORS.threshold}"></span>${t('cockpit.threshold')}</li>
        <li><span class="swatch" style="background:${COLORS.inflow}"></span>${t('cockpit.inflow')}</li>
        <li><span class="swatch" style="background:${COLORS.outflow}"></span>${t('cockpit.outflow')}</li>
        <li><span class="marker" style="color:${COLORS.threshold}">●</span>${t('cockpit.markCrossing')}</li>
        <li><span class="marker" style="color:${COLORS.closing}">▼</span>${t('cockpit.markLowest')}</li>
      </ul>`;
  }

  updated() {
    this.draw();
  }

  /** Left and right arrows move from week to week, as the pointer does. */
  key(event) {
    const step = { ArrowLeft: -1, ArrowRight: 1 }[event.key];
    const u = this.plot;
    if (!step || !u) return;
    event.preventDefault();
    const last = u.data[0].length - 1;
    const index = Math.min(last, Math.max(0, (u.cursor.idx ?? this.keyIndex ?? -1) + step));
    this.keyIndex = index;
    u.setCursor({ left: u.valToPos(u.data[0][index], 'x'), top: u.valToPos(u.data[1][index], 'y') });
  }

  /** The first week under the threshold (a ring) and the lowest point (a triangle), with their labels. */
  marks(u) {
    const f = this.forecast;
    const crossing = f.weeks.findIndex((w) => w.weekStart === f.firstWeekBelowThreshold);
    const lowest = f.weeks.findIndex((w) => w.weekStart === f.lowestWeek);
    const { ctx } = u;
    const at = (i) => [u.valToPos(u.data[0][i], 'x', true), u.valToPos(u.data[1][i], 'y', true)];
    const ratio = devicePixelRatio || 1;
    ctx.save();
    ctx.font = `${12 * ratio}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    if (crossing >= 0) {
      const [x, y] = at(crossing);
      ctx.strokeStyle = COLORS.threshold;
      ctx.lineWidth = 2.5 * ratio;
      ctx.beginPath();
      ctx.arc(x, y, 7 * ratio, 0, 2 * Math.PI);
      ctx.stroke();
      ctx.fillStyle = COLORS.threshold;
      ctx.fillText(formatDayMonth(f.firstWeekBelowThreshold), x, y - 12 * ratio);
    }
    if (lowest >= 0) {
      const [x, y] = at(lowest);
      ctx.fillStyle = COLORS.closing;
      ctx.beginPath();
      ctx.moveTo(x - 7 * ratio, y + 4 * ratio);
      ctx.lineTo(x + 7 * ratio, y + 4 * ratio);
      ctx.lineTo(x, y + 14 * ratio);
      ctx.closePath();
      ctx.fill();
      ctx.fillText(formatCompactMoney(Number(f.lowestBalance.amount), f.lowestBalance.currency), x, y + 28 * ratio);
    }
    ctx.restore();
    this.dataset.crossingIndex = crossing;
    this.dataset.lowestIndex = lowest;
  }

  size() {
    const width = this.hostWidth(320);
    return { width, height: width < 700 ? 260 : 320 };
  }

  draw() {
    const f = this.forecast;
    const host = f && this.plotHost();
    if (!host) return;
    const currency = f.opening.currency;
    const data = [
      f.weeks.map((w) => plotSeconds(w.weekStart)),
      f.weeks.map((w) => Number(w.closing.amount)),
      f.weeks.map(() => Number(f.safetyThreshold.amount)),
      f.weeks.map((w) => Number(w.inflow.amount)),
      f.weeks.map((w) => Number(w.outflow.amount)),
    ];
    const bars = (align) => uPlot.paths.bars({ size: [0.38, 28], align });
    this.plot = new uPlot({
      ...this.plotOptions({ points: { size: 7 } }),
      scales: { x: { time: true }, flow: { range: (u, min, max) => [0, max * 2.2 || 1] } },
      axes: [
        dateAxis(),
        moneyAxis(currency),
        moneyAxis(currency, { scale: 'flow', side: 1, stroke: '#8a9498', grid: { show: false } }),
      ],
      series: [
        {},
        { label: t('cockpit.closing'), stroke: COLORS.closing, width: 2.5, fill: 'rgba(15,92,92,0.06)' },
        { label: t('cockpit.threshold'), stroke: COLORS.threshold, width: 1.5, dash: [6, 5], points: { show: false } },
        { label: t('cockpit.inflow'), scale: 'flow', fill: COLORS.inflow, stroke: COLORS.inflow, paths: bars(-1),
          points: { show: false } },
        { label: t('cockpit.outflow'), scale: 'flow', fill: COLORS.outflow, stroke: COLORS.outflow, paths: bars(1),
          points: { show: false } },
      ],
      hooks: {
        draw: [(u) => this.marks(u)],
        setCursor: [(u) => {
          if (u.cursor.idx != null) {
            this.dispatchEvent(new CustomEvent('week-focus', { detail: u.cursor.idx, bubbles: true }));
          }
        }],
      },
    }, data, host);
    this.resize.observe(host);
    performance.mark('cordee:cockpit-chart');
  }
}

customElements.define('cordee-cash-chart', CashChart);
