import { html, nothing } from 'lit';
import { gql } from '../graphql.js';
import { CordeeElement, fieldErrors, errorsFor, stylesheet } from '../ui.js';
import { t, formatDate, formatDayMonth, formatPercent, addMessages } from '../i18n.js';
import { Saves } from './staffing-saves.js';
import words from './staffing-timeline.words.js';

addMessages(words);
await stylesheet('/js/views/staffing-timeline.css');

/** Width of one week on the timeline, in CSS pixels: a drag snaps to whole multiples of it. */
export const WEEK_PX = 48;
const DAY = 86_400_000;
const ERRORS = 'userErrors { field message code }';
export const ALLOCATION = 'id version sharePercent startDate endDate teamMember { id name } project { id name client { id name } }';
const UPDATE = `mutation($input: UpdateAllocationInput!) { updateAllocation(input: $input) { allocation { ${ALLOCATION} } ${ERRORS} } }`;
const DELETE = `mutation($input: DeleteAllocationInput!) { deleteAllocation(input: $input) { deletedAllocationId ${ERRORS} } }`;

// Calendar arithmetic in UTC: no time zone or daylight saving change can shift a day.
const toDays = (iso) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const toIso = (days) => new Date(days * DAY).toISOString().slice(0, 10);
export const addDays = (iso, n) => toIso(toDays(iso) + n);
/** The Monday of the ISO week of a date. */
export const mondayOf = (iso) => addDays(iso, -((new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7));
const conflict = (errors) => (errors || []).some((e) => e.code === 'CONFLICT');
const FIELDS = ['projectId', 'sharePercent', 'startDate', 'endDate'];

/**
 * Staffing as a timeline (issue 15 point 6): one row per person, one column per week, one bar per allocation
 * with its share. A bar moves (drag its body, or arrow keys) or stretches (drag its right edge, or shift +
 * arrow keys) by whole weeks; Enter or a click opens a small form. Every change is saved through
 * `updateAllocation` with the version read: the bar shows the change before the answer and goes back where
 * it was, with the server's message, when it is refused. No change is dropped because another is still on its
 * way: the saves go one after the other in the order asked, and the keys pressed on a bar while its save is out
 * become one save of the dates asked for last, sent when the answer is in ("Saving…" says how many are left).
 * Weeks in which someone is allocated more than 100 % of their time (the API's `overAllocations`) are marked
 * on that person's row.
 */
class StaffingTimeline extends CordeeElement {
  static properties = {
    allocations: {}, members: {}, projects: {}, overAllocations: {}, from: {}, weeks: {},
    clientFilter: { state: true }, projectFilter: { state: true }, moved: { state: true }, editing: { state: true },
    editErrors: { state: true }, message: { state: true }, failed: { state: true }, stale: { state: true },
  };

  constructor() {
    super();
    this.clientFilter = '';
    this.projectFilter = '';
    this.moved = {}; // id → { startDate, endDate } shown before the server answers
    this.editErrors = [];
    this.saves = new Saves(this);
  }

  /** A save, or the edit dialog's save or delete, is waiting or on its way. */
  get busy() {
    return this.saves.pending > 0;
  }

  /** An allocation as shown: the dates asked for last over the latest saved. */
  current(a) {
    return { ...this.saves.latest(a), ...(this.moved[a.id] || {}) };
  }

  /** The allocations as shown, filtered. */
  shown() {
    return this.allocations.map((a) => this.current(a))
      .filter((a) => (!this.clientFilter || a.project.client.id === this.clientFilter)
        && (!this.projectFilter || a.project.id === this.projectFilter));
  }

  render() {
    const weeks = Array.from({ length: this.weeks }, (_, i) => addDays(this.from, 7 * i));
    const clients = new Map(this.projects.map((p) => [p.client.id, p.client.name]));
    const projects = this.projects.filter((p) => !this.clientFilter || p.client.id === this.clientFilter);
    const shown = this.shown();
    const members = [...this.members].sort((a, b) => a.name.localeCompare(b.name));
    return html`
      <div class="timeline-filters">
        <label>${t('timeline.client')}<select data-testid="timeline-client" @change=${(e) => {
          this.clientFilter = e.target.value;
          this.projectFilter = '';
        }}>
          <option value="">${t('timeline.all')}</option>
          ${[...clients].sort((a, b) => a[1].localeCompare(b[1])).map(([id, name]) => html`
            <option value=${id} ?selected=${id === this.clientFilter}>${name}</option>`)}</select></label>
        <label>${t('timeline.project')}<select data-testid="timeline-project" @change=${(e) => { this.projectFilter = e.target.value; }}>
          <option value="">${t('timeline.all')}</option>
          ${projects.map((p) => html`<option value=${p.id} ?selected=${p.id === this.projectFilter}>${p.client.name} · ${p.name}</option>`)}
        </select></label>
      </div>
      <p class="muted small" id="timeline-help">${t('timeline.help')}</p>
      ${this.message ? html`<p class=${this.failed ? 'error' : 'ok-text'} role=${this.failed ? 'alert' : 'status'}
        data-testid="timeline-message">${this.message}
        ${this.stale ? html`<button type="button" class="secondary small" @click=${() => this.reload()}>${t('alloc.reload')}</button>` : nothing}</p>`
        : nothing}
      ${this.busy ? html`<p class="muted small" role="status" data-testid="timeline-saving">${this.saves.pending === 1
        ? t('timeline.savingOne') : t('timeline.saving', { n: this.saves.pending })}</p>` : nothing}
      <div class="timeline-box" data-testid="timeline">
        <div class="timeline" style="--week:${WEEK_PX}px; --weeks:${this.weeks}">
          <div class="tl-row tl-head"><div class="tl-name">${t('staffing.member')}</div>
            <div class="tl-track">${weeks.map((w) => html`<span class="tl-week" title=${formatDate(w)}>${formatDayMonth(w)}</span>`)}</div></div>
          ${members.map((m) => this.row(m, weeks, shown.filter((a) => a.teamMember.id === m.id)))}
        </div>
      </div>
      ${this.editing ? this.editForm() : nothing}`;
  }

  row(member, weeks, bars) {
    const over = new Map(this.overAllocations.filter((o) => o.teamMember.id === member.id).map((o) => [o.weekStart, o.peakPercent]));
    // lanes: a bar goes in the first lane whose last bar ended before it starts
    const lanes = [];
    const placed = [...bars].sort((a, b) => a.startDate.localeCompare(b.startDate)).map((a) => {
      let lane = lanes.findIndex((end) => end < a.startDate);
      if (lane < 0) lane = lanes.length;
      lanes[lane] = a.endDate;
      return { a, lane };
    });
    return html`
      <div class="tl-row" data-member=${member.id}>
        <div class="tl-name">${member.name}</div>
        <div class="tl-track" style="--lanes:${Math.max(1, lanes.length)}">
          ${weeks.map((w, i) => (over.has(w) ? html`<span class="tl-over" data-over-week=${w} style="left:${i * WEEK_PX}px"
            title=${t('timeline.over', { percent: over.get(w) })}></span>` : nothing))}
          ${placed.map(({ a, lane }) => this.bar(a, lane))}
        </div>
      </div>`;
  }

  bar(a, lane) {
    const from = toDays(this.from);
    const left = ((toDays(a.startDate) - from) / 7) * WEEK_PX;
    const width = ((toDays(a.endDate) - toDays(a.startDate) + 1) / 7) * WEEK_PX;
    const label = t('timeline.bar', {
      member: a.teamMember.name, project: `${a.project.client.name} · ${a.project.name}`, share: a.sharePercent,
      start: formatDate(a.startDate), end: formatDate(a.endDate),
    });
    const unsaved = Boolean(this.saves.unsaved(a.id)); // drawn as such until its save is answered
    return html`<div class="tl-bar ${unsaved ? 'unsaved' : ''}" role="button" tabindex="0" data-allocation=${a.id}
        aria-label=${label} title=${label} aria-busy=${unsaved ? 'true' : 'false'} aria-describedby="timeline-help"
        style="left:${left}px; width:${Math.max(8, width)}px; top:calc(${lane} * var(--lane))"
        @pointerdown=${(e) => this.grab(e, a, 'move')} @keydown=${(e) => this.key(e, a)}>
      <span class="tl-label">${a.project.name} · ${formatPercent(a.sharePercent / 100)}</span>
      <span class="tl-stretch" aria-hidden="true" @pointerdown=${(e) => { e.stopPropagation(); this.grab(e, a, 'stretch'); }}></span>
    </div>`;
  }

  /** A drag: the bar follows the pointer by whole weeks; released, the change is saved (a click edits). */
  grab(event, a, mode) {
    if (event.button !== 0) return;
    event.preventDefault();
    const bar = event.currentTarget.closest('.tl-bar');
    bar.setPointerCapture?.(event.pointerId);
    const x0 = event.clientX;
    const original = { startDate: a.startDate, endDate: a.endDate };
    let weeks = 0;
    let travelled = 0;
    const move = (e) => {
      travelled = Math.max(travelled, Math.abs(e.clientX - x0));
      const next = Math.round((e.clientX - x0) / WEEK_PX);
      if (next === weeks) return;
      weeks = next;
      this.moved = { ...this.moved, [a.id]: this.shifted(original, mode, weeks) };
    };
    const up = () => {
      bar.removeEventListener('pointermove', move);
      bar.removeEventListener('pointerup', up);
      bar.removeEventListener('pointercancel', up);
      if (weeks !== 0) this.save(a, this.shifted(original, mode, weeks));
      else {
        const unsaved = this.saves.unsaved(a.id); // dates asked for before and still on their way show again
        if (unsaved) this.moved = { ...this.moved, [a.id]: unsaved };
        else this.forget(a.id);
        if (travelled < 4) this.edit(a);
      }
    };
    bar.addEventListener('pointermove', move);
    bar.addEventListener('pointerup', up);
    bar.addEventListener('pointercancel', up);
  }

  shifted({ startDate, endDate }, mode, weeks) {
    return mode === 'move'
      ? { startDate: addDays(startDate, 7 * weeks), endDate: addDays(endDate, 7 * weeks) }
      : { startDate, endDate: addDays(endDate, 7 * weeks) };
  }

  /** Arrow keys move by a week, shift + arrow keys stretch or shorten, Enter or Space edits. */
  key(event, a) {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.edit(a);
      return;
    }
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (!step) return;
    event.preventDefault();
    // from the dates shown now, which may be asked for and not yet saved: a key pressed during a save is kept
    this.save(a, this.shifted(this.current(a), event.shiftKey ? 'stretch' : 'move', step));
  }

  forget(id) {
    const { [id]: _, ...rest } = this.moved;
    this.moved = rest;
  }

  /**
   * Asks for new dates: shown at once, saved after the saves asked for before. Dates asked for again before
   * their save has left replace the first: one save, of the last.
   */
  save(a, dates) {
    this.moved = { ...this.moved, [a.id]: dates };
    this.failed = false;
    this.stale = false;
    this.message = null;
    this.saves.ask(a, dates, (asked, version) => this.send(a.id, asked, version), () => this.notSaved(a.id));
  }

  /** A save that failed without an answer from the server: the bar goes back to what is saved, and that is said. */
  notSaved(id) {
    this.forget(id);
    this.failed = true;
    this.stale = false;
    this.message = t('timeline.failed');
  }

  /** Sends the dates asked for last; refused, the bar goes back to what is saved and the reason is shown. */
  async send(id, asked, version) {
    const { dates } = asked;
    const payload = await this.mutate(UPDATE, { id, version, ...dates });
    const saved = payload && !payload.userErrors.length ? payload.allocation : null;
    if (this.saves.answered(id, asked, saved)) this.forget(id);
    if (saved) {
      // a failure said before stays until the user acts again: a later success does not hide it
      if (!this.failed) this.message = t('timeline.moved', { start: formatDate(dates.startDate), end: formatDate(dates.endDate) });
      this.keepFocus(id);
      this.changed(saved);
      return;
    }
    if (!payload) return; // `mutate` said why
    this.failed = true;
    this.stale = conflict(payload.userErrors);
    this.message = this.stale ? t('timeline.stale') : payload.userErrors.map((e) => e.message).join(' ');
  }

  /**
   * The bars drawn again after a save, the focus stays on the bar that had it (an element may now draw another
   * allocation); a bar saved with the focus nowhere (after a drag) takes it. Focus elsewhere, in the dialog
   * say, is left alone.
   */
  keepFocus(id) {
    const bar = this.querySelector('.tl-bar:focus');
    if (!bar && document.activeElement !== document.body) return;
    const on = bar ? bar.dataset.allocation : id;
    this.updateComplete.then(() => this.querySelector(`.tl-bar[data-allocation="${on}"]`)?.focus());
  }

  async mutate(query, input) {
    try {
      return Object.values(await gql(query, { input }))[0];
    } catch (e) {
      this.failed = true;
      this.message = e.message;
      return null;
    }
  }

  changed(allocation) {
    this.dispatchEvent(new CustomEvent('allocation-changed', { detail: allocation, bubbles: true }));
  }

  edit(a) {
    this.editing = this.current(a); // with the dates asked for last, saved or not yet
    this.editErrors = [];
    this.message = null;
    this.updateComplete.then(() => this.querySelector('[data-testid=edit-allocation] select')?.focus());
  }

  editForm() {
    const a = this.editing;
    const errors = this.editErrors;
    const field = (name, label, input) => html`<label class=${errorsFor(errors, name).length ? 'invalid' : ''}>${label}${input}
      ${fieldErrors(errors, name, `edit-${name}-error`)}</label>`;
    const other = errors.filter((e) => !FIELDS.includes((e.field || []).at(-1)) && e.code !== 'CONFLICT');
    return html`
      <form class="card alloc-edit" data-testid="edit-allocation" @submit=${(e) => this.submitEdit(e)}
        @keydown=${(e) => { if (e.key === 'Escape') this.close(); }}>
        <h3>${t('timeline.edit', { member: a.teamMember.name })}</h3>
        <div class="form-row">
          ${field('projectId', t('alloc.project'), html`<select name="projectId" aria-describedby="edit-projectId-error">
            ${this.projects.map((p) => html`<option value=${p.id} ?selected=${p.id === a.project.id}>${p.client.name} · ${p.name}</option>`)}</select>`)}
          ${field('sharePercent', t('alloc.share'), html`<input name="sharePercent" type="number" step="5" required
            .value=${String(a.sharePercent)} aria-describedby="edit-sharePercent-error">`)}
          ${field('startDate', t('alloc.start'), html`<input name="startDate" type="date" required .value=${a.startDate}
            aria-describedby="edit-startDate-error">`)}
          ${field('endDate', t('alloc.end'), html`<input name="endDate" type="date" required .value=${a.endDate}
            aria-describedby="edit-endDate-error">`)}
        </div>
        ${conflict(errors) ? html`<div role="alert" class="error conflict">${t('timeline.stale')}
          <button type="button" class="secondary small" @click=${() => this.reload()}>${t('alloc.reload')}</button></div>` : nothing}
        ${other.length ? html`<p class="error" role="alert">${other.map((e) => e.message).join(' ')}</p>` : nothing}
        <div class="row-actions">
          <button type="submit" ?disabled=${this.busy}>${this.busy ? t('timeline.sending') : t('alloc.save')}</button>
          <button type="button" class="danger" ?disabled=${this.busy} @click=${() => this.remove_()}>${t('alloc.delete')}</button>
          <button type="button" class="secondary" @click=${() => this.close()}>${t('timeline.cancel')}</button>
        </div>
      </form>`;
  }

  close() {
    const id = this.editing?.id;
    this.editing = null;
    this.updateComplete.then(() => this.querySelector(`.tl-bar[data-allocation="${id}"]`)?.focus());
  }

  reload() {
    this.editing = null;
    this.message = null;
    this.stale = false;
    this.dispatchEvent(new CustomEvent('reload', { bubbles: true }));
  }

  async submitEdit(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const a = this.editing;
    this.editErrors = [];
    // after the saves asked for before it, on the version they brought
    const payload = await this.saves.run(() => this.mutate(UPDATE, {
      id: a.id, version: this.saves.version(a.id, a.version), projectId: form.get('projectId'),
      sharePercent: Number(form.get('sharePercent')), startDate: form.get('startDate'), endDate: form.get('endDate'),
    }));
    if (this.edited(payload, t('alloc.saved'))) {
      this.saves.remember(payload.allocation);
      this.changed(payload.allocation);
    }
  }

  // not `remove`: that would hide the element's own remove(), and Lit could no longer take the page off screen
  async remove_() {
    const a = this.editing;
    const payload = await this.saves.run(() => this.mutate(DELETE, { id: a.id, version: this.saves.version(a.id, a.version) }));
    if (this.edited(payload, t('alloc.deleted'))) this.dispatchEvent(new CustomEvent('reload', { bubbles: true }));
  }

  /**
   * The answer to the edit dialog's save or delete: its userErrors stay in the dialog; else the dialog closes,
   * `message` is said, and true. No payload (refused or failed: `mutate` said why): false.
   */
  edited(payload, message) {
    if (!payload) return false;
    if (payload.userErrors.length) {
      this.editErrors = payload.userErrors;
      return false;
    }
    this.editing = null;
    this.failed = false;
    this.message = message;
    return true;
  }
}

customElements.define('cordee-staffing-timeline', StaffingTimeline);
