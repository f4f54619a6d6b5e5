import { html, nothing } from 'lit';
import { gql } from '../graphql.js';
import { CordeeElement, loading, failure, fieldErrors, errorsFor, stylesheet } from '../ui.js';
import { t, formatDate, formatMonth, formatPercent, formatNumber, addMessages } from '../i18n.js';
import { thisMonthIso, todayIso } from '../clock.js';
import { ALLOCATION, addDays, mondayOf } from './staffing-timeline.js';
import words from './staffing.words.js';

addMessages(words);
await stylesheet('/js/views/staffing.css');

const MONTHS = 6;
const WARN = 0.3;
const CRITICAL = 0.5;
const WEEKS = 26;
const STEP = 13; // the earlier / later buttons move the timeline by a quarter
// One request for the whole view: capacity, over-allocated weeks, allocations and what the editor offers.
const STAFFING = `query Staffing($from: String!, $months: Int!, $d0: Date!, $d1: Date!) {
  capacity(from: $from, months: $months) { month workingDays capacityDays
    clients { client { id name } allocatedDays share } }
  overAllocations(from: $d0, to: $d1) { teamMember { id name } weekStart peakPercent }
  allocations(first: 100) { totalCount pageInfo { hasNextPage endCursor } nodes { ${ALLOCATION} } }
  teamMembers(first: 100) { nodes { id name } }
  projects(first: 100) { nodes { id name status client { id name } } } }`;
// the allocations after the first hundred, a hundred at a time: the timeline shows every one
const MORE_ALLOCATIONS = `query($after: String) {
  allocations(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { ${ALLOCATION} } } }`;
const ERRORS = 'userErrors { field message code }';
const CREATE = `mutation($input: CreateAllocationInput!) { createAllocation(input: $input) { allocation { ${ALLOCATION} } ${ERRORS} } }`;
const level = (share) => (share >= CRITICAL ? 'critical' : share >= WARN ? 'warn' : '');

/** Staffing: who takes the agency's capacity month by month, who is over-allocated, and the allocations. */
class Staffing extends CordeeElement {
  static properties = {
    data: { state: true }, error: { state: true }, draft: { state: true },
    draftErrors: { state: true }, notice: { state: true }, sending: { state: true }, offset: { state: true },
    loading: { state: true },
  };

  constructor() {
    super();
    this.draft = { sharePercent: 50, startDate: '', endDate: '' };
    this.draftErrors = [];
    this.offset = 0; // weeks the timeline is moved from its default window (earlier < 0 < later)
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  /**
   * Loads the view; after a change, again in the background so capacity and over-allocation follow. Of loads that
   * overlap (saves one after the other), the last asked for is shown: an earlier one answered late is not. The
   * allocations say `aria-busy` until it is in.
   */
  async load() {
    const asked = (this.loads = (this.loads || 0) + 1);
    this.loading = true;
    this.error = null;
    const from = thisMonthIso(); // the server's month, not the computer's
    // the timeline: two weeks back from this week's Monday (moved by the offset), 26 weeks; over-allocation is
    // asked for the same weeks
    this.from = addDays(mondayOf(todayIso()), -14 + 7 * this.offset);
    const d0 = this.from;
    const d1 = addDays(this.from, 7 * WEEKS - 1);
    try {
      const data = await gql(STAFFING, { from, months: MONTHS, d0, d1 });
      let page = data.allocations.pageInfo;
      while (page.hasNextPage) {
        const more = (await gql(MORE_ALLOCATIONS, { after: page.endCursor })).allocations;
        data.allocations.nodes.push(...more.nodes);
        page = more.pageInfo;
      }
      if (asked === this.loads) this.data = data;
    } catch (e) {
      if (asked === this.loads) this.error = e.message;
    } finally {
      if (asked === this.loads) this.loading = false;
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
    const count = this.data.allocations.totalCount;
    return html`
      <section class="card" aria-labelledby="alloc-title" aria-busy=${this.loading ? 'true' : 'false'}>
        <h2 id="alloc-title">${t('alloc.title')} <span class="count">${count === 1 ? t('alloc.countOne') : t('alloc.count', { n: count })}</span></h2>
        ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
        <div class="timeline-window" role="group" aria-label=${t('timeline.window')}>
          <button type="button" data-testid="timeline-earlier" @click=${() => this.shift(-STEP)}>${t('timeline.earlier', { n: STEP })}</button>
          <button type="button" data-testid="timeline-today" ?disabled=${this.offset === 0} @click=${() => this.shift(0)}>${t('timeline.thisWeek')}</button>
          <button type="button" data-testid="timeline-later" @click=${() => this.shift(STEP)}>${t('timeline.later', { n: STEP })}</button>
          <span class="muted" data-testid="timeline-range">${formatDate(this.from)} → ${formatDate(addDays(this.from, 7 * WEEKS - 1))}</span>
        </div>
        <cordee-staffing-timeline .allocations=${this.data.allocations.nodes} .members=${this.data.teamMembers.nodes}
          .projects=${this.data.projects.nodes} .overAllocations=${this.data.overAllocations} .from=${this.from} .weeks=${WEEKS}
          @allocation-changed=${(e) => this.changed(e.detail)} @reload=${() => this.load()}></cordee-staffing-timeline>
        ${this.createForm()}
      </section>`;
  }

  /** Moves the timeline's window by whole weeks (0: back to this week) and reads that window's weeks. */
  shift(weeks) {
    this.offset = weeks === 0 ? 0 : this.offset + weeks;
    this.load();
  }

  /** A change saved by the timeline shows at once; capacity and over-allocation follow after a reload. */
  changed(allocation) {
    const nodes = this.data.allocations.nodes.map((a) => (a.id === allocation.id ? allocation : a));
    this.data = { ...this.data, allocations: { ...this.data.allocations, nodes } };
    this.load();
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
          <button type="submit" ?disabled=${this.sending}>${t('alloc.create')}</button>
        </div>
        ${other.length ? html`<p class="error" role="alert">${other.map((e) => e.message).join(' ')}</p>` : nothing}
      </form>`;
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
    this.sending = true;
    const payload = await this.mutate(CREATE, input);
    this.sending = false;
    if (!payload) return;
    this.draftErrors = payload.userErrors;
    if (!payload.userErrors.length) {
      event.target.reset();
      event.target.elements.sharePercent.value = String(this.draft.sharePercent);
      this.notice = t('alloc.created');
      await this.load();
    }
  }
}

customElements.define('cordee-staffing', Staffing);
