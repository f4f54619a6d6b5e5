import { html, nothing } from 'lit';
import { gql, subscribe } from '../graphql.js';
import { CordeeElement } from '../ui.js';
import { t, addMessages } from '../i18n.js';
import words from './import.words.js';

addMessages(words);

const JOB_FIELDS = `id kind status rowCount failure headers mapping { header field } fields { key required }
  preview(first: 10) { row cells } progress { done total }
  report { rows applied issueCount counts { record created updated skipped } issues(first: 100) { row column message code }
    noteCount notes(first: 100) { row kind message } }`;
const JOB = `query($id: ID!) { importJob(id: $id) { ${JOB_FIELDS} } }`;
const SET_MAPPING = `mutation($in: SetImportMappingInput!) { setImportMapping(input: $in) { job { ${JOB_FIELDS} }
  userErrors { field message code } } }`;
const DRY_RUN = `mutation($id: ID!) { dryRunImport(input: {id: $id}) { job { ${JOB_FIELDS} } userErrors { field message code } } }`;
const APPLY = `mutation($id: ID!) { applyImport(input: {id: $id}) { job { ${JOB_FIELDS} } userErrors { field message code } } }`;
const PROGRESS = `subscription($id: ID!) { importJobChanged(id: $id) { ${JOB_FIELDS} } }`;
const CANCEL = `mutation($id: ID!) { cancelImport(input: {id: $id}) { job { ${JOB_FIELDS} } userErrors { field message code } } }`;

/**
 * #/import (ADR 49): upload a CSV or XLSX file, check and change how its columns are read, see the first rows and
 * every issue at its row, dry-run, apply (one transaction, a progress bar while the server works), see the report.
 */
class CordeeImport extends CordeeElement {
  static properties = { kind: { state: true }, job: { state: true }, busy: { state: true }, error: { state: true },
    done: { state: true } };

  constructor() {
    super();
    this.kind = 'CLIENTS';
  }

  async upload(event) {
    event.preventDefault();
    const file = this.renderRoot.querySelector('[data-testid=import-file]').files[0];
    if (!file) { this.error = t('import.noFile'); return; }
    this.busy = true; this.error = null; this.done = false; this.job = null;
    try {
      const type = /\.xlsx$/i.test(file.name) ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : 'text/csv';
      const response = await fetch(`/imports?kind=${this.kind}&fileName=${encodeURIComponent(file.name)}`,
        { method: 'POST', headers: { 'Content-Type': type }, body: file, credentials: 'same-origin' });
      const body = await response.json();
      if (!response.ok) { this.error = body.errors?.[0]?.message || response.statusText; return; }
      this.job = (await gql(JOB, { id: body.id })).importJob;
    } catch (e) {
      this.error = e.message;
    } finally {
      this.busy = false;
    }
  }

  async run(query, variables, key) {
    this.busy = true; this.error = null;
    try {
      const payload = (await gql(query, variables))[key];
      if (payload.userErrors.length) { this.error = payload.userErrors.map((u) => u.message).join(' '); return; }
      this.job = payload.job;
      if (this.job.status === 'APPLYING') this.job = await this.follow(this.job.id);
      // asked again every 500 ms only when the subscription could not be had (ADR 56)
      while (this.job.status === 'APPLYING') {
        await new Promise((r) => setTimeout(r, 500));
        this.job = (await gql(JOB, { id: this.job.id })).importJob;
      }
      this.done = this.job.status === 'APPLIED';
    } catch (e) {
      this.error = e.message;
    } finally {
      this.busy = false;
    }
  }

  /** The job pushed by importJobChanged while it is applied (ADR 56): resolves with it once no longer APPLYING. */
  follow(id) {
    return new Promise((resolve) => {
      let settled = false;
      let end = () => {};
      const finish = (job) => {
        if (settled) return;
        settled = true;
        end();
        resolve(job);
      };
      end = subscribe(PROGRESS, (data) => {
        this.job = data.importJobChanged;
        if (this.job.status !== 'APPLYING') finish(this.job);
      }, (live) => { if (!live) finish(this.job); }, { id }, () => finish(this.job));
      if (settled) end();
    });
  }

  map(header, field) {
    return this.run(SET_MAPPING, { in: { id: this.job.id, columns: [{ header, field }] } }, 'setImportMapping');
  }

  renderReport(report) {
    if (!report) return nothing;
    return html`<section class="card" data-testid="import-report" aria-live="polite">
      <h2>${report.applied ? t('import.applied') : t('import.dryRun.title')}</h2>
      <table><thead><tr><th>${t('import.record')}</th><th>${t('import.created')}</th><th>${t('import.updated')}</th>
        <th>${t('import.skipped')}</th></tr></thead>
      <tbody>${report.counts.map((c) => html`<tr data-testid="import-count-${c.record}"><td>${t(`import.record.${c.record}`)}</td>
        <td>${c.created}</td><td>${c.updated}</td><td>${c.skipped}</td></tr>`)}</tbody></table>
      ${report.issueCount ? html`<p class="error" role="alert">${t('import.issues', { n: report.issueCount })}</p>
        <ul data-testid="import-issues">${report.issues.map((i) => html`<li data-testid="import-issue-${i.row}">
          ${t('import.row', { row: i.row })}${i.column ? html`, <strong>${i.column}</strong>` : nothing} : ${i.message}</li>`)}</ul>`
        : nothing}
      ${report.noteCount ? html`<h3>${t('import.notes')}</h3>
        <ul data-testid="import-notes">${report.notes.map((n) => html`<li data-testid="import-note-${n.kind}">
          <strong>${t(`import.note.${n.kind}`)}</strong> — ${n.row ? t('import.row', { row: n.row }) : t('import.wholeFile')} : ${n.message}</li>`)}</ul>`
        : nothing}
    </section>`;
  }

  render() {
    const job = this.job;
    const open = job && ['READY', 'FAILED'].includes(job.status);
    return html`<h1>${t('import.title')}</h1>
      <p data-testid="import-other-kinds">${t('import.alsoFrom')} <a href="#/timesheets">${t('nav.timesheets')}</a> ·
        <a href="#/statements">${t('nav.statements')}</a></p>
      <form class="card" data-testid="import-upload" @submit=${(e) => this.upload(e)}>
        <p>${t('import.intro')}</p>
        <label>${t('import.kind')}<select data-testid="import-kind" @change=${(e) => { this.kind = e.target.value; }}>
          ${['CLIENTS', 'INVOICES', 'PAYMENTS', 'FEC', 'PROJECTS', 'TEAM'].map((k) => html`<option value=${k} ?selected=${this.kind === k}>${t(`import.kind.${k}`)}</option>`)}
        </select></label>
        <label>${t('import.file')}<input type="file" data-testid="import-file" accept=".csv,.xlsx,.txt,text/csv"></label>
        <button type="submit" data-testid="import-upload-submit" ?disabled=${this.busy}>${this.busy ? t('import.busy') : t('import.upload')}</button>
      </form>
      ${this.error ? html`<p class="error" role="alert" data-testid="import-error">${this.error}</p>` : nothing}
      ${job ? html`<section class="card" data-testid="import-job">
        <h2>${job.rowCount} ${t('import.rows')} — ${t(`import.status.${job.status}`)}</h2>
        <div class="scroll"><table data-testid="import-mapping"><thead><tr>${job.mapping.map((m) => html`<th>
          <label>${m.header}<select data-testid="import-map-${m.header}" ?disabled=${!open || this.busy}
            @change=${(e) => this.map(m.header, e.target.value)}>
            ${m.field ? nothing : html`<option value="" selected>${t('import.unknown')}</option>`}
            ${job.fields.map((f) => html`<option value=${f.key} ?selected=${m.field === f.key}>${f.key}${f.required ? ' *' : ''}</option>`)}
            <option value="ignore" ?selected=${m.field === 'ignore'}>${t('import.ignore')}</option>
          </select></label></th>`)}</tr></thead>
          <tbody>${job.preview.map((r) => html`<tr><th scope="row">${r.row}</th>${r.cells.map((c) => html`<td>${c}</td>`)}</tr>`)}</tbody>
        </table></div>
        ${job.status === 'APPLYING' ? html`<progress data-testid="import-progress" max=${job.progress.total || 1}
          value=${job.progress.done} aria-label=${t('import.progress')}></progress>` : nothing}
        ${job.failure ? html`<p class="error" role="alert">${job.failure}</p>` : nothing}
        <p class="actions">
          <button type="button" data-testid="import-dry-run" ?disabled=${!open || this.busy}
            @click=${() => this.run(DRY_RUN, { id: job.id }, 'dryRunImport')}>${t('import.dryRun')}</button>
          <button type="button" data-testid="import-apply" ?disabled=${!open || this.busy}
            @click=${() => this.run(APPLY, { id: job.id }, 'applyImport')}>${t('import.apply')}</button>
          <button type="button" data-testid="import-cancel" ?disabled=${!(open || job.status === 'APPLYING')}
            @click=${() => this.run(CANCEL, { id: job.id }, 'cancelImport')}>${t('import.cancel')}</button>
        </p>
        ${this.done ? html`<p class="success" role="status" data-testid="import-done">${t('import.done')}
          <a href="#/clients">${t('import.toClients')}</a></p>` : nothing}
      </section>${this.renderReport(job.report)}` : nothing}`;
  }
}
customElements.define('cordee-import', CordeeImport);
