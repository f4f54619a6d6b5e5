import { html, nothing } from 'lit';
import { gql } from '../graphql.js';
import { FormElement } from '../widgets.js';
import { t, addMessages } from '../i18n.js';
import words from './client-form.words.js';

addMessages(words);

export const CLIENT_FIELDS = `id name segment paymentTermsDays archived version
  contacts { name email role } funding { stage runwayEnd nextRoundExpected nextRoundStatus }`;
const CREATE = `mutation($input: CreateClientInput!) { createClient(input: $input) {
  client { ${CLIENT_FIELDS} } userErrors { field message code } } }`;
const UPDATE = `mutation($input: UpdateClientInput!) { updateClient(input: $input) {
  client { ${CLIENT_FIELDS} } userErrors { field message code } } }`;

const SEGMENTS = ['STARTUP', 'SME', 'ENTERPRISE', 'PUBLIC'];
const STAGES = ['BOOTSTRAPPED', 'PRE_SEED', 'SEED', 'SERIES_A', 'SERIES_B', 'LATER'];
const ROUND_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'IN_DOUBT', 'SIGNED', 'FAILED'];

/**
 * Creates a client (no `client`) or edits one: name, segment, payment terms (money: hidden for a LEAD, whom
 * the server refuses them), contacts, and a start-up's funding profile (shown only for the STARTUP segment).
 * The server's userErrors show next to their fields; a stale version asks to reload. Fires `client-saved`
 * with the client, `client-cancel` and `client-reload`.
 */
class ClientForm extends FormElement {
  static properties = {
    client: { attribute: false }, role: {}, draft: { state: true }, busy: { state: true },
    errors: { state: true }, conflict: { state: true }, failed: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    const c = this.client;
    this.draft = {
      name: c?.name ?? '',
      segment: c?.segment ?? 'SME',
      paymentTermsDays: c ? String(c.paymentTermsDays) : '30',
      contacts: (c?.contacts ?? []).map((x) => ({ name: x.name ?? '', email: x.email ?? '', role: x.role ?? '' })),
      funding: { stage: '', runwayEnd: '', nextRoundExpected: '', nextRoundStatus: '', ...stripNulls(c?.funding) },
    };
    this.errors = [];
  }

  firstUpdated() {
    this.querySelector('input[name=name]')?.focus();
  }

  get money() {
    return this.role === 'OWNER' || this.role === 'FINANCE';
  }

  set(field, value) {
    this.draft = { ...this.draft, [field]: value };
  }

  setFunding(field, value) {
    this.draft = { ...this.draft, funding: { ...this.draft.funding, [field]: value } };
  }

  setContact(index, field, value) {
    this.draft = { ...this.draft, contacts: this.draft.contacts.map((c, i) => (i === index ? { ...c, [field]: value } : c)) };
  }

  addContact() {
    this.draft = { ...this.draft, contacts: [...this.draft.contacts, { name: '', email: '', role: '' }] };
    this.updateComplete.then(() => this.querySelector(`[name="contacts.${this.draft.contacts.length - 1}.name"]`)?.focus());
  }

  removeContact(index) {
    this.draft = { ...this.draft, contacts: this.draft.contacts.filter((_, i) => i !== index) };
  }

  input() {
    const d = this.draft;
    const input = {
      name: d.name,
      segment: d.segment,
      contacts: d.contacts.map((c) => ({ name: c.name, email: c.email || null, role: c.role || null })),
    };
    // a LEAD changes no money: the field is neither shown nor sent
    if (this.money) input.paymentTermsDays = d.paymentTermsDays === '' ? null : Number(d.paymentTermsDays);
    if (d.segment === 'STARTUP') {
      input.funding = Object.fromEntries(Object.entries(d.funding).map(([k, v]) => [k, v || null]));
    }
    if (this.client) {
      input.id = this.client.id;
      input.version = this.client.version;
    }
    return input;
  }

  async submit(event) {
    event.preventDefault();
    if (this.busy) return;
    this.busy = true;
    this.errors = [];
    this.conflict = false;
    this.failed = null;
    try {
      const data = await gql(this.client ? UPDATE : CREATE, { input: this.input() });
      const payload = this.client ? data.updateClient : data.createClient;
      if (payload.userErrors.length) {
        await this.showUserErrors(payload.userErrors);
        return;
      }
      this.dispatchEvent(new CustomEvent('client-saved', { detail: { client: payload.client, created: !this.client }, bubbles: true }));
    } catch (e) {
      this.failed = e.message;
    } finally {
      this.busy = false;
    }
  }

  /** Errors on no field this form shows (none expected; never hidden). */
  otherErrors() {
    const shown = ['name', 'segment', 'paymentTermsDays', 'contacts', ...this.draft.contacts.flatMap((_, i) =>
      ['name', 'email', 'role'].map((f) => `contacts.${i}.${f}`)), ...Object.keys(this.draft.funding).map((f) => `funding.${f}`)];
    return super.otherErrors(shown);
  }

  choice(path, value, options, prefix, onChange, { label, empty } = {}) {
    return html`<label>${label}
      <select name=${path} aria-invalid=${this.invalid(path)} aria-describedby=${`err-${path}`} @change=${(e) => onChange(e.target.value)}>
        ${empty ? html`<option value="" ?selected=${!value}>${empty}</option>` : nothing}
        ${options.map((o) => html`<option value=${o} ?selected=${o === value}>${t(`${prefix}${o}`)}</option>`)}
      </select>${this.fieldError(path)}</label>`;
  }

  render() {
    const d = this.draft;
    const title = this.client ? t('clientForm.editTitle', { name: this.client.name }) : t('clientForm.newTitle');
    return html`
      <form class="card client-form" novalidate data-testid="client-form" aria-label=${title} @submit=${(e) => this.submit(e)}
        @keydown=${(e) => { if (e.key === 'Escape') this.cancel(); }}>
        <h2>${title}</h2>
        ${this.conflict ? html`<div class="notice conflict" role="alert" data-testid="client-conflict">
          <span>${t('clientForm.conflict')}</span>
          <button type="button" class="secondary small" @click=${() => this.dispatchEvent(new CustomEvent('client-reload', { bubbles: true }))}>
            ${t('clientForm.reload')}</button></div>` : nothing}
        ${this.failed ? html`<p class="error" role="alert">${this.failed}</p>` : nothing}
        ${this.otherErrors()}
        <div class="row">
          ${this.text('name', d.name, (v) => this.set('name', v), { label: t('clientForm.name'), autocomplete: 'organization' })}
          ${this.choice('segment', d.segment, SEGMENTS, 'segment.', (v) => this.set('segment', v), { label: t('clientForm.segment') })}
          ${this.money ? this.text('paymentTermsDays', d.paymentTermsDays, (v) => this.set('paymentTermsDays', v),
            { type: 'number', label: t('clientForm.terms') }) : nothing}
        </div>
        ${d.segment === 'STARTUP' ? html`
          <fieldset data-testid="funding">
            <legend>${t('clientForm.funding')}</legend>
            <div class="row">
              ${this.choice('funding.stage', d.funding.stage, STAGES, 'funding.stage.', (v) => this.setFunding('stage', v),
                { label: t('clientForm.stage'), empty: t('clientForm.unknown') })}
              ${this.text('funding.runwayEnd', d.funding.runwayEnd, (v) => this.setFunding('runwayEnd', v), { type: 'date', label: t('clientForm.runwayEnd') })}
              ${this.text('funding.nextRoundExpected', d.funding.nextRoundExpected, (v) => this.setFunding('nextRoundExpected', v),
                { type: 'date', label: t('clientForm.nextRound') })}
              ${this.choice('funding.nextRoundStatus', d.funding.nextRoundStatus, ROUND_STATUSES, 'funding.round.',
                (v) => this.setFunding('nextRoundStatus', v), { label: t('clientForm.roundStatus'), empty: t('clientForm.unknown') })}
            </div>
          </fieldset>` : nothing}
        <fieldset>
          <legend>${t('clientForm.contacts')}</legend>
          ${this.fieldError('contacts')}
          ${d.contacts.length === 0 ? html`<p class="muted small">${t('clientForm.noContact')}</p>` : nothing}
          ${d.contacts.map((c, i) => html`
            <div class="contact" data-testid="contact">
              ${this.text(`contacts.${i}.name`, c.name, (v) => this.setContact(i, 'name', v), { label: t('clientForm.contactName') })}
              ${this.text(`contacts.${i}.email`, c.email, (v) => this.setContact(i, 'email', v), { type: 'email', label: t('clientForm.email') })}
              ${this.text(`contacts.${i}.role`, c.role, (v) => this.setContact(i, 'role', v), { label: t('clientForm.contactRole') })}
              <button type="button" class="danger small" aria-label="${t('clientForm.removeContact')} ${i + 1}"
                @click=${() => this.removeContact(i)}>${t('clientForm.removeContact')}</button>
            </div>`)}
          <div><button type="button" class="secondary small" data-testid="add-contact" @click=${() => this.addContact()}>
            ${t('clientForm.addContact')}</button></div>
        </fieldset>
        <div class="actions">
          <button type="submit" data-testid="save-client" ?disabled=${this.busy}>${this.busy ? t('clientForm.saving') : t('clientForm.save')}</button>
          <button type="button" class="secondary" @click=${() => this.cancel()}>${t('clientForm.cancel')}</button>
        </div>
      </form>`;
  }

  cancel() {
    this.dispatchEvent(new CustomEvent('client-cancel', { bubbles: true }));
  }
}

function stripNulls(object) {
  return Object.fromEntries(Object.entries(object ?? {}).filter(([, v]) => v != null));
}

customElements.define('cordee-client-form', ClientForm);
