import { html, nothing } from 'lit';
import { fieldErrors, errorsFor } from '../../ui.js';
import { t, formatDate } from '../../i18n.js';

// Part of the briefs view (ADR 0081): a version's objectives, personas, constraints, assumptions, out of scope and dates.

/** The text lists of a version, edited as one item per line. */
export const LISTS = ['objectives', 'targetUsers', 'constraints', 'assumptions', 'outOfScope'];
export const DATES = ['launchDate', 'communicationPlanDate'];
const lines = (text) => text.split('\n').map((s) => s.trim()).filter(Boolean);
export const sameList = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

export function openDetails(view, v) {
  view.details = Object.fromEntries([...LISTS.map((f) => [f, v[f].join('\n')]), ...DATES.map((f) => [f, v[f] ?? ''])]);
  view.detailErrors = [];
  view.focusAfterRender = '[data-testid=details-form] textarea';
}

export async function saveDetails(view, v) {
  const changes = {};
  const local = [];
  for (const f of LISTS) {
    const items = lines(view.details[f]);
    if (!sameList(items, v[f])) changes[f] = items;
  }
  for (const f of DATES) {
    const value = view.details[f];
    if (!value && v[f]) local.push({ field: [f], message: t('briefs.dateRequired') });
    else if (value && value !== v[f]) changes[f] = value;
  }
  if (local.length) {
    view.detailErrors = local;
    return;
  }
  if (Object.keys(changes).length === 0) {
    view.details = null;
    view.notice = { key: 'briefs.nothingChanged' };
    return;
  }
  const errors = await view.write(v, changes);
  if (errors === null) return;
  if (errors.length) {
    // a list's errors name the item: say which line
    view.detailErrors = errors.map((e) => (e.field?.length > 1 && LISTS.includes(e.field[0])
      ? { ...e, field: [e.field[0]], message: t('briefs.line', { n: Number(e.field[1]) + 1, message: e.message }) } : e));
    view.rest(errors, errors.filter((e) => [...LISTS, ...DATES].includes(e.field?.[0])));
    return;
  }
  view.details = null;
  view.focusAfterRender = '[data-testid=edit-details]';
}

export function detailsView(view, v, project) {
  const list = (f) => (v[f].length ? html`<ul>${v[f].map((x) => html`<li>${x}</li>`)}</ul>` : html`<span class="muted">${t('briefs.none')}</span>`);
  return html`
    <dl class="brief-details" data-testid="details">
      ${LISTS.map((f) => html`<div data-field=${f}><dt>${t(`briefs.field.${f}`)}</dt><dd>${list(f)}</dd></div>`)}
      ${DATES.map((f) => html`<div data-field=${f}><dt>${t(`briefs.field.${f}`)}</dt><dd>${v[f] || !project[f] ? formatDate(v[f])
        : html`${formatDate(project[f])} <span class="muted small">(${t('briefs.fromProject')})</span>`}</dd></div>`)}
    </dl>`;
}

export function detailsForm(view, v, project) {
  const errors = view.detailErrors;
  const set = (f) => (e) => { view.details = { ...view.details, [f]: e.target.value }; };
  const id = (f) => `brief-${f}`;
  const invalid = (f) => (errorsFor(errors, f).length ? 'invalid' : '');
  return html`
    <form class="details-form" data-testid="details-form" @submit=${(e) => { e.preventDefault(); if (!view.busy) saveDetails(view, v); }}
      @keydown=${(e) => { if (e.key === 'Escape') { view.details = null; view.focusAfterRender = '[data-testid=edit-details]'; } }}>
      <p class="muted small">${t('briefs.onePerLine')}</p>
      <div class="details-grid">
        ${LISTS.map((f) => html`<label class=${invalid(f)}>${t(`briefs.field.${f}`)}
          <textarea name=${f} rows="3" .value=${view.details[f]} @input=${set(f)} aria-describedby=${id(`${f}-error`)}></textarea>
          ${fieldErrors(errors, f, id(`${f}-error`))}</label>`)}
        ${DATES.map((f) => html`<label class=${invalid(f)}>${t(`briefs.field.${f}`)}
          <input type="date" name=${f} .value=${view.details[f]} @input=${set(f)} aria-describedby="${id(`${f}-error`)} ${id(`${f}-help`)}">
          ${!v[f] && project[f] ? html`<span class="small" id=${id(`${f}-help`)}>${t('briefs.projectDate', { date: formatDate(project[f]) })}</span>` : nothing}
          ${fieldErrors(errors, f, id(`${f}-error`))}</label>`)}
      </div>
      <div class="actions">
        <button type="submit" data-testid="save-details" ?disabled=${view.busy}>${view.busy ? t('briefs.saving') : t('briefs.save')}</button>
        <button type="button" class="secondary" ?disabled=${view.busy} @click=${() => { view.details = null; }}>${t('briefs.cancel')}</button>
      </div>
    </form>`;
}
