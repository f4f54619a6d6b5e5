// The game plan and the doubles, edited (issue 19 points 2 and 3, ADR 0064): the strengths map as a grid,
// agreements and commitments created, edited and closed by the agency; the client contact marking its
// commitments delivered with a comment and commenting on agreements; the words of both sides as a timeline.
// Every form: the API's userErrors next to their field, nothing written on error, submit disabled while
// sending, a confirmation once saved, "changed by someone else — reload" on a stale version. Each form
// fires `plan-changed` once saved so that the page reloads what it shows.
import { html, nothing } from 'lit';
import { gql } from '../graphql.js';
import { CordeeElement, fieldErrors, stylesheet } from '../ui.js';
import { t, formatDate, addMessages } from '../i18n.js';
import { todayIso } from '../clock.js';
import words from './game-plan.words.js';

addMessages(words);
await stylesheet('/js/views/game-plan.css');

const ERRORS = 'userErrors { field message code }';
const CREATE_COMMITMENT = `mutation($input: CreateCommitmentInput!) { createCommitment(input: $input) { commitment { id } ${ERRORS} } }`;
const UPDATE_COMMITMENT = `mutation($input: UpdateCommitmentInput!) { updateCommitment(input: $input) { commitment { id } ${ERRORS} } }`;
const CREATE_AGREEMENT = `mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { agreement { id } ${ERRORS} } }`;
const UPDATE_AGREEMENT = `mutation($input: UpdateAgreementInput!) { updateAgreement(input: $input) { agreement { id } ${ERRORS} } }`;
const SET_STRENGTHS = `mutation($input: SetStrengthsMapInput!) { setStrengthsMap(input: $input) { strengths { version } ${ERRORS} } }`;
const DELIVER = `mutation($input: RecordCommitmentDeliveryInput!) { recordCommitmentDelivery(input: $input) { commitment { id } ${ERRORS} } }`;
const COMMENT = `mutation($input: CommentOnAgreementInput!) { commentOnAgreement(input: $input) { comment { id } ${ERRORS} } }`;

/** The fields a page asks for to show and edit the plan. */
export const PLAN_FIELDS = `agreements { id what ownerSide ownerName dueDate status doneDate version }
  commitments { id kind title dueDate deliveredDate late daysLate version project { id name } }
  relationshipComments { id side body delivery createdAt agreementId commitmentId }`;

const KINDS = ['CONTENT', 'ASSETS', 'FEEDBACK', 'APPROVAL', 'DECISION'];
const STATUSES = ['PROPOSED', 'AGREED', 'DONE', 'DROPPED'];
const LEADS = ['AGENCY', 'CLIENT', 'SHARED'];
const DOMAINS = ['STRATEGY', 'CONTENT', 'DESIGN', 'TECH', 'MARKETING', 'DATA', 'DECISIONS'];
const stale = (errors) => errors.some((e) => e.code === 'CONFLICT' || e.code === 'STALE_VERSION');
let serial = 0;

/**
 * A button that opens a small form, and the form: `fields()` renders the inputs, `send()` returns
 * [document, input, payload key]. Errors without a field of the form are shown under it.
 */
class PlanForm extends CordeeElement {
  static properties = { form: { state: true }, saved: { state: true } };

  constructor() {
    super();
    this.uid = `plan-${serial += 1}`;
  }

  get label() { return ''; }

  get testid() { return ''; }

  initial() { return {}; }

  open() {
    this.saved = false;
    this.form = { ...this.initial(), errors: [] };
  }

  set(field) {
    return (e) => { this.form = { ...this.form, [field]: e.target.type === 'checkbox' ? e.target.checked : e.target.value }; };
  }

  /** A labelled input with its errors, described by them. */
  field(label, name, input) {
    const id = `${this.uid}-${name}-error`;
    return html`<label class=${name === 'what' || name === 'title' || name === 'body' || name === 'comment' ? 'wide' : ''}>${label}
      ${input(id)}${fieldErrors(this.form.errors, name, id)}</label>`;
  }

  text(label, name, max = 200) {
    return this.field(label, name, (id) => html`<input name=${name} maxlength=${max} .value=${this.form[name] ?? ''}
      aria-describedby=${id} @input=${this.set(name)}>`);
  }

  date(label, name) {
    return this.field(label, name, (id) => html`<input type="date" name=${name} .value=${this.form[name] ?? ''}
      aria-describedby=${id} @input=${this.set(name)}>`);
  }

  select(label, name, values, text) {
    return this.field(label, name, (id) => html`<select name=${name} aria-describedby=${id} @change=${this.set(name)}>
      ${values.map((v) => html`<option value=${v} ?selected=${this.form[name] === v}>${text(v)}</option>`)}</select>`);
  }

  render() {
    if (!this.form) {
      return html`<button type="button" class="secondary small" data-testid=${this.testid} @click=${() => this.open()}>${this.label}</button>
        ${this.saved ? html`<span class="live" role="status" data-testid="plan-saved">${t('gamePlan.saved')}</span>` : nothing}`;
    }
    const known = this.known();
    const others = this.form.errors.filter((e) => !known.includes((e.field || []).at(-1)));
    return html`
      <form class="interaction-form plan-form" data-testid=${`${this.testid}-form`} @submit=${(e) => { e.preventDefault(); this.save(); }}>
        ${this.fields()}
        <button type="submit" ?disabled=${this.form.busy}>${this.form.busy ? t('plan.sending') : t('gamePlan.save')}</button>
        <button type="button" class="secondary" @click=${() => { this.form = null; }}>${t('clients.cancel')}</button>
        ${this.form.stale ? html`<p class="field-error" role="alert" data-testid="plan-stale">${t('plan.stale')}
          <button type="button" class="secondary small" @click=${() => this.changed()}>${t('plan.reload')}</button></p>` : nothing}
        ${others.length && !this.form.stale ? html`<p class="field-error" role="alert">${others.map((e) => e.message).join(' ')}</p>` : nothing}
      </form>`;
  }

  async save() {
    const [document, input, key] = this.send();
    this.form = { ...this.form, busy: true, errors: [], stale: false };
    try {
      const payload = (await gql(document, { input }))[key];
      if (payload.userErrors.length) {
        this.form = { ...this.form, busy: false, errors: payload.userErrors, stale: stale(payload.userErrors) };
        return;
      }
      this.form = null;
      this.saved = true;
      this.changed();
    } catch (e) {
      this.form = { ...this.form, busy: false, errors: [{ field: [], message: e.message }] };
    }
  }

  changed() {
    this.dispatchEvent(new CustomEvent('plan-changed', { bubbles: true, composed: true }));
  }
}

const orNull = (v) => (v === '' || v === undefined ? null : v);

/** Records a commitment of the client (no `commitment`) or edits one; a delivery date closes it. */
class CommitmentEditor extends PlanForm {
  static properties = { ...PlanForm.properties, clientId: {}, projects: { attribute: false }, commitment: { attribute: false } };

  get label() { return this.commitment ? t('plan.edit') : t('plan.newCommitment'); }

  get testid() { return this.commitment ? 'edit-commitment' : 'new-commitment'; }

  initial() {
    const c = this.commitment;
    return c ? { projectId: c.project?.id, kind: c.kind, title: c.title, dueDate: c.dueDate, deliveredDate: c.deliveredDate ?? '' }
      : { projectId: this.projects[0]?.id, kind: 'CONTENT', title: '', dueDate: '', deliveredDate: '' };
  }

  known() { return ['projectId', 'kind', 'title', 'dueDate', 'deliveredDate']; }

  fields() {
    return html`
      ${this.select(t('project.name'), 'projectId', this.projects.map((p) => p.id), (id) => this.projects.find((p) => p.id === id).name)}
      ${this.select(t('plan.kind'), 'kind', KINDS, (k) => t(`commitment.${k}`))}
      ${this.text(t('portal.commitment'), 'title')}
      ${this.date(t('portal.due'), 'dueDate')}
      ${this.commitment ? this.date(t('portal.delivered'), 'deliveredDate') : nothing}`;
  }

  send() {
    const f = this.form;
    const fields = { projectId: f.projectId, kind: f.kind, title: f.title, dueDate: orNull(f.dueDate) };
    if (!this.commitment) return [CREATE_COMMITMENT, { clientId: this.clientId, ...fields }, 'createCommitment'];
    return [UPDATE_COMMITMENT, { id: this.commitment.id, version: this.commitment.version, ...fields,
      deliveredDate: orNull(f.deliveredDate) }, 'updateCommitment'];
  }
}
customElements.define('cordee-commitment-editor', CommitmentEditor);

/** Adds an agreement to the game plan (no `agreement`) or edits one: its status DONE or DROPPED closes it. */
class AgreementEditor extends PlanForm {
  static properties = { ...PlanForm.properties, clientId: {}, agreement: { attribute: false } };

  get label() { return this.agreement ? t('plan.edit') : t('plan.newAgreement'); }

  get testid() { return this.agreement ? 'edit-agreement' : 'new-agreement'; }

  initial() {
    const a = this.agreement;
    return a ? { what: a.what, ownerSide: a.ownerSide, ownerName: a.ownerName ?? '', dueDate: a.dueDate ?? '', status: a.status }
      : { what: '', ownerSide: 'AGENCY', ownerName: '', dueDate: '', status: 'PROPOSED' };
  }

  known() { return ['what', 'ownerSide', 'ownerName', 'dueDate', 'status', 'doneDate']; }

  fields() {
    return html`
      ${this.text(t('plan.what'), 'what', 1000)}
      ${this.select(t('plan.side'), 'ownerSide', ['AGENCY', 'CLIENT'], (s) => t(`client.side.${s}`))}
      ${this.text(t('plan.who'), 'ownerName')}
      ${this.date(t('plan.byWhen'), 'dueDate')}
      ${this.select(t('plan.status'), 'status', STATUSES, (s) => t(`portal.agreement.${s}`))}`;
  }

  send() {
    const f = this.form;
    const fields = { what: f.what, ownerSide: f.ownerSide, ownerName: orNull(f.ownerName), dueDate: orNull(f.dueDate), status: f.status };
    if (!this.agreement) return [CREATE_AGREEMENT, { clientId: this.clientId, ...fields }, 'createAgreement'];
    return [UPDATE_AGREEMENT, { id: this.agreement.id, version: this.agreement.version, ...fields }, 'updateAgreement'];
  }
}
customElements.define('cordee-agreement-editor', AgreementEditor);

/** The client contact's side: marks one of its commitments delivered, with a word for the agency. */
class DeliverCommitment extends PlanForm {
  static properties = { ...PlanForm.properties, commitment: { attribute: false } };

  get label() { return t('plan.markDelivered'); }

  get testid() { return 'deliver-commitment'; }

  initial() { return { deliveredDate: todayIso(), comment: '' }; }

  known() { return ['deliveredDate', 'comment']; }

  fields() {
    return html`${this.date(t('portal.delivered'), 'deliveredDate')}
      ${this.field(t('plan.comment'), 'comment', (id) => html`<textarea name="comment" maxlength="2000" rows="2"
        aria-describedby=${id} .value=${this.form.comment} @input=${this.set('comment')}></textarea>`)}`;
  }

  send() {
    return [DELIVER, { id: this.commitment.id, version: this.commitment.version, deliveredDate: orNull(this.form.deliveredDate),
      comment: orNull(this.form.comment) }, 'recordCommitmentDelivery'];
  }
}
customElements.define('cordee-deliver-commitment', DeliverCommitment);

/** A word on an agreement, from either side. */
class AgreementComment extends PlanForm {
  static properties = { ...PlanForm.properties, agreement: { attribute: false } };

  get label() { return t('plan.commentAction'); }

  get testid() { return 'comment-agreement'; }

  initial() { return { body: '' }; }

  known() { return ['body']; }

  fields() {
    return this.field(t('plan.comment'), 'body', (id) => html`<textarea name="body" maxlength="2000" rows="2"
      aria-describedby=${id} .value=${this.form.body} @input=${this.set('body')}></textarea>`);
  }

  send() {
    return [COMMENT, { agreementId: this.agreement.id, body: this.form.body }, 'commentOnAgreement'];
  }
}
customElements.define('cordee-agreement-comment', AgreementComment);

/**
 * The strengths map as a grid: per domain the agency's and the client's strength 1–5 and who leads;
 * rows added and removed; saved as a whole with the version read (none for a client without a map).
 */
class StrengthsEditor extends PlanForm {
  static properties = { ...PlanForm.properties, clientId: {}, strengths: { attribute: false } };

  get label() { return t('plan.editStrengths'); }

  get testid() { return 'edit-strengths'; }

  initial() {
    const rows = this.strengths?.strengths.map((s) => ({ ...s })) ?? DOMAINS.slice(0, 4).map((domain) => ({ domain, agency: 3, client: 3, lead: 'SHARED' }));
    return { rows, expectations: (this.strengths?.expectations ?? []).join('\n') };
  }

  known() { return ['expectations']; }

  row(i, field) {
    return (e) => {
      const rows = this.form.rows.map((r, j) => (j === i ? { ...r, [field]: field === 'agency' || field === 'client' ? Number(e.target.value) : e.target.value } : r));
      this.form = { ...this.form, rows };
    };
  }

  fields() {
    const rowErrors = (i) => this.form.errors.filter((e) => (e.field || []).some((f) => String(f).startsWith(`strengths[${i}]`)))
      .map((e) => e.message).join(' ');
    const score = (r, i, side) => html`<select aria-label=${`${t(`client.side.${side === 'agency' ? 'AGENCY' : 'CLIENT'}`)} · ${r.domain}`}
      name=${`${side}-${i}`} @change=${this.row(i, side)}>${[1, 2, 3, 4, 5].map((v) => html`<option value=${v} ?selected=${r[side] === v}>${v}</option>`)}</select>`;
    return html`
      <div class="scroll wide-block"><table class="strengths-grid" data-testid="strengths-grid">
        <thead><tr><th>${t('client.domain')}</th><th>${t('client.side.AGENCY')}</th><th>${t('client.side.CLIENT')}</th>
          <th>${t('plan.lead')}</th><th><span class="visually-hidden">${t('gamePlan.remove')}</span></th></tr></thead>
        <tbody>${this.form.rows.map((r, i) => html`
          <tr data-row=${i}>
            <td><input name=${`domain-${i}`} maxlength="50" aria-label=${t('client.domain')} .value=${r.domain} @input=${this.row(i, 'domain')}>
              ${rowErrors(i) ? html`<span class="field-error">${rowErrors(i)}</span>` : nothing}</td>
            <td>${score(r, i, 'agency')}</td><td>${score(r, i, 'client')}</td>
            <td><select name=${`lead-${i}`} aria-label=${`${t('plan.lead')} · ${r.domain}`} @change=${this.row(i, 'lead')}>
              ${LEADS.map((l) => html`<option value=${l} ?selected=${r.lead === l}>${t(`client.lead.${l}`)}</option>`)}</select></td>
            <td><button type="button" class="secondary small" @click=${() => { this.form = { ...this.form, rows: this.form.rows.filter((_, j) => j !== i) }; }}>
              ${t('gamePlan.remove')}</button></td></tr>`)}
        </tbody></table></div>
      <button type="button" class="secondary small" data-testid="add-domain"
        @click=${() => { this.form = { ...this.form, rows: [...this.form.rows, { domain: '', agency: 3, client: 3, lead: 'SHARED' }] }; }}>${t('plan.addDomain')}</button>
      ${this.field(t('plan.expectations'), 'expectations', (id) => html`<textarea name="expectations" rows="2" aria-describedby=${id}
        .value=${this.form.expectations} @input=${this.set('expectations')}></textarea>`)}`;
  }

  send() {
    const expectations = this.form.expectations.split('\n').map((e) => e.trim()).filter((e) => e);
    return [SET_STRENGTHS, { clientId: this.clientId, version: this.strengths?.version ?? null, strengths: this.form.rows, expectations },
      'setStrengthsMap'];
  }
}
customElements.define('cordee-strengths-editor', StrengthsEditor);

/** What either side said on the plan, newest first, each with what it is about. */
export const commentsTimeline = (client, { testid = 'plan-timeline' } = {}) => {
  const comments = client.relationshipComments ?? [];
  if (comments.length === 0) return html`<p class="muted">${t('plan.noComment')}</p>`;
  const subject = (c) => (c.commitmentId ? client.commitments.find((x) => x.id === c.commitmentId)?.title
    : client.agreements.find((x) => x.id === c.agreementId)?.what) ?? '—';
  return html`<ul class="interactions plan-timeline" data-testid=${testid}>${comments.map((c) => html`
    <li data-side=${c.side} data-delivery=${c.delivery ? 'true' : 'false'}>
      <span class="muted">${formatDate(c.createdAt.slice(0, 10))} · ${t(`client.side.${c.side}`)}</span>
      ${c.delivery ? html`<span class="pill health-good">${t('plan.deliveredPill')}</span>` : nothing}
      <strong>${subject(c)}</strong> — <span data-testid="comment-body">${c.body}</span></li>`)}</ul>`;
};
