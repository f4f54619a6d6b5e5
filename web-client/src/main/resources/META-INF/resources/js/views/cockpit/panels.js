import { html, nothing } from 'lit';
import { loading, failure } from '../../ui.js';
import { t, formatDate, formatMoney } from '../../i18n.js';

// Part of the cockpit (ADR 0081): its panels beside and under the chart, the scenario, a client's exposure and the
// projects' time to first cash, written as functions of the view whose state they show. Preloaded with the cockpit
// (app.js's PAGES, and index.html for those whose home it is, ADR 83), so it never waits for cockpit.js to arrive.

const KINDS = ['BASE', 'STRESS', 'CUSTOM'];
const LONG_TIME_TO_CASH_DAYS = 90;

export function scenarioPanel(view) {
  const clients = view.clients || [];
  return html`
    <section class="card scenario" aria-labelledby="scenario-title">
      <h2 id="scenario-title">${t('scenario.title')}</h2>
      <p class="muted small">${t('scenario.hint')}</p>
      <fieldset class="kinds">
        <legend class="visually-hidden">${t('scenario.title')}</legend>
        ${KINDS.map((k) => html`
          <label class="radio">
            <input type="radio" name="scenario-kind" value=${k} data-testid=${`scenario-${k}`}
              .checked=${view.kind === k} @change=${() => view.setKind(k)}>
            <span><strong>${t(`scenario.${k}`)}</strong><span class="muted small">${t(`scenario.${k}.help`)}</span></span>
          </label>`)}
      </fieldset>
      ${view.kind === 'CUSTOM' ? html`
        <div class="adjustments">
          ${view.adjustments.length === 0 ? html`<p class="muted small">${t('scenario.none')}</p>` : nothing}
          ${view.adjustments.map((a, i) => html`
            <fieldset class="adjustment" data-testid="adjustment">
              <legend class="visually-hidden">${t('scenario.client')} ${i + 1}</legend>
              <label>${t('scenario.client')}
                <select @change=${(e) => view.editAdjustment(i, 'clientId', e.target.value)}>
                  <option value="">${t('alloc.choose')}</option>
                  ${clients.map((c) => html`<option value=${c.id} ?selected=${c.id === a.clientId}>${c.name}</option>`)}
                </select></label>
              <div class="row">
                <label>${t('scenario.extraDelay')}<input type="number" min="-365" max="365" step="1"
                  .value=${String(a.extraDelayDays)} @input=${(e) => view.editAdjustment(i, 'extraDelayDays', e.target.value)}></label>
                <label>${t('scenario.deposit')}<input type="number" min="0" max="100" step="5" name="depositPercent"
                  .value=${String(a.depositPercent)} @input=${(e) => view.editAdjustment(i, 'depositPercent', e.target.value)}></label>
              </div>
              <label>${t('scenario.defaultFrom')}<input type="date" .value=${a.defaultFrom}
                @input=${(e) => view.editAdjustment(i, 'defaultFrom', e.target.value)}></label>
              <label class="check"><input type="checkbox" name="monthlyInArrears" .checked=${a.monthlyInArrears}
                @change=${(e) => view.editAdjustment(i, 'monthlyInArrears', e.target.checked)}>${t('scenario.monthly')}</label>
              <button type="button" class="link" @click=${() => view.removeAdjustment(i)}>${t('scenario.remove')}</button>
            </fieldset>`)}
          <div class="actions">
            <button type="button" class="secondary" @click=${() => view.addAdjustment()}>${t('scenario.add')}</button>
            <button type="button" ?disabled=${view.busy} @click=${() => view.load()}>${t('scenario.apply')}</button>
          </div>
        </div>` : nothing}
    </section>`;
}

export function exposurePanel(view) {
  const ex = view.exposure;
  return html`
    <section class="card" aria-labelledby="exposure-title">
      <h2 id="exposure-title">${t('exposure.title')}</h2>
      <p class="muted small">${t('exposure.help')}</p>
      <label>${t('scenario.client')}
        <select data-testid="exposure-client" @change=${(e) => view.loadExposure(e.target.value)}>
          <option value="">${t('exposure.choose')}</option>
          ${(view.clients || []).map((c) => html`<option value=${c.id} ?selected=${c.id === ex.clientId}>${c.name}</option>`)}
        </select></label>
      ${ex.loading ? loading() : nothing}
      ${ex.error ? failure(ex.error, () => view.loadExposure(ex.clientId)) : nothing}
      ${ex.data ? html`
        <dl class="figures compact">
          <div class="figure"><dt>${t('exposure.peak')}</dt>
            <dd data-testid="exposure-peak" data-amount-minor=${ex.data.peak.amountMinor}>${formatMoney(ex.data.peak)}</dd></div>
          <div class="figure"><dt>${t('exposure.peakWeek')}</dt><dd>${formatDate(ex.data.peakWeek)}</dd></div>
          <div class="figure"><dt>${t('exposure.weeksAbove')}</dt><dd>${ex.data.weeksAboveZero}</dd></div>
        </dl>` : nothing}
    </section>`;
}

export function timeToFirstCash(view) {
  const rows = (view.clients || []).flatMap((c) => c.projects
    .filter((p) => p.status === 'ACTIVE' || p.status === 'PLANNED')
    .map((p) => ({ client: c.name, ...p })));
  return html`
    <section class="card" aria-labelledby="ttfc-title">
      <h2 id="ttfc-title">${t('ttfc.title')}</h2>
      <p class="muted small">${t('ttfc.help')}</p>
      <table data-testid="time-to-first-cash">
        <thead><tr><th>${t('ttfc.project')}</th><th>${t('scenario.client')}</th><th class="num">${t('ttfc.title')}</th></tr></thead>
        <tbody>${rows.map((p) => html`
          <tr><td>${p.name}</td><td>${p.client}</td>
            <td class="num ${p.timeToFirstCashDays > LONG_TIME_TO_CASH_DAYS ? 'danger-text' : ''}">
              ${p.timeToFirstCashDays == null ? t('ttfc.none') : t('ttfc.days', { n: p.timeToFirstCashDays })}</td></tr>`)}
        </tbody>
      </table>
    </section>`;
}
