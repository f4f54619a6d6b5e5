import { html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { gql } from '../graphql.js';
import { CordeeElement, loading, failure, fieldErrors } from '../ui.js';
import { t, formatDate, formatNumber, formatPercent } from '../i18n.js';

const VERSION_FIELDS = `id number status version launchDate
  requirements { key title userStory priority estimateDays }
  signatures { party signedBy signedAt versionNumber }
  feasibility { verdict ratio capacityDays scopeDays earliestRealisticLaunch drop { requirement { title } } }`;
const BRIEFS = `query Briefs { briefs(first: 50) { totalCount nodes { id title project { name }
  versions { id number status } currentVersion { ${VERSION_FIELDS} } } } }`;
const UPDATE = `mutation($input: UpdateBriefVersionInput!) { updateBriefVersion(input: $input) {
  briefVersion { id } userErrors { field message code } } }`;
const SIGN = `mutation($input: SignBriefVersionInput!) { signBriefVersion(input: $input) {
  briefVersion { id } userErrors { field message code } } }`;
const PRIORITIES = ['MUST', 'SHOULD', 'COULD', 'WONT'];

/** Scope against capacity: the ratio as a bar, the 0.85 and 1.0 marks, and the verdict. */
const gauge = (f) => {
  if (!f) return html`<p class="muted">${t('briefs.noLaunch')}</p>`;
  const width = Math.min(100, (f.ratio ?? 0) * 100 / 1.5);
  return html`
    <div class="gauge verdict-${f.verdict}" data-testid="feasibility">
      <div class="gauge-head"><span class="pill verdict-${f.verdict}" data-testid="verdict">${t(`portal.verdict.${f.verdict}`)}</span>
        <span>${t('briefs.scopeOfCapacity', { scope: formatNumber(f.scopeDays, 1), capacity: formatNumber(f.capacityDays, 1) })}
          ${f.ratio != null ? html` · ${formatPercent(f.ratio)}` : nothing}</span></div>
      <div class="gauge-track" role="img" aria-label=${t(`portal.verdict.${f.verdict}`)}>
        <div class="gauge-fill" style=${styleMap({ width: `${width}%` })}></div>
        <span class="mark" style=${styleMap({ left: `${85 / 1.5}%` })}></span><span class="mark" style=${styleMap({ left: `${100 / 1.5}%` })}></span>
      </div>
      ${f.drop.length ? html`<p class="muted">${t('briefs.drop', { titles: f.drop.map((d) => d.requirement.title).join(', ') })}</p>` : nothing}
      ${f.earliestRealisticLaunch ? html`<p class="muted">${t('briefs.earliest', { date: formatDate(f.earliestRealisticLaunch) })}</p>` : nothing}
    </div>`;
};

/**
 * Briefs for the agency: each brief's current version with its requirements, the feasibility gauge
 * (recomputed by the server after every change), adding a requirement, the versions, and signing.
 */
class BriefsView extends CordeeElement {
  static properties = { role: {}, briefs: { state: true }, error: { state: true }, drafts: { state: true } };

  constructor() {
    super();
    this.drafts = {};
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
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

  draft(id) {
    return this.drafts[id] ?? { title: '', priority: 'MUST', estimateDays: '' };
  }

  edit(id, changes) {
    this.drafts = { ...this.drafts, [id]: { ...this.draft(id), ...changes } };
  }

  async addRequirement(brief) {
    const v = brief.currentVersion;
    const draft = this.draft(v.id);
    const requirements = [...v.requirements.map(({ key, title, userStory, priority, estimateDays }) =>
      ({ key, title, userStory, priority, estimateDays })),
    { title: draft.title, priority: draft.priority, estimateDays: draft.estimateDays }];
    this.edit(v.id, { busy: true, errors: [] });
    try {
      const { updateBriefVersion } = await gql(UPDATE, { input: { id: v.id, version: v.version, requirements } });
      if (updateBriefVersion.userErrors.length) {
        // the new requirement is the last of the list: its errors go next to the form
        const last = String(requirements.length - 1);
        this.edit(v.id, { busy: false, errors: updateBriefVersion.userErrors.map((e) => ({ ...e,
          field: e.field?.[1] === last ? [e.field.at(-1)] : e.field })) });
        return;
      }
      this.drafts = { ...this.drafts, [v.id]: undefined };
      await this.load();
    } catch (e) {
      this.edit(v.id, { busy: false, errors: [{ field: ['title'], message: e.message }] });
    }
  }

  async sign(v) {
    try {
      const { signBriefVersion } = await gql(SIGN, { input: { id: v.id, version: v.version } });
      if (signBriefVersion.userErrors.length) {
        this.edit(v.id, { errors: signBriefVersion.userErrors.map((e) => ({ ...e, field: ['sign'] })) });
        return;
      }
      await this.load();
    } catch (e) {
      this.edit(v.id, { errors: [{ field: ['sign'], message: e.message }] });
    }
  }

  render() {
    if (this.error) return failure(this.error, () => this.load());
    if (!this.briefs) return loading();
    return html`
      <div class="page-head"><h1 class="page-title">${t('briefs.title')}</h1></div>
      ${this.briefs.length === 0 ? html`<p class="card muted">${t('portal.noBrief')}</p>` : html`
        <ul class="brief-list">${this.briefs.map((b) => this.card(b))}</ul>`}`;
  }

  card(b) {
    const v = b.currentVersion;
    const draft = this.draft(v.id);
    const editable = v.status === 'DRAFT' || v.status === 'AGREED';
    const agencySigned = v.signatures.some((s) => s.party === 'AGENCY' && s.versionNumber === v.number);
    const set = (field) => (e) => this.edit(v.id, { [field]: e.target.value });
    return html`
      <li class="card" data-brief=${b.id}>
        <div class="client-head"><h2>${b.title}</h2><span class="muted">${b.project.name}</span>
          <span class="pill brief-${v.status}">${t(`portal.brief.${v.status}`)} · ${t('portal.version', { n: v.number })}</span></div>
        <p class="muted">${t('briefs.versions')} ${b.versions.map((x) => html`<span class="pill brief-${x.status}">v${x.number}</span> `)}
          · ${t('briefs.launch', { date: formatDate(v.launchDate) })}</p>
        ${gauge(v.feasibility)}
        <div class="scroll"><table class="requirements-table" data-testid="requirements">
          <thead><tr><th>${t('briefs.requirement')}</th><th>${t('briefs.priority')}</th><th class="num">${t('briefs.estimate')}</th></tr></thead>
          <tbody>${v.requirements.map((r) => html`<tr><td>${r.title}</td><td><span class="pill">${r.priority}</span></td>
            <td class="num">${r.estimateDays}</td></tr>`)}</tbody></table></div>
        ${editable ? html`
          <form class="interaction-form" data-testid="add-requirement" @submit=${(e) => { e.preventDefault(); this.addRequirement(b); }}>
            <label class="wide">${t('briefs.requirement')}<input name="title" .value=${draft.title} @input=${set('title')}
              aria-describedby=${`req-title-${v.id}`}>${fieldErrors(draft.errors, 'title', `req-title-${v.id}`)}</label>
            <label>${t('briefs.priority')}<select name="priority" @change=${set('priority')}>
              ${PRIORITIES.map((p) => html`<option value=${p} ?selected=${draft.priority === p}>${p}</option>`)}</select></label>
            <label>${t('briefs.estimate')}<input name="estimateDays" inputmode="decimal" size="6" .value=${draft.estimateDays}
              @input=${set('estimateDays')} aria-describedby=${`req-days-${v.id}`}>${fieldErrors(draft.errors, 'estimateDays', `req-days-${v.id}`)}</label>
            <button type="submit" ?disabled=${draft.busy}>${t('briefs.add')}</button>
            ${v.status === 'AGREED' ? html`<span class="muted">${t('briefs.newVersion')}</span>` : nothing}
          </form>` : nothing}
        <p class="muted">${v.signatures.length === 0 ? t('portal.noSignature')
          : v.signatures.map((s) => t('portal.signedBy', { who: s.signedBy, date: formatDate(s.signedAt.slice(0, 10)) })).join(' · ')}</p>
        ${v.status === 'DRAFT' && !agencySigned && (this.role === 'OWNER' || this.role === 'LEAD') ? html`
          <button type="button" class="secondary" data-testid="sign-agency" @click=${() => this.sign(v)}>${t('briefs.signAgency', { n: v.number })}</button>` : nothing}
        ${fieldErrors(draft.errors, 'sign', `sign-${v.id}`)}
      </li>`;
  }
}

customElements.define('cordee-briefs', BriefsView);
