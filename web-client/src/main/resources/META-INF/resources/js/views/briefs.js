import { html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { gql } from '../graphql.js';
import { CordeeElement, loading, failure, fieldErrors, errorsFor } from '../ui.js';
import { t, formatDate, formatNumber, formatPercent, addMessages } from '../i18n.js';
import words from './briefs.words.js';

addMessages(words);

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
const CREATE = `mutation($input: CreateBriefInput!) { createBrief(input: $input) { brief { id } ${ERRORS} } }`;
const START = `mutation($input: StartBriefVersionInput!) { startBriefVersion(input: $input) {
  briefVersion { id number } ${ERRORS} } }`;
const APPLY = `mutation($input: ApplyFeasibilitySuggestionInput!) { applyFeasibilitySuggestion(input: $input) {
  briefVersion { id number } ${ERRORS} } }`;
const PREVIEW = `query Preview($id: ID!, $requirements: [RequirementInput!]) {
  previewBriefFeasibility(input: {briefId: $id, requirements: $requirements}) {
  feasibility { verdict ratio scopeDays capacityDays earliestRealisticLaunch drop { requirement { title } } } ${ERRORS} } }`;
const PROJECTS = 'query BriefProjects { projects(first: 100) { nodes { id name } } }';
/** How long the live feasibility waits after the last keystroke before asking the server. */
const PREVIEW_DELAY_MS = 300;
const COMPARE = `query Compare($from: ID!, $to: ID!) { compareBriefVersions(from: $from, to: $to) {
  from { id number status ${CONTENT} ${VERDICT} } to { id number status ${CONTENT} ${VERDICT} }
  added { ${REQUIREMENT} } removed { ${REQUIREMENT} } changed { key changes { field before after } } } }`;

const PRIORITIES = ['MUST', 'SHOULD', 'COULD', 'WONT'];
/** The text lists of a version, edited as one item per line. */
const LISTS = ['objectives', 'targetUsers', 'constraints', 'assumptions', 'outOfScope'];
const DATES = ['launchDate', 'communicationPlanDate'];
const EDITORS = ['OWNER', 'LEAD'];
/** A write against a version someone else changed, or that is no longer the latest: nothing was written. */
const isConflict = (e) => e.code === 'CONFLICT' || e.code === 'STALE_VERSION';

const selectedFromHash = () => decodeURIComponent(location.hash.replace(/^#\/?briefs\/?/, '').split(/[/?]/)[0] || '');
const lines = (text) => text.split('\n').map((s) => s.trim()).filter(Boolean);
const sameList = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
const requirementInputs = (v) => v.requirements.map(({ key, title, userStory, priority, estimateDays }) =>
  ({ key, title, userStory, priority, estimateDays }));
/** userErrors about item `index` of the list `name` sent, re-addressed to that item's own fields. */
const errorsAt = (errors, name, index) => errors.filter((e) => e.field?.[0] === name && e.field?.[1] === String(index))
  .map((e) => ({ ...e, field: [e.field.at(-1)] }));

/** Scope against capacity: the ratio as a bar, the 0.85 and 1.0 marks, and the verdict. */
const gauge = (f, suggestions = nothing) => {
  if (!f) return html`<p class="muted" data-testid="feasibility">${t('briefs.noLaunch')}</p>`;
  const width = Math.min(100, (f.ratio ?? 0) * 100 / 1.5);
  return html`
    <div class="gauge verdict-${f.verdict}" data-testid="feasibility" aria-live="polite">
      <div class="gauge-head"><span class="pill verdict-${f.verdict}" data-testid="verdict">${t(`portal.verdict.${f.verdict}`)}</span>
        <span data-testid="scope">${t('briefs.scopeOfCapacity', { scope: formatNumber(f.scopeDays, 1), capacity: formatNumber(f.capacityDays, 1) })}
          ${f.ratio != null ? html` · ${formatPercent(f.ratio)}` : nothing}</span>
        <span class="muted" data-testid="launch">${t('briefs.launch', { date: formatDate(f.launchDate) })}</span></div>
      <div class="gauge-track" role="img" aria-label=${t(`portal.verdict.${f.verdict}`)}>
        <div class="gauge-fill" style=${styleMap({ width: `${width}%` })}></div>
        <span class="mark" style=${styleMap({ left: `${85 / 1.5}%` })}></span><span class="mark" style=${styleMap({ left: `${100 / 1.5}%` })}></span>
      </div>
      ${f.drop.length ? html`<p class="muted">${t('briefs.drop', { titles: f.drop.map((d) => d.requirement.title).join(', ') })}</p>` : nothing}
      ${f.earliestRealisticLaunch ? html`<p class="muted">${t('briefs.earliest', { date: formatDate(f.earliestRealisticLaunch) })}</p>` : nothing}
      ${f.launchAfterCommunicationPlan ? html`<p class="warn-text">${t('briefs.launchAfterPlan')}</p>` : nothing}
      ${suggestions}
    </div>`;
};

/**
 * The feasibility the server computed for the unsaved edits (previewBriefFeasibility): the same rule as a
 * saved version, never worked out here (ADR 0060).
 */
const preview = (p) => {
  if (!p) return nothing;
  if (p.errors) return html`<p class="preview small muted" data-testid="feasibility-preview" aria-live="polite">${t('briefs.previewInvalid')}</p>`;
  const f = p.feasibility;
  return html`<div class="preview small" data-testid="feasibility-preview" aria-live="polite"><p>${t('briefs.preview', {
    scope: formatNumber(f.scopeDays, 1), ratio: f.ratio != null ? formatPercent(f.ratio) : '—' })}
    <span class="pill verdict-${f.verdict}">${t(`portal.verdict.${f.verdict}`)}</span></p>
    ${f.verdict !== 'REALISTIC' && f.drop.length ? html`<p class="muted" data-testid="preview-drop">${t('briefs.drop', { titles: f.drop.map((d) => d.requirement.title).join(', ') })}</p>` : nothing}
    ${f.verdict !== 'REALISTIC' && f.earliestRealisticLaunch ? html`<p class="muted" data-testid="preview-earliest">${t('briefs.earliest', { date: formatDate(f.earliestRealisticLaunch) })}</p>` : nothing}</div>`;
};

const signatureText = (s) => t('briefs.signedBy', { who: s.signedBy, date: formatDate(s.signedAt.slice(0, 10)) });

/** One requirement as read: priority, title, estimate, user story; the fields in `changed` marked. */
const requirementSummary = (r, changed = new Set()) => html`
  <span class=${changed.has('priority') ? 'diff' : ''}><span class="pill">${r.priority}</span></span>
  <span class=${changed.has('title') ? 'diff' : ''}>${r.title}</span>
  <span class="muted ${changed.has('estimateDays') ? 'diff' : ''}" data-testid="estimate">${t('portal.days', { n: r.estimateDays })}</span>
  ${r.userStory ? html`<span class="block muted small ${changed.has('userStory') ? 'diff' : ''}">${r.userStory}</span>` : nothing}`;

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

  editRow(r) {
    this.rowEdits = { ...this.rowEdits, [r.key]: { title: r.title, userStory: r.userStory ?? '', priority: r.priority, estimateDays: r.estimateDays } };
    this.rowErrors = { ...this.rowErrors, [r.key]: [] };
    this.focusAfterRender = `[data-key="${CSS.escape(r.key)}"] [name=title]`;
  }

  cancelRow(key) {
    const { [key]: _, ...rest } = this.rowEdits;
    this.rowEdits = rest;
    this.focusAfterRender = `[data-key="${CSS.escape(key)}"] [data-testid=edit-requirement]`;
  }

  async saveRow(v, key) {
    const edit = this.rowEdits[key];
    const requirements = requirementInputs(v);
    const index = requirements.findIndex((r) => r.key === key);
    requirements[index] = { key, title: edit.title.trim(), userStory: edit.userStory.trim() || null, priority: edit.priority,
      estimateDays: String(edit.estimateDays).trim() };
    const errors = await this.write(v, { requirements });
    if (errors === null) return;
    if (errors.length) {
      const mine = errorsAt(errors, 'requirements', index);
      this.rowErrors = { ...this.rowErrors, [key]: mine };
      this.rest(errors, errors.filter((e) => e.field?.[0] === 'requirements' && e.field?.[1] === String(index)));
      return;
    }
    this.cancelRow(key);
  }

  async removeRow(v, key) {
    const requirements = requirementInputs(v);
    const index = requirements.findIndex((r) => r.key === key);
    const [removed] = requirements.splice(index, 1);
    const errors = await this.write(v, { requirements });
    if (errors === null) return;
    if (errors.length) {
      this.actionErrors = errors;
      return;
    }
    this.notice = { key: 'briefs.removed', params: { title: removed.title } };
    this.undo = { requirement: removed, index };
    this.focusAfterRender = '[data-testid=undo-remove]';
  }

  /** Puts a removed requirement back where it was, with its key: the same requirement across versions. */
  async restore(v) {
    const { requirement, index } = this.undo;
    const requirements = requirementInputs(v);
    requirements.splice(Math.min(index, requirements.length), 0, requirement);
    const errors = await this.write(v, { requirements });
    if (errors?.length) this.actionErrors = errors;
    else if (errors) this.notice = { key: 'briefs.restored', params: { title: requirement.title } };
  }

  async addRequirement(v) {
    const draft = this.addDraft;
    const requirements = [...requirementInputs(v),
      { title: draft.title.trim(), userStory: draft.userStory.trim() || null, priority: draft.priority,
        estimateDays: draft.estimateDays.trim() }];
    this.addErrors = [];
    const errors = await this.write(v, { requirements });
    if (errors === null) return;
    if (errors.length) {
      const last = requirements.length - 1;
      this.addErrors = errorsAt(errors, 'requirements', last);
      this.rest(errors, errors.filter((e) => e.field?.[0] === 'requirements' && e.field?.[1] === String(last)));
      return;
    }
    this.addDraft = { title: '', userStory: '', priority: draft.priority, estimateDays: '' };
    this.focusAfterRender = '[data-testid=add-requirement] [name=title]';
  }

  openDetails(v) {
    this.details = Object.fromEntries([...LISTS.map((f) => [f, v[f].join('\n')]), ...DATES.map((f) => [f, v[f] ?? ''])]);
    this.detailErrors = [];
    this.focusAfterRender = '[data-testid=details-form] textarea';
  }

  async saveDetails(v) {
    const changes = {};
    const local = [];
    for (const f of LISTS) {
      const items = lines(this.details[f]);
      if (!sameList(items, v[f])) changes[f] = items;
    }
    for (const f of DATES) {
      const value = this.details[f];
      if (!value && v[f]) local.push({ field: [f], message: t('briefs.dateRequired') });
      else if (value && value !== v[f]) changes[f] = value;
    }
    if (local.length) {
      this.detailErrors = local;
      return;
    }
    if (Object.keys(changes).length === 0) {
      this.details = null;
      this.notice = { key: 'briefs.nothingChanged' };
      return;
    }
    const errors = await this.write(v, changes);
    if (errors === null) return;
    if (errors.length) {
      // a list's errors name the item: say which line
      this.detailErrors = errors.map((e) => (e.field?.length > 1 && LISTS.includes(e.field[0])
        ? { ...e, field: [e.field[0]], message: t('briefs.line', { n: Number(e.field[1]) + 1, message: e.message }) } : e));
      this.rest(errors, errors.filter((e) => [...LISTS, ...DATES].includes(e.field?.[0])));
      return;
    }
    this.details = null;
    this.focusAfterRender = '[data-testid=edit-details]';
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

  async openCreate() {
    this.creating = { projectId: '', title: '' };
    this.createErrors = [];
    this.focusAfterRender = '[data-testid=create-brief] select';
    if (!this.projects) {
      try {
        const { projects } = await gql(PROJECTS);
        this.projects = projects.nodes;
      } catch (e) {
        this.createErrors = [{ message: e.message }];
      }
    }
  }

  async create() {
    const projectId = this.creating.projectId;
    const title = this.creating.title.trim();
    const local = [];
    if (!projectId) local.push({ field: ['projectId'], message: t('briefs.projectRequired') });
    if (!title) local.push({ field: ['title'], message: t('briefs.titleRequired') });
    this.createErrors = local;
    if (local.length) return;
    this.busy = true;
    try {
      const { createBrief: payload } = await gql(CREATE, { input: { projectId, title } });
      if (payload.userErrors.length) {
        this.createErrors = payload.userErrors;
        return;
      }
      this.creating = null;
      // chosen before the address changes, so that the hash listener keeps the notice
      this.selected = payload.brief.id;
      this.reset();
      location.hash = `#/briefs/${encodeURIComponent(payload.brief.id)}`;
      await this.load();
      this.notice = { key: 'briefs.created', params: { title } };
      this.focusAfterRender = '[data-testid=brief-notice]';
    } catch (e) {
      this.createErrors = [{ message: e.message }];
    } finally {
      this.busy = false;
    }
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
          @click=${() => this.openCreate()}>${t('briefs.newBrief')}</button>` : nothing}</div>
      ${this.creating ? this.createForm() : nothing}
      ${this.briefs.length === 0 ? html`<p class="card muted">${t('portal.noBrief')}</p>` : html`
        <div class="briefs-layout">
          ${this.briefs.length > 1 ? this.list(b) : nothing}
          ${b ? this.editor(b) : html`<p class="card" role="alert">${t('briefs.notFound')}</p>`}
        </div>`}`;
  }

  createForm() {
    const errors = this.createErrors;
    const set = (f) => (e) => { this.creating = { ...this.creating, [f]: e.target.value }; };
    const invalid = (f) => (errorsFor(errors, f).length ? 'invalid' : '');
    const general = errors.filter((e) => !e.field || !['projectId', 'title'].includes(e.field[0]));
    return html`
      <form class="card interaction-form" data-testid="create-brief" aria-labelledby="create-brief-title"
        @submit=${(e) => { e.preventDefault(); if (!this.busy) this.create(); }}
        @keydown=${(e) => { if (e.key === 'Escape') { this.creating = null; this.focusAfterRender = '[data-testid=new-brief]'; } }}>
        <h2 id="create-brief-title" class="wide">${t('briefs.newBrief')}</h2>
        <label class=${invalid('projectId')}>${t('briefs.project')}<select name="projectId" @change=${set('projectId')}
          aria-describedby="create-brief-projectId-error">
          <option value="" ?selected=${!this.creating.projectId}>${t('briefs.chooseProject')}</option>
          ${(this.projects ?? []).map((p) => html`<option value=${p.id} ?selected=${p.id === this.creating.projectId}>${p.name}</option>`)}
        </select>${fieldErrors(errors, 'projectId', 'create-brief-projectId-error')}</label>
        <label class="wide ${invalid('title')}">${t('briefs.briefTitle')}<input name="title" .value=${this.creating.title}
          @input=${set('title')} aria-describedby="create-brief-title-error">${fieldErrors(errors, 'title', 'create-brief-title-error')}</label>
        ${general.length ? html`<p class="error wide" role="alert">${general.map((e) => e.message).join(' ')}</p>` : nothing}
        <div class="actions wide">
          <button type="submit" data-testid="create-brief-submit" ?disabled=${this.busy}>${this.busy ? t('briefs.creating') : t('briefs.create')}</button>
          <button type="button" class="secondary" ?disabled=${this.busy} @click=${() => { this.creating = null; }}>${t('briefs.cancel')}</button>
        </div>
      </form>`;
  }

  /** The feasibility's remedies as buttons: the server applies them to the draft (ADR 0060). */
  suggestions(v, editable) {
    const f = v.feasibility;
    if (!editable || !f || f.verdict === 'REALISTIC' || (!f.drop.length && !f.earliestRealisticLaunch)) return nothing;
    return html`<div class="row-actions suggestion-actions">
      ${f.drop.length ? html`<button type="button" class="small" data-testid="apply-drop" ?disabled=${this.busy}
        @click=${() => this.apply(v, 'DROP_REQUIREMENTS')}>${t('briefs.applyDrop', { titles: f.drop.map((d) => d.requirement.title).join(', ') })}</button>` : nothing}
      ${f.earliestRealisticLaunch ? html`<button type="button" class="small secondary" data-testid="apply-launch" ?disabled=${this.busy}
        @click=${() => this.apply(v, 'MOVE_LAUNCH')}>${t('briefs.applyLaunch', { date: formatDate(f.earliestRealisticLaunch) })}</button>` : nothing}
    </div>`;
  }

  list(selected) {
    return html`
      <nav class="brief-nav card" aria-label=${t('briefs.pick')}>
        <ul>${this.briefs.map((b) => {
          const v = b.currentVersion;
          return html`<li><a href=${`#/briefs/${encodeURIComponent(b.id)}`} aria-current=${b === selected ? 'page' : 'false'}>
            <span class="block">${b.title}</span>
            <span class="small muted">${b.project.name} · v${v.number}</span>
            <span class="pill brief-${v.status}">${t(`portal.brief.${v.status}`)}</span>
            ${v.feasibility ? html`<span class="pill verdict-${v.feasibility.verdict}">${t(`portal.verdict.${v.feasibility.verdict}`)}</span>` : nothing}
          </a></li>`;
        })}</ul>
      </nav>`;
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
        ${gauge(v.feasibility, this.suggestions(v, editable))}
        ${editable ? preview(this.live) : nothing}
        ${this.messages(v)}
        ${editable && v.status === 'AGREED' ? html`<p class="notice" data-testid="agreed-hint">${t('briefs.newVersion')}</p>` : nothing}
        ${editable && v.status === 'DRAFT' && v.signatures.length ? html`<p class="warn-text small">${t('briefs.clearsSignatures')}</p>` : nothing}
        ${!this.canEdit ? html`<p class="muted small">${t('briefs.readOnly')}</p>` : nothing}
        <section aria-labelledby="requirements-title">
          <h3 id="requirements-title">${t('briefs.requirements')}</h3>
          ${this.requirements(v, editable)}
          ${editable ? this.addForm(v) : nothing}
        </section>
        <section aria-labelledby="details-title">
          <div class="section-head"><h3 id="details-title">${t('briefs.details')}</h3>
            ${editable && !this.details ? html`<button type="button" class="secondary small" data-testid="edit-details"
              ?disabled=${this.busy} @click=${() => this.openDetails(v)}>${t('briefs.editDetails')}</button>` : nothing}</div>
          ${this.details && editable ? this.detailsForm(v, b.project) : this.detailsView(v, b.project)}
        </section>
        ${this.signOff(v)}
        ${this.history(b)}
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
          @click=${() => this.restore(v)}>${t('briefs.undo')}</button>` : nothing}</p>` : nothing}`;
  }

  requirements(v, editable) {
    if (v.requirements.length === 0) return html`<p class="muted" data-testid="requirements">${t('briefs.noRequirement')}</p>`;
    return html`
      <div class="scroll"><table class="requirements-table" data-testid="requirements">
        <thead><tr><th>${t('briefs.requirement')}</th><th>${t('briefs.priority')}</th><th class="num">${t('briefs.estimate')}</th>
          ${editable ? html`<th><span class="visually-hidden">${t('briefs.actions')}</span></th>` : nothing}</tr></thead>
        <tbody>${v.requirements.map((r) => (this.rowEdits[r.key] && editable ? this.editRowView(v, r) : html`
          <tr data-key=${r.key}><td>${r.title}${r.userStory ? html`<span class="block muted small">${r.userStory}</span>` : nothing}</td>
            <td><span class="pill">${r.priority}</span></td>
            <td class="num" data-testid="estimate">${r.estimateDays}</td>
            ${editable ? html`<td><div class="row-actions">
              <button type="button" class="secondary small" data-testid="edit-requirement" aria-label="${t('briefs.edit')} · ${r.title}"
                ?disabled=${this.busy} @click=${() => this.editRow(r)}>${t('briefs.edit')}</button>
              <button type="button" class="danger small" data-testid="remove-requirement" aria-label="${t('briefs.remove')} · ${r.title}"
                ?disabled=${this.busy} @click=${() => this.removeRow(v, r.key)}>${t('briefs.remove')}</button></div></td>` : nothing}
          </tr>`))}</tbody>
      </table></div>`;
  }

  editRowView(v, r) {
    const edit = this.rowEdits[r.key];
    const errors = this.rowErrors[r.key] || [];
    const id = (f) => `req-${r.key}-${f}`;
    const set = (f) => (e) => { this.rowEdits = { ...this.rowEdits, [r.key]: { ...edit, [f]: e.target.value } }; };
    const keys = (e) => {
      if (e.key === 'Enter' && e.target.tagName !== 'TEXTAREA') {
        e.preventDefault();
        if (!this.busy) this.saveRow(v, r.key);
      } else if (e.key === 'Escape') {
        this.cancelRow(r.key);
      }
    };
    const invalid = (f) => (errorsFor(errors, f).length ? 'invalid' : '');
    return html`
      <tr data-key=${r.key} class="editing" @keydown=${keys}>
        <td class=${invalid('title')}>
          <label class="visually-hidden" for=${id('title')}>${t('briefs.requirement')}</label>
          <input id=${id('title')} name="title" .value=${edit.title} @input=${set('title')} aria-describedby=${id('title-error')}>
          ${fieldErrors(errors, 'title', id('title-error'))}
          <label class="small" for=${id('story')}>${t('briefs.userStory')}</label>
          <input id=${id('story')} name="userStory" .value=${edit.userStory} placeholder=${t('briefs.userStoryPlaceholder')}
            @input=${set('userStory')} aria-describedby=${id('userStory-error')}>
          ${fieldErrors(errors, 'userStory', id('userStory-error'))}</td>
        <td class=${invalid('priority')}><select name="priority" aria-label=${t('briefs.priority')} @change=${set('priority')}>
          ${PRIORITIES.map((p) => html`<option value=${p} ?selected=${edit.priority === p}>${p}</option>`)}</select>
          ${fieldErrors(errors, 'priority', id('priority-error'))}</td>
        <td class="num ${invalid('estimateDays')}"><input name="estimateDays" inputmode="decimal" size="6" aria-label=${t('briefs.estimate')}
          .value=${edit.estimateDays} @input=${set('estimateDays')} aria-describedby=${id('estimateDays-error')}>
          ${fieldErrors(errors, 'estimateDays', id('estimateDays-error'))}</td>
        <td><div class="row-actions">
          <button type="button" class="small" data-testid="save-requirement" ?disabled=${this.busy} @click=${() => this.saveRow(v, r.key)}>
            ${this.busy ? t('briefs.saving') : t('briefs.save')}</button>
          <button type="button" class="secondary small" ?disabled=${this.busy} @click=${() => this.cancelRow(r.key)}>${t('briefs.cancel')}</button>
        </div></td>
      </tr>`;
  }

  addForm(v) {
    const draft = this.addDraft;
    const errors = this.addErrors;
    const set = (field) => (e) => { this.addDraft = { ...this.addDraft, [field]: e.target.value }; };
    return html`
      <form class="interaction-form" data-testid="add-requirement" @submit=${(e) => { e.preventDefault(); if (!this.busy) this.addRequirement(v); }}>
        <label class="wide ${errorsFor(errors, 'title').length ? 'invalid' : ''}">${t('briefs.newRequirement')}<input name="title" .value=${draft.title}
          @input=${set('title')} aria-describedby=${`req-title-${v.id}`}>${fieldErrors(errors, 'title', `req-title-${v.id}`)}</label>
        <label class="wide ${errorsFor(errors, 'userStory').length ? 'invalid' : ''}">${t('briefs.userStory')}<input name="userStory"
          .value=${draft.userStory} placeholder=${t('briefs.userStoryPlaceholder')} @input=${set('userStory')}
          aria-describedby=${`req-story-${v.id}`}>${fieldErrors(errors, 'userStory', `req-story-${v.id}`)}</label>
        <label>${t('briefs.priority')}<select name="priority" @change=${set('priority')}>
          ${PRIORITIES.map((p) => html`<option value=${p} ?selected=${draft.priority === p}>${p}</option>`)}</select></label>
        <label class=${errorsFor(errors, 'estimateDays').length ? 'invalid' : ''}>${t('briefs.estimate')}<input name="estimateDays"
          inputmode="decimal" size="6" .value=${draft.estimateDays} @input=${set('estimateDays')}
          aria-describedby=${`req-days-${v.id}`}>${fieldErrors(errors, 'estimateDays', `req-days-${v.id}`)}</label>
        <button type="submit" ?disabled=${this.busy}>${t('briefs.add')}</button>
      </form>`;
  }

  detailsView(v, project) {
    const list = (f) => (v[f].length ? html`<ul>${v[f].map((x) => html`<li>${x}</li>`)}</ul>` : html`<span class="muted">${t('briefs.none')}</span>`);
    return html`
      <dl class="brief-details" data-testid="details">
        ${LISTS.map((f) => html`<div data-field=${f}><dt>${t(`briefs.field.${f}`)}</dt><dd>${list(f)}</dd></div>`)}
        ${DATES.map((f) => html`<div data-field=${f}><dt>${t(`briefs.field.${f}`)}</dt><dd>${v[f] || !project[f] ? formatDate(v[f])
          : html`${formatDate(project[f])} <span class="muted small">(${t('briefs.fromProject')})</span>`}</dd></div>`)}
      </dl>`;
  }

  detailsForm(v, project) {
    const errors = this.detailErrors;
    const set = (f) => (e) => { this.details = { ...this.details, [f]: e.target.value }; };
    const id = (f) => `brief-${f}`;
    const invalid = (f) => (errorsFor(errors, f).length ? 'invalid' : '');
    return html`
      <form class="details-form" data-testid="details-form" @submit=${(e) => { e.preventDefault(); if (!this.busy) this.saveDetails(v); }}
        @keydown=${(e) => { if (e.key === 'Escape') { this.details = null; this.focusAfterRender = '[data-testid=edit-details]'; } }}>
        <p class="muted small">${t('briefs.onePerLine')}</p>
        <div class="details-grid">
          ${LISTS.map((f) => html`<label class=${invalid(f)}>${t(`briefs.field.${f}`)}
            <textarea name=${f} rows="3" .value=${this.details[f]} @input=${set(f)} aria-describedby=${id(`${f}-error`)}></textarea>
            ${fieldErrors(errors, f, id(`${f}-error`))}</label>`)}
          ${DATES.map((f) => html`<label class=${invalid(f)}>${t(`briefs.field.${f}`)}
            <input type="date" name=${f} .value=${this.details[f]} @input=${set(f)} aria-describedby="${id(`${f}-error`)} ${id(`${f}-help`)}">
            ${!v[f] && project[f] ? html`<span class="small" id=${id(`${f}-help`)}>${t('briefs.projectDate', { date: formatDate(project[f]) })}</span>` : nothing}
            ${fieldErrors(errors, f, id(`${f}-error`))}</label>`)}
        </div>
        <div class="actions">
          <button type="submit" data-testid="save-details" ?disabled=${this.busy}>${this.busy ? t('briefs.saving') : t('briefs.save')}</button>
          <button type="button" class="secondary" ?disabled=${this.busy} @click=${() => { this.details = null; }}>${t('briefs.cancel')}</button>
        </div>
      </form>`;
  }

  signOff(v) {
    const byParty = (party) => v.signatures.find((s) => s.party === party && s.versionNumber === v.number);
    const agency = byParty('AGENCY');
    const canSign = v.status === 'DRAFT' && !agency && this.canEdit;
    return html`
      <section aria-labelledby="sign-title" data-testid="sign-off">
        <h3 id="sign-title">${t('briefs.signOff', { n: v.number })}</h3>
        ${v.status === 'AGREED' ? html`<p class="ok-line">${t('briefs.agreedBoth', { n: v.number })}</p>`
          : html`<p class="muted small">${t('briefs.signHelp')}</p>`}
        <ul class="signatures">${['AGENCY', 'CLIENT'].map((party) => {
          const s = byParty(party);
          return html`<li data-party=${party} class=${s ? 'signed' : 'awaiting'}>
            <span class="party">${t(`briefs.party.${party}`)}</span>
            <span>${s ? html`<span aria-hidden="true">✓</span> ${signatureText(s)}` : t('briefs.awaiting')}</span>
            ${party === 'AGENCY' && canSign ? html`<button type="button" class="small" data-testid="sign-agency" ?disabled=${this.busy}
              @click=${() => this.sign(v)}>${t('briefs.signAgency', { n: v.number })}</button>` : nothing}</li>`;
        })}</ul>
      </section>`;
  }

  history(b) {
    const [from, to] = this.comparePair(b);
    const label = (x) => `${t('briefs.version', { n: x.number })} · ${t(`portal.brief.${x.status}`)}`;
    return html`
      <section aria-labelledby="history-title">
        <h3 id="history-title">${t('briefs.history')}</h3>
        <ol class="versions" data-testid="versions" reversed>${[...b.versions].reverse().map((x) => html`
          <li data-version=${x.number}><span class="pill brief-${x.status}">${label(x)}</span>
            ${x.id === b.currentVersion.id ? html`<span class="muted small">(${t('briefs.current')})</span>` : nothing}
            <span class="small">${x.signatures.length ? x.signatures.map((s) => t('briefs.partySigned', { party: t(`briefs.party.${s.party}`), signed: signatureText(s) })).join(' · ')
              : html`<span class="muted">${t('portal.noSignature')}</span>`}</span></li>`)}</ol>
        ${this.canEdit && (b.currentVersion.status === 'DRAFT' || b.currentVersion.status === 'AGREED') ? html`
          <p class="small"><button type="button" class="secondary small" data-testid="start-version" ?disabled=${this.busy}
            aria-describedby="start-version-help" @click=${() => this.startVersion(b.currentVersion)}>${t('briefs.startVersion', { n: b.currentVersion.number + 1 })}</button>
            <span class="muted" id="start-version-help">${t('briefs.startHelp', { n: b.currentVersion.number })}</span></p>` : nothing}
        ${b.versions.length < 2 ? html`<p class="muted small">${t('briefs.compareNeedsTwo')}</p>` : html`
          <form class="interaction-form" data-testid="compare-form" @submit=${(e) => { e.preventDefault(); this.compare(b); }}>
            <label>${t('briefs.compareFrom')}<select name="from" @change=${(e) => { this.compareFrom = e.target.value; }}>
              ${b.versions.map((x) => html`<option value=${x.id} ?selected=${x.id === from}>${label(x)}</option>`)}</select></label>
            <label>${t('briefs.compareTo')}<select name="to" @change=${(e) => { this.compareTo = e.target.value; }}>
              ${b.versions.map((x) => html`<option value=${x.id} ?selected=${x.id === to}>${label(x)}</option>`)}</select></label>
            <button type="submit" class="secondary" ?disabled=${this.comparing}>${t('briefs.compare')}</button>
          </form>
          ${this.compareError ? html`<p class="error" role="alert">${this.compareError}</p>` : nothing}
          ${this.comparison ? this.comparisonView(this.comparison) : nothing}`}
      </section>`;
  }

  comparisonView(c) {
    const before = new Map(c.from.requirements.map((r) => [r.key, r]));
    const after = new Map(c.to.requirements.map((r) => [r.key, r]));
    const fields = [...LISTS, ...DATES].filter((f) => (LISTS.includes(f) ? !sameList(c.from[f], c.to[f]) : c.from[f] !== c.to[f]));
    const unchanged = c.to.requirements.length - c.added.length - c.changed.length;
    const items = (mine, theirs, mark) => (mine.length ? html`<ul>${mine.map((x) => html`
      <li class=${theirs.includes(x) ? '' : mark}>${x}</li>`)}</ul>` : html`<span class="muted">${t('briefs.none')}</span>`);
    const value = (version, other, f, mark) => (LISTS.includes(f) ? items(version[f], other[f], mark)
      : html`<span class=${mark}>${formatDate(version[f])}</span>`);
    const empty = c.added.length + c.removed.length + c.changed.length + fields.length === 0;
    return html`
      <div class="scroll comparison" data-testid="comparison" aria-live="polite">
        ${empty ? html`<p class="muted">${t('briefs.noDifference')}</p>` : html`
        <table>
          <caption class="visually-hidden">${t('briefs.comparisonCaption', { from: c.from.number, to: c.to.number })}</caption>
          <thead><tr><th scope="col">${t('briefs.what')}</th>
            <th scope="col">${t('briefs.version', { n: c.from.number })} · ${t(`portal.brief.${c.from.status}`)}</th>
            <th scope="col">${t('briefs.version', { n: c.to.number })} · ${t(`portal.brief.${c.to.status}`)}</th></tr></thead>
          <tbody>
            ${c.from.feasibility && c.to.feasibility ? html`<tr data-change="feasibility"><th scope="row">${t('briefs.feasibility')}</th>
              ${[c.from, c.to].map((x) => html`<td class=${x === c.from ? 'from' : 'to'}><span class="pill verdict-${x.feasibility.verdict}">${t(`portal.verdict.${x.feasibility.verdict}`)}</span>
                ${t('portal.days', { n: formatNumber(x.feasibility.scopeDays, 1) })}${x.feasibility.ratio != null ? html` · ${formatPercent(x.feasibility.ratio)}` : nothing}</td>`)}</tr>` : nothing}
            ${c.changed.map((ch) => {
              const marked = new Set(ch.changes.map((x) => x.field));
              return html`<tr data-change="changed" data-key=${ch.key}><th scope="row">${t('briefs.change.changed')}</th>
                <td class="from">${requirementSummary(before.get(ch.key), marked)}</td>
                <td class="to">${requirementSummary(after.get(ch.key), marked)}</td></tr>`;
            })}
            ${c.removed.map((r) => html`<tr data-change="removed" data-key=${r.key}><th scope="row">${t('briefs.change.removed')}</th>
              <td class="from removed">${requirementSummary(r)}</td><td class="to muted">—</td></tr>`)}
            ${c.added.map((r) => html`<tr data-change="added" data-key=${r.key}><th scope="row">${t('briefs.change.added')}</th>
              <td class="from muted">—</td><td class="to added">${requirementSummary(r)}</td></tr>`)}
            ${fields.map((f) => html`<tr data-change="field" data-field=${f}><th scope="row">${t(`briefs.field.${f}`)}</th>
              <td class="from">${value(c.from, c.to, f, 'removed')}</td><td class="to">${value(c.to, c.from, f, 'added')}</td></tr>`)}
          </tbody>
        </table>`}
        <p class="muted small">${t('briefs.unchanged', { n: unchanged })}</p>
      </div>`;
  }
}

customElements.define('cordee-briefs', BriefsView);
