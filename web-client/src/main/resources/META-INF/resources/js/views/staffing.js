import { html, nothing } from 'lit';
import { gql } from '../graphql.js';
import { CordeeElement, loading, failure, fieldErrors, errorsFor } from '../ui.js';
import { t, formatDate, formatMonth, formatPercent, formatNumber } from '../i18n.js';
import { thisMonthIso, lastDayIso } from '../clock.js';

const MONTHS = 6;
const WARN = 0.3;
const CRITICAL = 0.5;
const ALLOCATION = 'id version sharePercent startDate endDate teamMember { id name } project { id name client { name } }';
// One request for the whole view: capacity, over-allocated weeks, allocations and what the editor offers.
const STAFFING = `query Staffing($from: String!, $months: Int!, $d0: Date!, $d1: Date!) {
  capacity(from: $from, months: $months) { month workingDays capacityDays
    clients { client { id name } allocatedDays share } }
  overAllocations(from: $d0, to: $d1) { teamMember { id name } weekStart peakPercent }
  allocations(first: 100) { totalCount nodes { ${ALLOCATION} } }
  teamMembers(first: 100) { nodes { id name } }
  projects(first: 100) { nodes { id name status client { name } } } }`;
const ERRORS = 'userErrors { field message code }';
const CREATE = `mutation($input: CreateAllocationInput!) { createAllocation(input: $input) { allocation { ${ALLOCATION} } ${ERRORS} } }`;
const UPDATE = `mutation($input: UpdateAllocationInput!) { updateAllocation(input: $input) { allocation { ${ALLOCATION} } ${ERRORS} } }`;
const DELETE = `mutation($input: DeleteAllocationInput!) { deleteAllocation(input: $input) { deletedAllocationId ${ERRORS} } }`;

const conflict = (errors) => (errors || []).some((e) => e.code === 'CONFLICT');
const level = (share) => (share >= CRITICAL ? 'critical' : share >= WARN ? 'warn' : '');

/** Staffing: who takes the agency's capacity month by month, who is over-allocated, and the allocations. */
class Staffing extends CordeeElement {
  static properties = {
    data: { state: true }, error: { state: true }, rows: { state: true }, draft: { state: true },
    draftErrors: { state: true }, notice: { state: true },
  };

  constructor() {
    super();
    this.rows = {};
    this.draft = { sharePercent: 50, startDate: '', endDate: '' };
    this.draftErrors = [];
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  /** Loads the view; after a change, again in the background so capacity and over-allocation follow. */
  async load({ keepRows = false } = {}) {
    this.error = null;
    const from = thisMonthIso(); // the server's month, not the computer's
    const d0 = `${from}-01`;
    const d1 = lastDayIso(from, MONTHS - 1);
    try {
      this.data = await gql(STAFFING, { from, months: MONTHS, d0, d1 });
      if (!keepRows) this.rows = {};
    } catch (e) {
      this.error = e.message;
    }
  }

  render() {
    if (!this.data) {
      return html`<h1 class="page-title">${t('staffing.title')}</h1>
        ${this.error ? failure(this.error, () => this.load()) : loading()}`;
    }
    return html`
      <div class="page-head"><h1 class="page-title">${t('staffing.title')}</h1></div>
      ${this.error ? failure(this.error, () => this.load()) : nothing}
      ${this.capacity()}
      ${this.overAllocated()}
      ${this.editor()}`;
  }

  capacity() {
    const months = this.data.capacity;
    const clients = new Map();
    for (const m of months) {
      for (const c of m.clients) {
        const row = clients.get(c.client.id) || { name: c.client.name, shares: {}, max: 0 };
        row.shares[m.month] = c.share;
        row.max = Math.max(row.max, c.share);
        clients.set(c.client.id, row);
      }
    }
    const rows = [...clients.values()].sort((a, b) => b.max - a.max);
    const total = (m) => m.clients.reduce((sum, c) => sum + c.share, 0);
    return html`
      <section class="card" aria-labelledby="capacity-title">
        <h2 id="capacity-title">${t('staffing.capacity')}</h2>
        <p class="muted small">${t('staffing.capacityHelp')}</p>
        <div class="scroll"><table class="capacity" data-testid="capacity">
          <thead><tr><th>${t('staffing.client')}</th>${months.map((m) => html`
            <th class="num"><span>${formatMonth(m.month)}</span>
              <span class="muted small block">${t('staffing.workingDays', { n: m.workingDays })}</span></th>`)}</tr></thead>
          <tbody>
            ${rows.map((r) => html`<tr><th scope="row">${r.name}</th>${months.map((m) => this.shareCell(r.shares[m.month]))}</tr>`)}
          </tbody>
          <tfoot>
            <tr><th scope="row">${t('staffing.total')}</th>${months.map((m) => html`
              <td class="num ${total(m) > 1 ? 'over' : ''}">${formatPercent(total(m))}</td>`)}</tr>
            <tr><th scope="row">${t('staffing.free')}</th>${months.map((m) => html`
              <td class="num ${total(m) > 1 ? 'over' : ''}">${formatPercent(1 - total(m))}</td>`)}</tr>
            <tr><th scope="row">${t('staffing.capacityDays')}</th>${months.map((m) => html`
              <td class="num muted">${formatNumber(m.capacityDays, 1)}</td>`)}</tr>
          </tfoot>
        </table></div>
      </section>`;
  }

  shareCell(share) {
    if (!share) return html`<td class="num muted">—</td>`;
    return html`<td class="num share ${level(share)}">
      <span class="value">${formatPercent(share, 1)}</span>
      <span class="track" aria-hidden="true"><span class="bar" style="width:${Math.min(100, share * 100).toFixed(1)}%"></span></span></td>`;
  }

  overAllocated() {
    const byMember = new Map();
    for (const w of this.data.overAllocations) {
      const m = byMember.get(w.teamMember.id) || { name: w.teamMember.name, weeks: [], peak: 0 };
      m.weeks.push(w.weekStart);
      m.peak = Math.max(m.peak, w.peakPercent);
      byMember.set(w.teamMember.id, m);
    }
    const members = [...byMember.values()].sort((a, b) => b.peak - a.peak || a.name.localeCompare(b.name));
    return html`
      <section class="card" aria-labelledby="over-title">
        <h2 id="over-title">${t('staffing.overTitle')} ${members.length ? html`<span class="count danger-text">${members.length}</span>` : nothing}</h2>
        ${members.length === 0 ? html`<p class="muted">${t('staffing.overNone')}</p>` : html`
          <div class="scroll"><table data-testid="over-allocations">
            <thead><tr><th>${t('staffing.member')}</th><th>${t('staffing.week')}</th><th class="num">${t('staffing.peak')}</th></tr></thead>
            <tbody>${members.map((m) => html`<tr><td>${m.name}</td>
              <td>${formatDate(m.weeks[0])} → ${formatDate(m.weeks.at(-1))} <span class="muted">(${m.weeks.length})</span></td>
              <td class="num danger-text">${formatPercent(m.peak / 100)}</td></tr>`)}</tbody>
          </table></div>`}
      </section>`;
  }

  editor() {
    const allocations = [...this.data.allocations.nodes].sort((a, b) =>
      a.project.client.name.localeCompare(b.project.client.name) || a.project.name.localeCompare(b.project.name)
      || a.teamMember.name.localeCompare(b.teamMember.name));
    const groups = [];
    for (const a of allocations) {
      if (groups.at(-1)?.project.id !== a.project.id) groups.push({ project: a.project, items: [] });
      groups.at(-1).items.push(a);
    }
    return html`
      <section class="card" aria-labelledby="alloc-title">
        <h2 id="alloc-title">${t('alloc.title')} <span class="count">${this.data.allocations.totalCount === 1 ? t('alloc.countOne')
          : t('alloc.count', { n: this.data.allocations.totalCount })}</span></h2>
        ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
        ${this.createForm()}
        ${groups.length === 0 ? html`<p class="muted">${t('alloc.none')}</p>` : html`
        <div class="scroll"><table class="allocations" data-testid="allocations">
          <thead><tr><th>${t('alloc.member')}</th><th>${t('alloc.share')}</th><th>${t('alloc.start')}</th>
            <th>${t('alloc.end')}</th><th><span class="visually-hidden">${t('alloc.save')}</span></th></tr></thead>
          ${groups.map((g) => html`<tbody>
            <tr class="group"><th colspan="5" scope="colgroup">${g.project.client.name} · ${g.project.name}</th></tr>
            ${g.items.map((a) => this.row(a))}</tbody>`)}
        </table></div>`}
      </section>`;
  }

  createForm() {
    const errors = this.draftErrors;
    const field = (name, label, input) => html`<label class=${errorsFor(errors, name).length ? 'invalid' : ''}>${label}${input}
      ${fieldErrors(errors, name, `new-${name}-error`)}</label>`;
    const other = errors.filter((e) => !['teamMemberId', 'projectId', 'sharePercent', 'startDate', 'endDate'].includes((e.field || []).at(-1)));
    return html`
      <form class="alloc-form" data-testid="new-allocation" @submit=${(e) => this.create(e)}>
        <h3>${t('alloc.new')}</h3>
        <div class="form-row">
          ${field('teamMemberId', t('alloc.member'), html`<select name="teamMemberId" required>
            <option value="">${t('alloc.choose')}</option>
            ${this.data.teamMembers.nodes.map((m) => html`<option value=${m.id}>${m.name}</option>`)}</select>`)}
          ${field('projectId', t('alloc.project'), html`<select name="projectId" required>
            <option value="">${t('alloc.choose')}</option>
            ${this.data.projects.nodes.filter((p) => p.status !== 'DELIVERED' && p.status !== 'CANCELLED')
              .map((p) => html`<option value=${p.id}>${p.client.name} · ${p.name}</option>`)}</select>`)}
          ${field('sharePercent', t('alloc.share'), html`<input name="sharePercent" type="number" step="5" required
            .value=${String(this.draft.sharePercent)} aria-describedby="new-sharePercent-error">`)}
          ${field('startDate', t('alloc.start'), html`<input name="startDate" type="date" required>`)}
          ${field('endDate', t('alloc.end'), html`<input name="endDate" type="date" required>`)}
          <button type="submit">${t('alloc.create')}</button>
        </div>
        ${other.length ? html`<p class="error" role="alert">${other.map((e) => e.message).join(' ')}</p>` : nothing}
      </form>`;
  }

  row(a) {
    const state = this.rows[a.id] || {};
    const edit = state.edit || {};
    const errors = state.errors || [];
    const value = (f) => String(edit[f] ?? a[f]);
    const set = (f, v) => { this.rows = { ...this.rows, [a.id]: { ...state, edit: { ...edit, [f]: v }, saved: false } }; };
    const cell = (f, input) => html`<td class=${errorsFor(errors, f).length ? 'invalid' : ''}>${input}${fieldErrors(errors, f, `${a.id}-${f}-error`)}</td>`;
    const label = `${a.teamMember.name} · ${a.project.name}`;
    return html`
      <tr data-allocation=${a.id}>
        <td>${a.teamMember.name}</td>
        ${cell('sharePercent', html`<input type="number" step="5" class="share-input" aria-label="${t('alloc.share')} · ${label}"
          .value=${value('sharePercent')} @input=${(e) => set('sharePercent', e.target.value)}>`)}
        ${cell('startDate', html`<input type="date" aria-label="${t('alloc.start')} · ${label}" .value=${value('startDate')}
          @input=${(e) => set('startDate', e.target.value)}>`)}
        ${cell('endDate', html`<input type="date" aria-label="${t('alloc.end')} · ${label}" .value=${value('endDate')}
          @input=${(e) => set('endDate', e.target.value)}>`)}
        <td><div class="row-actions">
          <button type="button" class="small" ?disabled=${!state.edit || state.busy} @click=${() => this.save(a)}>${t('alloc.save')}</button>
          <button type="button" class="small danger" ?disabled=${state.busy} @click=${() => this.deleteAllocation(a)}>${t('alloc.delete')}</button>
          ${state.saved ? html`<span class="ok-text" role="status">${t('alloc.saved')}</span>` : nothing}
        </div></td>
      </tr>
      ${conflict(errors) ? html`<tr class="conflict"><td colspan="5"><div role="alert" class="error">${t('alloc.conflict')}
        <button type="button" class="secondary small" @click=${() => this.load()}>${t('alloc.reload')}</button></div></td></tr>` : nothing}
      ${errors.length && !conflict(errors) && errors.some((e) => !['sharePercent', 'startDate', 'endDate'].includes((e.field || []).at(-1)))
        ? html`<tr><td colspan="5"><p class="error" role="alert">${errors.map((e) => e.message).join(' ')}</p></td></tr>` : nothing}`;
  }

  setRow(id, patch) {
    this.rows = { ...this.rows, [id]: { ...(this.rows[id] || {}), ...patch } };
  }

  async mutate(query, input) {
    try {
      return Object.values(await gql(query, { input }))[0];
    } catch (e) {
      this.error = e.message;
      return null;
    }
  }

  async create(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const input = {
      teamMemberId: form.get('teamMemberId'), projectId: form.get('projectId'),
      sharePercent: Number(form.get('sharePercent')), startDate: form.get('startDate'), endDate: form.get('endDate'),
    };
    this.draft = { ...this.draft, sharePercent: input.sharePercent };
    const payload = await this.mutate(CREATE, input);
    if (!payload) return;
    this.draftErrors = payload.userErrors;
    if (!payload.userErrors.length) {
      event.target.reset();
      event.target.elements.sharePercent.value = String(this.draft.sharePercent);
      this.notice = t('alloc.created');
      await this.load({ keepRows: true });
    }
  }

  async save(a) {
    const edit = this.rows[a.id]?.edit || {};
    this.setRow(a.id, { busy: true, errors: [] });
    const input = { id: a.id, version: a.version };
    if (edit.sharePercent !== undefined) input.sharePercent = Number(edit.sharePercent);
    if (edit.startDate !== undefined) input.startDate = edit.startDate;
    if (edit.endDate !== undefined) input.endDate = edit.endDate;
    const payload = await this.mutate(UPDATE, input);
    if (!payload) {
      this.setRow(a.id, { busy: false });
      return;
    }
    if (payload.userErrors.length) {
      this.setRow(a.id, { busy: false, errors: payload.userErrors });
      return;
    }
    this.setRow(a.id, { busy: false, edit: null, errors: [], saved: true });
    await this.load({ keepRows: true });
  }

  async deleteAllocation(a) {
    this.setRow(a.id, { busy: true, errors: [] });
    const payload = await this.mutate(DELETE, { id: a.id, version: a.version });
    if (!payload) {
      this.setRow(a.id, { busy: false });
      return;
    }
    if (payload.userErrors.length) {
      this.setRow(a.id, { busy: false, errors: payload.userErrors });
      return;
    }
    this.notice = t('alloc.deleted');
    await this.load({ keepRows: true });
  }
}

customElements.define('cordee-staffing', Staffing);
