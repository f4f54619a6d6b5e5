import { html } from 'lit';
import { gql } from '../graphql.js';
import { CordeeElement, fieldErrors } from '../ui.js';
import { t, addMessages } from '../i18n.js';
import { todayIso } from '../clock.js';
import words from './interaction-form.words.js';

addMessages(words);

const LOG_INTERACTION = `mutation($input: CreateInteractionInput!) { createInteraction(input: $input) {
  interaction { id } userErrors { field message code } } }`;
const KINDS = ['MEETING', 'CALL', 'WORKSHOP', 'EMAIL'];

/**
 * Logging an interaction in a few seconds after a meeting: a button that opens a short form (today,
 * a meeting, energy 4 on both sides preset). Staff rate both sides and may mark a note internal; a
 * client user (`clientSide`) rates only their own side, as the API requires. The API's errors show next
 * to their fields and nothing is written; once saved, an `interaction-logged` event lets the host reload.
 * Opening one form closes any other on the page, so the ids of its error messages stay unique.
 */
export class InteractionForm extends CordeeElement {
  static properties = { clientId: {}, clientSide: { type: Boolean }, form: { state: true } };

  open() {
    window.dispatchEvent(new CustomEvent('cordee-interaction-form', { detail: this }));
    this.form = { date: todayIso(), kind: 'MEETING', summary: '', agencyEnergy: '4', clientEnergy: '4', internal: false };
  }

  render() {
    const form = this.form;
    if (!form) {
      return html`<button type="button" class="secondary small" data-testid="log-interaction" @click=${() => this.open()}>
        ${t('clients.logInteraction')}</button>`;
    }
    const set = (field) => (e) => { this.form = { ...this.form, [field]: e.target.value }; };
    const energy = (field) => html`<select name=${field} .value=${form[field]} @change=${set(field)}>
      ${['', '1', '2', '3', '4', '5'].map((v) => html`<option value=${v} ?selected=${form[field] === v}>${v || '—'}</option>`)}</select>`;
    const id = (field) => `interaction-${field}-error`;
    const dateError = id('date');
    const summaryError = id('summary');
    return html`
      <form class="interaction-form" data-testid="interaction-form" @submit=${(e) => { e.preventDefault(); this.save(); }}>
        <label>${t('clients.date')}<input type="date" name="date" .value=${form.date} @input=${set('date')}
          aria-describedby=${dateError}>${fieldErrors(form.errors, 'date', dateError)}</label>
        <label>${t('clients.kind')}<select name="kind" @change=${set('kind')}>
          ${KINDS.map((k) => html`<option value=${k} ?selected=${form.kind === k}>${t(`interaction.${k}`)}</option>`)}</select></label>
        <label class="wide">${t('clients.summary')}<input name="summary" maxlength="5000" .value=${form.summary}
          @input=${set('summary')} aria-describedby=${summaryError}>
          ${fieldErrors(form.errors, 'summary', summaryError)}</label>
        ${this.clientSide ? html`<label>${t('portal.yourEnergy')}${energy('clientEnergy')}</label>` : html`
          <label>${t('clients.agencyEnergy')}${energy('agencyEnergy')}</label>
          <label>${t('clients.clientEnergy')}${energy('clientEnergy')}</label>
          <label class="check"><input type="checkbox" name="internal" .checked=${form.internal}
            @change=${(e) => { this.form = { ...this.form, internal: e.target.checked }; }}>${t('clients.internalNote')}</label>`}
        <button type="submit" ?disabled=${form.busy}>${t('clients.save')}</button>
        <button type="button" class="secondary" @click=${() => { this.form = null; }}>${t('clients.cancel')}</button>
        ${fieldErrors(form.errors, 'agencyEnergy', id('agencyEnergy'))}
        ${fieldErrors(form.errors, 'clientEnergy', id('clientEnergy'))}
        ${fieldErrors(form.errors, 'internal', id('internal'))}
      </form>`;
  }

  connectedCallback() {
    super.connectedCallback();
    this.onOtherOpened = (e) => { if (e.detail !== this) this.form = null; };
    window.addEventListener('cordee-interaction-form', this.onOtherOpened);
  }

  disconnectedCallback() {
    window.removeEventListener('cordee-interaction-form', this.onOtherOpened);
    super.disconnectedCallback();
  }

  async save() {
    const form = this.form;
    this.form = { ...form, busy: true, errors: [] };
    const number = (v) => (v === '' ? null : Number(v));
    const input = { clientId: this.clientId, date: form.date, kind: form.kind, summary: form.summary,
      clientEnergy: number(form.clientEnergy) };
    if (!this.clientSide) {
      input.agencyEnergy = number(form.agencyEnergy);
      input.internal = form.internal;
    }
    try {
      const { createInteraction } = await gql(LOG_INTERACTION, { input });
      if (createInteraction.userErrors.length) {
        this.form = { ...form, busy: false, errors: createInteraction.userErrors };
        return;
      }
      this.form = null;
      this.dispatchEvent(new CustomEvent('interaction-logged', { detail: createInteraction.interaction, bubbles: true }));
    } catch (e) {
      this.form = { ...form, busy: false, errors: [{ field: ['summary'], message: e.message }] };
    }
  }
}

customElements.define('cordee-interaction-form', InteractionForm);
