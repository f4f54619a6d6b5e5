import { html, nothing } from 'lit';
import { gql } from '../graphql.js';
import { CordeeElement, fieldErrors } from '../ui.js';
import { t, currentLocale, addMessages } from '../i18n.js';
import words from './setup.words.js';

addMessages(words);

// First run (ADR 27): the first agency and its owner, with the setup token the server printed in its log
// and wrote to its token file; or, on an instance open to sign-ups, a new agency without a token.
const VIEWER_FIELDS = 'user { displayName role } agency { name now timeZone }';
const SET_UP = `mutation($input: SetUpInput!) { setUp(input: $input) {
  viewer { ${VIEWER_FIELDS} } userErrors { field message code } } }`;
const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) {
  viewer { ${VIEWER_FIELDS} } userErrors { field message code } } }`;

const guessZone = () => { try { return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Paris'; } catch (e) { return 'Europe/Paris'; } };

class CordeeSetup extends CordeeElement {
  // mode: 'setup' (first agency, token) or 'signup' (another agency, no token)
  static properties = { mode: {}, busy: { state: true }, userErrors: { state: true }, message: { state: true } };

  constructor() {
    super();
    this.mode = 'setup';
    this.userErrors = [];
  }

  async submit(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const input = Object.fromEntries(['agencyName', 'country', 'currency', 'timeZone', 'language', 'ownerName',
      'email', 'password'].map((k) => [k, String(form.get(k) ?? '').trim()]));
    input.password = String(form.get('password') ?? ''); // kept as typed: spaces count
    input.country = input.country.toUpperCase();
    input.currency = input.currency.toUpperCase();
    if (this.mode === 'setup') input.setupToken = String(form.get('setupToken') ?? '').trim();
    this.busy = true;
    this.message = null;
    this.userErrors = [];
    try {
      const data = await gql(this.mode === 'setup' ? SET_UP : SIGN_UP, { input });
      const payload = this.mode === 'setup' ? data.setUp : data.signUp;
      if (payload.userErrors.length) {
        this.userErrors = payload.userErrors;
        this.message = t('setup.fix');
      } else {
        this.dispatchEvent(new CustomEvent('signed-in', { detail: payload.viewer, bubbles: true }));
      }
    } catch (e) {
      this.message = e.message;
    } finally {
      this.busy = false;
    }
  }

  field(name, label, attrs = {}) {
    const id = `setup-${name}-error`;
    const invalid = this.userErrors.some((e) => (e.field || []).at(-1) === name);
    return html`<label>${label}
      <input name=${name} type=${attrs.type || 'text'} .value=${attrs.value || ''} autocomplete=${attrs.autocomplete || 'off'}
        ?required=${true} minlength=${attrs.minlength ?? nothing} aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${id} data-testid=${`setup-${name}`}>
      ${fieldErrors(this.userErrors, name, id)}</label>`;
  }

  render() {
    const setup = this.mode === 'setup';
    const general = this.userErrors.filter((e) => !e.field);
    return html`
      <form class="card sign-in setup" @submit=${(e) => this.submit(e)} data-testid="setup-form">
        <h1>${setup ? t('setup.title') : t('setup.signupTitle')}</h1>
        <p class="tagline">${setup ? t('setup.intro') : t('setup.signupIntro')}</p>
        ${setup ? this.field('setupToken', t('setup.token')) : nothing}
        <fieldset><legend>${t('setup.agency')}</legend>
          ${this.field('agencyName', t('setup.agencyName'), { autocomplete: 'organization' })}
          ${this.field('country', t('setup.country'), { value: 'FR' })}
          ${this.field('currency', t('setup.currency'), { value: 'EUR' })}
          ${this.field('timeZone', t('setup.timeZone'), { value: guessZone() })}
          <label>${t('setup.language')}
            <select name="language" data-testid="setup-language">
              <option value="fr" ?selected=${currentLocale() === 'fr'}>Français</option>
              <option value="en" ?selected=${currentLocale() !== 'fr'}>English</option>
            </select>${fieldErrors(this.userErrors, 'language', 'setup-language-error')}</label>
        </fieldset>
        <fieldset><legend>${t('setup.owner')}</legend>
          ${this.field('ownerName', t('setup.ownerName'), { autocomplete: 'name' })}
          ${this.field('email', t('signIn.email'), { type: 'email', autocomplete: 'username' })}
          ${this.field('password', t('setup.password'), { type: 'password', autocomplete: 'new-password', minlength: 12 })}
        </fieldset>
        ${general.map((e) => html`<p class="error" role="alert">${e.message}</p>`)}
        ${this.message ? html`<p class="error" role="alert" data-testid="setup-message">${this.message}</p>` : nothing}
        <button type="submit" ?disabled=${this.busy} data-testid="setup-submit">${this.busy ? t('setup.busy') : t('setup.submit')}</button>
        ${setup ? nothing : html`<button type="button" class="secondary" @click=${() => this.dispatchEvent(new CustomEvent('cancel', { bubbles: true }))}>${t('setup.back')}</button>`}
      </form>`;
  }
}

customElements.define('cordee-setup', CordeeSetup);
