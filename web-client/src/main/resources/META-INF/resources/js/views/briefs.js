import { html, nothing } from 'lit';
import { gql } from '../graphql.js';
import { CordeeElement, loading, failure, stylesheet } from '../ui.js';
import { t, addMessages } from '../i18n.js';
import words from './briefs.words.js';
import { createForm, list, openCreate } from './briefs/list.js';
import { gauge, preview, suggestions } from './briefs/feasibility.js';
import { requirements, addForm, restore } from './briefs/requirements.js';
import { openDetails, detailsView, detailsForm } from './briefs/details.js';
import { signOff, history } from './briefs/versions.js';

addMessages(words);
await stylesheet('/js/views/briefs.css');

const REQUIREMENT = 'key title userStory priority estimateDays';
const SIGNATURES = 'signatures { party signedBy signedAt versionNumber }';
const CONTENT = `objectives targetUsers constraints assumptions outOfScope launchDate communicationPlanDate
  requirements { ${REQUIREMENT} }`;
const VERDICT = 'feasibility { verdict ratio scopeDays }';
const VERSION_FIELDS = `id number status version ${CONTENT} ${SIGNATURES}
  feasibility { verdict ratio capacityDays scopeDays launchDate earliestRealisticLaunch launchAfterCommunicationPlan
    drop { requirement { title } } }`;
const BRIEFS = `query Briefs { briefs(first: 50) { totalCount nodes { id title project { name launchDate communicationPlanDate }
  versions { id number status ${SIGNATURES} } currentVersion { ${VERSION_FIELDS} } } } }`;
const ERRORS = 'userErrors { field message code }';
const UPDATE = `mutation($input: UpdateBriefVersionInput!) { updateBriefVersion(input: $input) {
  briefVersion { id number } ${ERRORS} } }`;
const SIGN = `mutation($input: SignBriefVersionInput!) { signBriefVersion(input: $input) {
  briefVersion { id status } ${ERRORS} } }`;
const START = `mutation($input: StartBriefVersionInput!) { startBriefVersion(input: $input) {
  briefVersion { id number } ${ERRORS} } }`;
const APPLY = `mutation($input: ApplyFeasibilitySuggestionInput!) { applyFeasibilitySuggestion(input: $input) {
  briefVersion { id number } ${ERRORS} } }`;
const PREVIEW = `query Preview($id: ID!, $requirements: [RequirementInput!]) {
  previewBriefFeasibility(input: {briefId: $id, requirements: $requirements}) {
  feasibility { verdict ratio scopeDays capacityDays earliestRealisticLaunch drop { requirement { title } } } ${ERRORS} } }`;
/** How long the live feasibility waits after the last keystroke before asking the server. */
const PREVIEW_DELAY_MS = 300;
const COMPARE = `query Compare($from: ID!, $to: ID!) { compareBriefVersions(from: $from, to: $to) {
  from { id number status ${CONTENT} ${VERDICT} } to { id number status ${CONTENT} ${VERDICT} }
  added { ${REQUIREMENT} } removed { ${REQUIREMENT} } changed { key changes { field before after } } } }`;

const EDITORS = ['OWNER', 'LEAD'];
/** A write against a version someone else changed, or that is no longer the latest: nothing was written. */
const isConflict = (e) => e.code === 'CONFLICT' || e.code === 'STALE_VERSION';

const selectedFromHash = () => decodeURIComponent(location.hash.replace(/^#\/?briefs\/?/, '').split(/[/?]/)[0] || '');

/**
 * Briefs for the agency. The list of briefs, and for the one chosen (#/briefs/<id>): the feasibility
 * gauge the server recomputes after every change; the current version's requirements, edited, removed
 * (with an undo) and added one at a time; its objectives, personas, constraints, assumptions, out of
 * scope and dates; who has signed and the agency's signature; the versions and a side-by-side comparison
 * of two of them. Every write carries the version read: a change made meanwhile by someone else is a
 * conflict to reload, never overwritten.
 */
class BriefsView extends CordeeElement {
  static properties = {
    role: {}, briefs: { state: true }, error: { state: true }, selected: { state: true },
    busy: { state: true }, conflict: { state: true }, notice: { state: true }, actionErrors: { state: true },
    rowEdits: { state: true }, rowErrors: { state: true }, addDraft: { state: true }, addErrors: { state: true },
    details: { state: true }, detailErrors: { state: true }, undo: { state: true },
    compareFrom: { state: true }, compareTo: { state: true }, comparison: { state: true }, compareError: { state: true },
    comparing: { state: true }, live: { state: true }, creating: { state: true }, createErrors: { state: true },
    projects: { state: true },
  };

  constructor() {
    super();
    this.selected = selectedFromHash();
    this.reset();
    this.onHash = () => {
      const next = selectedFromHash();
      if (next !== this.selected && location.hash.startsWith('#/briefs')) {
        this.selected = next;
        this.reset();
      }
    };
  }

  /** Forgets what was being edited: another brief was chosen. */
  reset() {
    this.busy = false;
    this.conflict = false;
    this.notice = null;
    this.actionErrors = [];
    this.rowEdits = {};
    this.rowErrors = {};
    this.addDraft = { title: '', userStory: '', priority: 'MUST', estimateDays: '' };
    this.addErrors = [];
    this.details = null;
    this.detailErrors = [];
    this.undo = null;
    this.compareFrom = null;
    this.compareTo = null;
    this.comparison = null;
    this.compareError = null;
    this.live = null;
    this.liveKey = null;
  }

  connectedCallback() {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
    this.load();
  }

  disconnectedCallback() {
    window.removeEventListener('hashchange', this.onHash);
    super.disconnectedCallback();
  }

  async load() {
    this.error = null;
    try {
      const { briefs } = await gql(BRIEFS);
      this.briefs = briefs.nodes;
    } catch (e) {
      this.error = e.message;
    }
  }

  /** After a conflict: the other person's version, and nothing of ours pending. */
  async reload() {
    this.reset();
    await this.load();
  }

  get brief() {
    return this.briefs?.find((b) => b.id === this.selected) ?? (this.selected ? null : this.briefs?.[0]);
  }

  get canEdit() {
    return EDITORS.includes(this.role);
  }

  // ---- writes

  /**
   * Sends changes to the version read. Returns the userErrors to show next to the fields ([] when saved),
   * or null when the answer was handled here (a conflict, a failed request).
   */
  async write(v, changes) {
    this.busy = true;
    this.notice = null;
    this.actionErrors = [];
    this.undo = null;
    try {
      const { updateBriefVersion: payload } = await gql(UPDATE, { input: { id: v.id, version: v.version, ...changes } });
      if (payload.userErrors.some(isConflict)) {
        this.conflict = true;
        return null;
      }
      if (payload.userErrors.length) return payload.userErrors;
      // a comparison shown was of what the page read; the versions may have moved on
      this.comparison = null;
      this.live = null;
      await this.load();
      this.notice = payload.briefVersion.number !== v.number
        ? { key: 'briefs.savedNewVersion', params: { n: payload.briefVersion.number } } : { key: 'briefs.saved' };
      return [];
    } catch (e) {
      this.actionErrors = [{ message: e.message }];
      return null;
    } finally {
      this.busy = false;
    }
  }

  /** The userErrors no input shows, shown above the editor so that nothing is lost. */
  rest(errors, shown) {
    this.actionErrors = errors.filter((e) => !shown.includes(e));
  }

  /** The requirements as they would be with the rows being edited and the one being added. */
  pending(v) {
    const rows = v.requirements.map((r) => (this.rowEdits[r.key] ? { ...r, ...this.rowEdits[r.key] } : r));
    const add = this.addDraft;
    return add.title.trim() && add.estimateDays.trim() ? [...rows, add] : rows;
  }

  async sign(v) {
    this.busy = true;
    this.notice = null;
    this.actionErrors = [];
    try {
      const { signBriefVersion: payload } = await gql(SIGN, { input: { id: v.id, version: v.version } });
      if (payload.userErrors.some(isConflict)) {
        this.conflict = true;
      } else if (payload.userErrors.length) {
        this.actionErrors = payload.userErrors;
      } else {
        await this.load();
        this.notice = { key: payload.briefVersion.status === 'AGREED' ? 'briefs.agreedNow' : 'briefs.signedNow', params: { n: v.number } };
      }
    } catch (e) {
      this.actionErrors = [{ message: e.message }];
    } finally {
      this.busy = false;
    }
  }

  /**
   * Runs a brief mutation that answers with a BriefVersionPayload against the version read: a conflict is
   * the banner to reload, other userErrors are shown above the editor. True when it was done.
   */
  async run(document, input, key) {
    const name = document.match(/\{\s*(\w+)\(input/)[1];
    this.busy = true;
    this.notice = null;
    this.actionErrors = [];
    this.undo = null;
    try {
      const { [name]: payload } = await gql(document, { input });
      if (payload.userErrors.some(isConflict)) {
        this.conflict = true;
        return null;
      }
      if (payload.userErrors.length) {
        this.actionErrors = payload.userErrors;
        return null;
      }
      this.comparison = null;
      this.live = null;
      await this.load();
      this.notice = { key, params: { n: payload.briefVersion.number } };
      return payload.briefVersion;
    } catch (e) {
      this.actionErrors = [{ message: e.message }];
      return null;
    } finally {
      this.busy = false;
    }
  }

  /** The next version, a draft copied from the current one; the comparison then shows the two. */
  async startVersion(v) {
    const next = await this.run(START, { id: v.id, version: v.version }, 'briefs.versionStarted');
    if (next) {
      this.compareFrom = v.id;
      this.compareTo = next.id;
      this.focusAfterRender = '[data-testid=brief-notice]';
    }
  }

  /** The feasibility's suggestion applied by the server through the normal edit of the draft. */
  async apply(v, suggestion) {
    const done = await this.run(APPLY, { id: v.id, version: v.version, suggestion }, `briefs.applied.${suggestion}`);
    if (done) this.focusAfterRender = '[data-testid=brief-notice]';
  }

  /**
   * Asks the server for the feasibility of the unsaved requirements (a row being edited, the one being
   * added), a moment after the last keystroke; nothing while the page shows what is saved.
   */
  schedulePreview() {
    const b = this.brief;
    const v = b?.currentVersion;
    if (!v || !this.canEdit || !(v.status === 'DRAFT' || v.status === 'AGREED')) return;
    const shape = (list) => list.map(({ key, title, userStory, priority, estimateDays }) => ({ key: key ?? null,
      title: String(title ?? '').trim(), userStory: String(userStory ?? '').trim() || null, priority,
      estimateDays: String(estimateDays ?? '').trim() }));
    const requirements = shape(this.pending(v));
    const key = JSON.stringify([b.id, v.version, requirements]);
    if (key === this.liveKey) return;
    this.liveKey = key;
    clearTimeout(this.liveTimer);
    if (key === JSON.stringify([b.id, v.version, shape(v.requirements)])) {
      if (this.live) this.live = null;
      return;
    }
    this.liveTimer = setTimeout(async () => {
      try {
        const { previewBriefFeasibility: p } = await gql(PREVIEW, { id: b.id, requirements });
        if (this.liveKey !== key) return; // typed on meanwhile, or saved
        this.live = p.userErrors.length ? { errors: p.userErrors } : p.feasibility ? { feasibility: p.feasibility } : null;
      } catch {
        this.live = null; // the saved gauge stays: the preview is a help, not the record
      }
    }, PREVIEW_DELAY_MS);
  }

  async compare(b) {
    const [from, to] = this.comparePair(b);
    this.compareError = null;
    if (from === to) {
      this.compareError = t('briefs.compareSame');
      return;
    }
    this.comparing = true;
    try {
      const { compareBriefVersions } = await gql(COMPARE, { from, to });
      this.comparison = compareBriefVersions;
    } catch (e) {
      this.compareError = e.message;
    } finally {
      this.comparing = false;
    }
  }

  /** The two versions to compare: those chosen, or the one before the current and the current. */
  comparePair(b) {
    const ids = b.versions.map((x) => x.id);
    return [this.compareFrom && ids.includes(this.compareFrom) ? this.compareFrom : ids.at(-2) ?? ids[0],
      this.compareTo && ids.includes(this.compareTo) ? this.compareTo : ids.at(-1)];
  }

  updated() {
    this.schedulePreview();
    if (this.focusAfterRender) {
      this.querySelector(this.focusAfterRender)?.focus();
      this.focusAfterRender = null;
    }
  }

  // ---- rendering

  render() {
    if (this.error) return failure(this.error, () => this.load());
    if (!this.briefs) return loading();
    const b = this.brief;
    return html`
      <div class="page-head"><h1 class="page-title">${t('briefs.title')}</h1>
        ${this.canEdit && !this.creating ? html`<button type="button" class="secondary" data-testid="new-brief"
          @click=${() => openCreate(this)}>${t('briefs.newBrief')}</button>` : nothing}</div>
      ${this.creating ? createForm(this) : nothing}
      ${this.briefs.length === 0 ? html`<p class="card muted">${t('portal.noBrief')}</p>` : html`
        <div class="briefs-layout">
          ${this.briefs.length > 1 ? list(this, b) : nothing}
          ${b ? this.editor(b) : html`<p class="card" role="alert">${t('briefs.notFound')}</p>`}
        </div>`}`;
  }

  editor(b) {
    const v = b.currentVersion;
    const editable = this.canEdit && (v.status === 'DRAFT' || v.status === 'AGREED');
    return html`
      <article class="card brief-editor" data-brief=${b.id} aria-busy=${this.busy ? 'true' : 'false'}>
        <div class="client-head"><h2>${b.title}</h2><span class="muted">${b.project.name}</span>
          <span class="pill brief-${v.status}" data-testid="current-status">${t(`portal.brief.${v.status}`)} · ${t('portal.version', { n: v.number })}</span>
          <span class="spacer"></span>
          <span class="muted small" role="status" data-testid="saving">${this.busy ? html`<span class="spinner" aria-hidden="true"></span> ${t('briefs.saving')}` : nothing}</span></div>
        ${gauge(v.feasibility, suggestions(this, v, editable))}
        ${editable ? preview(this.live) : nothing}
        ${this.messages(v)}
        ${editable && v.status === 'AGREED' ? html`<p class="notice" data-testid="agreed-hint">${t('briefs.newVersion')}</p>` : nothing}
        ${editable && v.status === 'DRAFT' && v.signatures.length ? html`<p class="warn-text small">${t('briefs.clearsSignatures')}</p>` : nothing}
        ${!this.canEdit ? html`<p class="muted small">${t('briefs.readOnly')}</p>` : nothing}
        <section aria-labelledby="requirements-title">
          <h3 id="requirements-title">${t('briefs.requirements')}</h3>
          ${requirements(this, v, editable)}
          ${editable ? addForm(this, v) : nothing}
        </section>
        <section aria-labelledby="details-title">
          <div class="section-head"><h3 id="details-title">${t('briefs.details')}</h3>
            ${editable && !this.details ? html`<button type="button" class="secondary small" data-testid="edit-details"
              ?disabled=${this.busy} @click=${() => openDetails(this, v)}>${t('briefs.editDetails')}</button>` : nothing}</div>
          ${this.details && editable ? detailsForm(this, v, b.project) : detailsView(this, v, b.project)}
        </section>
        ${signOff(this, v)}
        ${history(this, b)}
      </article>`;
  }

  messages(v) {
    return html`
      ${this.conflict ? html`<div class="error conflict-banner" role="alert" data-testid="brief-conflict">
        <span>${t('briefs.conflict')}</span>
        <button type="button" class="secondary small" @click=${() => this.reload()}>${t('briefs.reload')}</button></div>` : nothing}
      ${this.actionErrors.length ? html`<p class="error" role="alert" data-testid="brief-errors">${this.actionErrors.map((e) => e.message).join(' ')}</p>` : nothing}
      ${this.notice ? html`<p class="notice" role="status" data-testid="brief-notice">${t(this.notice.key, this.notice.params)}
        ${this.undo ? html`<button type="button" class="link" data-testid="undo-remove" ?disabled=${this.busy}
          @click=${() => restore(this, v)}>${t('briefs.undo')}</button>` : nothing}</p>` : nothing}`;
  }

}

customElements.define('cordee-briefs', BriefsView);
