import uPlot from 'uplot'; // the minified build made a module at build time (web-client/pom.xml, ADR 41)
import { html } from 'lit';
import { PlotElement, dateAxis, plotSeconds, stylesheet } from '../ui.js';
import { t, formatDate, addMessages } from '../i18n.js';
import words from './health-chart.words.js';

addMessages(words);

stylesheet('/webjars/uplot/dist/uPlot.min.css');

const COLORS = { score: '#0f5c5c', fair: '#c98a1a', poor: '#c0392b' };

/**
 * A relationship's health over 26 weeks, drawn by uPlot like the cash forecast: the score (0–100) week
 * by week, with the 70 (healthy) and 50 (poor) marks. The numbers are also given as text for screen
 * readers and as `data-points` for tests.
 */
export class HealthChart extends PlotElement {
  static properties = { trend: { attribute: false } };

  render() {
    const trend = this.trend || [];
    const first = trend[0];
    const last = trend.at(-1);
    const summary = first && last
      ? t('client.trendSummary', { from: first.score, fromDate: formatDate(first.asOf), to: last.score }) : '';
    return html`<div class="chart-host health-chart" role="img" aria-label="${t('client.trend')} · ${summary}"
        data-points=${trend.length}></div>
      <ul class="chart-legend" aria-hidden="true">
        <li><span class="swatch" style="background:${COLORS.score}"></span>${t('client.score')}</li>
        <li><span class="swatch dashed" style="border-color:${COLORS.fair}"></span>${t('client.healthyMark')}</li>
        <li><span class="swatch dashed" style="border-color:${COLORS.poor}"></span>${t('client.poorMark')}</li>
      </ul>`;
  }

  updated() {
    this.draw();
  }

  size() {
    return { width: this.hostWidth(280, 500), height: 200 };
  }

  draw() {
    const trend = this.trend;
    const host = trend?.length && this.plotHost();
    if (!host) return;
    const data = [
      trend.map((p) => plotSeconds(p.asOf)),
      trend.map((p) => p.score),
      trend.map(() => 70),
      trend.map(() => 50),
    ];
    this.plot = new uPlot({
      ...this.plotOptions({ points: { size: 7 } }),
      scales: { x: { time: true }, y: { range: [0, 100] } },
      axes: [
        dateAxis(),
        { values: (u, ticks) => ticks.map(String), size: 40, stroke: '#5f6b70', grid: { stroke: '#eef1f2' },
          splits: () => [0, 25, 50, 75, 100] },
      ],
      series: [
        {},
        { label: t('client.score'), stroke: COLORS.score, width: 2.5, fill: 'rgba(15,92,92,0.08)', points: { size: 4 } },
        { label: t('client.healthyMark'), stroke: COLORS.fair, width: 1, dash: [6, 5], points: { show: false } },
        { label: t('client.poorMark'), stroke: COLORS.poor, width: 1, dash: [6, 5], points: { show: false } },
      ],
    }, data, host);
    this.resize.observe(host);
  }
}

customElements.define('cordee-health-chart', HealthChart);
