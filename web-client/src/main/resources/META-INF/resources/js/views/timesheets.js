import { html, nothing } from 'lit';
import { gql } from '../graphql.js';
import { CordeeElement, loading, failure } from '../ui.js';
import { t, formatDate, formatMoney, formatNumber, formatPercent, addMessages } from '../i18n.js';
import { todayIso } from '../clock.js';
import words from './timesheets.words.js';

addMessages(words);

// Timesheets (issue 18 point 2, ADR 57): #/timesheets imports a Harvest or Toggl Track CSV export (OWNER,
// FINANCE); <cordee-project-timesheet> shows a project's actual beside allocated days per member and week and its
// budget burn on the project page (a LEAD sees the days, not the costs: the server leaves them null).
const IMPORT_TIMESHEET = `mutation($in: ImportTimesheetInput!) { importTimesheet(input: $in) { entries created unchanged hours
  issues { row column message } userErrors { field message code } } }`;
const PROJECT_TIMESHEET = `query($id: ID!, $d0: Date!, $weeks: Int) { projectTimesheet(projectId: $id, from: $d0, weeks: $weeks) {
  weeks { teamMemberId teamMemberName weekStart actualDays allocatedDays }
  budgetBurn { feeBudget { amount amountMinor currency } actualDays actualCost { amount amountMinor currency }
    invoiced { amount amountMinor currency } } } }`;
const WEEKS = 8;

/** The file's text: UTF-8 when it decodes strictly, else Windows-1252 (a spreadsheet saved on Windows). */
async function fileText(file) {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The Monday of an ISO date's week, moved by {@code weeks} weeks. */
function monday(iso, weeks = 0) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7) + weeks * 7);
  return d.toISOString().slice(0, 10);
}

/** #/timesheets: choose the tracker and the file, check it (dry run) or import it; issues by row and column. */
class CordeeTimesheets extends CordeeElement {
  static properties = { format: { state: true }, busy: { state: true }, result: { state: true },
    errors: { state: true }, applied: { state: true } };

  constructor() {
    super();
    this.format = 'HARVEST';
    this.errors = [];
  }

  async send(dryRun) {
    const file = this.renderRoot.querySelector('[data-testid=timesheet-file]').files[0];
    this.result = null; this.applied = false;
    if (!file) { this.errors = [{ field: ['content'], message: t('timesheets.noFile') }]; return; }
    this.busy = true; this.errors = [];
    try {
      const content = await fileText(file);
      const payload = (await gql(IMPORT_TIMESHEET, { in: { format: this.format, content, fileName: file.name, dryRun } }))
        .importTimesheet;
      this.errors = payload.userErrors;
      if (!payload.userErrors.length) {
        this.result = { ...payload, dryRun };
        this.applied = !dryRun && payload.issues.length === 0;
      }
    } catch (e) {
      this.errors = [{ field: [], message: e.message }];
    } finally {
      this.busy = false;
    }
  }

  fieldErrors(field) {
    const messages = this.errors.filter((e) => (e.field || []).join('.') === field).map((e) => e.message);
    return messages.length ? html`<span class="field-error" id="err-timesheet-${field}" data-testid="timesheet-error-${field}">${messages.join(' ')}</span>` : nothing;
  }

  render() {
    const r = this.result;
    const other = this.errors.filter((e) => !['content', 'format'].includes((e.field || []).join('.')));
    return html`<h1>${t('timesheets.title')}</h1>
      <form class="card" data-testid="timesheet-upload" @submit=${(e) => { e.preventDefault(); this.send(false); }}>
        <p>${t('timesheets.intro')}</p>
        <label>${t('timesheets.format')}<select data-testid="timesheet-format" ?disabled=${this.busy}
          @change=${(e) => { this.format = e.target.value; }}>
          ${['HARVEST', 'TOGGL'].map((f) => html`<option value=${f} ?selected=${this.format === f}>${t(`timesheets.format.${f}`)}</option>`)}
        </select>${this.fieldErrors('format')}</label>
        <label>${t('timesheets.file')}<input type="file" data-testid="timesheet-file" accept=".csv,text/csv"
          aria-describedby="err-timesheet-content" aria-invalid=${this.errors.some((e) => (e.field || []).join('.') === 'content') ? 'true' : 'false'}>
          ${this.fieldErrors('content')}</label>
        <p class="actions">
          <button type="button" class="secondary" data-testid="timesheet-dry-run" ?disabled=${this.busy}
            @click=${() => this.send(true)}>${t('timesheets.check')}</button>
          <button type="submit" data-testid="timesheet-import" ?disabled=${this.busy}>${this.busy ? t('timesheets.busy') : t('timesheets.import')}</button>
        </p>
        ${other.length ? html`<p class="error" role="alert">${other.map((e) => e.message).join(' ')}</p>` : nothing}
      </form>
      ${r ? html`<section class="card" data-testid="timesheet-result" aria-live="polite">
        ${r.issues.length ? html`<p class="error" role="alert">${t('timesheets.issues', { n: r.issues.length })}</p>
          <div class="scroll"><table data-testid="timesheet-issues"><thead><tr><th>${t('timesheets.row')}</th>
            <th>${t('timesheets.column')}</th><th>${t('timesheets.problem')}</th></tr></thead>
          <tbody>${r.issues.map((i) => html`<tr data-testid="timesheet-issue-${i.row}"><td>${i.row}</td><td>${i.column}</td>
            <td>${i.message}</td></tr>`)}</tbody></table></div>`
        : html`<p role="status" class=${this.applied ? 'success' : ''} data-testid="timesheet-summary">${t(r.dryRun
          ? 'timesheets.wouldImport' : 'timesheets.imported', { created: r.created, unchanged: r.unchanged,
          hours: formatNumber(r.hours, 2) })}</p>`}
      </section>` : nothing}`;
  }
}
customElements.define('cordee-timesheets', CordeeTimesheets);

/** On a project's page: its budget burn, then actual beside allocated days per member over eight weeks. */
class ProjectTimesheet extends CordeeElement {
  static properties = { projectId: {}, role: {}, from: { state: true }, data: { state: true }, error: { state: true } };

  constructor() {
    super();
    this.from = monday(todayIso(), -(WEEKS - 1));
  }

  updated(changed) {
    if (changed.has('projectId') && this.projectId) this.load();
  }

  async load() {
    this.error = null;
    try {
      this.data = (await gql(PROJECT_TIMESHEET, { id: this.projectId, d0: this.from, weeks: WEEKS })).projectTimesheet;
    } catch (e) {
      this.error = e.message;
    }
  }

  move(weeks) {
    this.from = monday(this.from, weeks);
    this.load();
  }

  renderBurn(b) {
    const fee = Number(b.feeBudget.amountMinor);
    const share = (m) => (m && fee > 0 ? html` (${formatPercent(Number(m.amountMinor) / fee)})` : nothing);
    return html`<dl data-testid="budget-burn">
      <div><dt>${t('project.fee')}</dt><dd data-testid="burn-fee">${formatMoney(b.feeBudget)}</dd></div>
      <div><dt>${t('timesheets.actualDays')}</dt><dd data-testid="burn-days">${formatNumber(b.actualDays, 2)}</dd></div>
      ${b.actualCost ? html`<div><dt>${t('timesheets.actualCost')}</dt>
        <dd data-testid="burn-cost">${formatMoney(b.actualCost, { cents: true })}${share(b.actualCost)}</dd></div>` : nothing}
      ${b.invoiced ? html`<div><dt>${t('timesheets.invoiced')}</dt>
        <dd data-testid="burn-invoiced">${formatMoney(b.invoiced, { cents: true })}${share(b.invoiced)}</dd></div>` : nothing}
    </dl>`;
  }

  render() {
    if (this.error) return failure(this.error, () => this.load());
    if (!this.data) return loading();
    const weeks = this.data.weeks;
    return html`<section class="card" data-testid="project-timesheet">
      <h2>${t('timesheets.burnTitle')}</h2>
      ${this.renderBurn(this.data.budgetBurn)}
      <h3>${t('timesheets.weeksTitle', { from: formatDate(this.from) })}</h3>
      <p class="actions">
        <button type="button" class="secondary small" data-testid="timesheet-earlier" @click=${() => this.move(-WEEKS)}>${t('timesheets.earlier')}</button>
        <button type="button" class="secondary small" data-testid="timesheet-later" @click=${() => this.move(WEEKS)}>${t('timesheets.later')}</button>
      </p>
      ${weeks.length ? html`<div class="scroll"><table data-testid="timesheet-weeks"><thead><tr>
          <th>${t('timesheets.week')}</th><th>${t('timesheets.member')}</th>
          <th class="num">${t('timesheets.actual')}</th><th class="num">${t('timesheets.allocated')}</th></tr></thead>
        <tbody>${weeks.map((w) => html`<tr data-testid="timesheet-week">
          <td>${formatDate(w.weekStart)}</td><td>${w.teamMemberName}</td>
          <td class="num">${formatNumber(w.actualDays, 2)}</td><td class="num">${formatNumber(w.allocatedDays, 2)}</td></tr>`)}
        </tbody></table></div>`
      : html`<p class="muted" data-testid="timesheet-empty">${t('timesheets.none')}</p>`}
    </section>`;
  }
}
customElements.define('cordee-project-timesheet', ProjectTimesheet);
