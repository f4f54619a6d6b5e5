import { html, nothing } from 'lit';
import { gql } from '../graphql.js';
import { CordeeElement, loading, failure, fieldErrors } from '../ui.js';
import { t, addMessages } from '../i18n.js';
import { DataElement } from '../widgets.js';
import words from './two-factor.words.js';

addMessages(words);

// Two-factor sign-in with TOTP (ADR 44): the second step of the sign-in (loaded when the password was right and a
// code is due), the section of the account page that turns it on and off, and the owner's requirement in the
// settings. No QR code: no QR library is shipped; the secret is shown as text and as an otpauth:// link, which an
// authenticator app on the same phone opens.
const VIEWER_FIELDS = 'user { displayName role } agency { name now timeZone }';
const COMPLETE = `mutation($input: CompleteSignInInput!) { completeSignIn(input: $input) {
  viewer { ${VIEWER_FIELDS} } recoveryCodes userErrors { field message code } } }`;
const STATUS = '{ twoFactor { enabled required recoveryCodesLeft } }';
const START = 'mutation { startTwoFactorEnrolment { enrolment { secret uri } userErrors { field message code } } }';
const CONFIRM = `mutation($input: ConfirmTwoFactorEnrolmentInput!) { confirmTwoFactorEnrolment(input: $input) {
  recoveryCodes userErrors { field message code } } }`;
const DISABLE = `mutation($input: DisableTwoFactorInput!) { disableTwoFactor(input: $input) {
  disabled userErrors { field message code } } }`;
const REGENERATE = 'mutation { regenerateRecoveryCodes { recoveryCodes userErrors { field message code } } }';
const REQUIREMENT = '{ viewer { user { role } } agency { version requireTwoFactorFor } }';
const SET_REQUIREMENT = `mutation($input: SetTwoFactorRequirementInput!) { setTwoFactorRequirement(input: $input) {
  agency { version requireTwoFactorFor } userErrors { field message code } } }`;

const invalid = (errors, name) => (errors.some((e) => e.field?.at(-1) === name) ? 'true' : 'false');
/** The base32 secret in groups of four, easier to type. */
const grouped = (secret) => secret.replace(/(.{4})(?=.)/g, '$1 ');

/** The secret to add to an authenticator app: as text and as an otpauth:// link. */
const enrolmentHelp = (enrolment) => html`
  <p>${t('tfa.enrolIntro')}</p>
  <p class="tfa-secret"><span class="muted">${t('tfa.secret')}</span> <code data-testid="tfa-secret">${grouped(enrolment.secret)}</code></p>
  <p><a href=${enrolment.uri} data-testid="tfa-uri">${t('tfa.openApp')}</a></p>`;

const recoveryList = (codes) => html`
  <div class="tfa-codes" role="status">
    <p><strong>${t('tfa.codesTitle')}</strong> ${t('tfa.codesOnce')}</p>
    <ol data-testid="recovery-codes">${codes.map((c) => html`<li><code>${c}</code></li>`)}</ol>
  </div>`;

const codeInput = (errors, name = 'code') => html`
  <label>${name === 'code' ? t('tfa.code') : t('tfa.recoveryCode')}
    <input name=${name} data-testid=${`tfa-${name}`} required autocomplete="one-time-code"
      inputmode=${name === 'code' ? 'numeric' : 'text'} maxlength=${name === 'code' ? 8 : 40}
      aria-invalid=${invalid(errors, name)} aria-describedby=${`tfa-${name}-error`}>
    ${fieldErrors(errors, name, `tfa-${name}-error`)}</label>`;

/** The second step of a sign-in: a code (or a recovery code); for an enrolment, the secret first, the codes after. */
class SecondFactor extends CordeeElement {
  static properties = { challenge: {}, enrolment: {}, busy: { state: true }, userErrors: { state: true },
    message: { state: true }, recovery: { state: true }, codes: { state: true }, viewer: { state: true } };

  constructor() {
    super();
    this.userErrors = [];
  }

  submit(event) {
    event.preventDefault();
    const data = new FormData(event.target);
    this.userErrors = [];
    return this.sending(async () => {
      const input = { challenge: this.challenge, code: null, recoveryCode: null };
      if (this.recovery) input.recoveryCode = String(data.get('recoveryCode') ?? '');
      else input.code = String(data.get('code') ?? '');
      const { completeSignIn } = await gql(COMPLETE, { input });
      if (completeSignIn.userErrors.length) {
        if (completeSignIn.userErrors.some((e) => e.code === 'SIGN_IN_CHALLENGE_EXPIRED')) {
          this.dispatchEvent(new CustomEvent('cancel', { detail: t('tfa.expired'), bubbles: true }));
          return;
        }
        this.userErrors = completeSignIn.userErrors;
      } else if (completeSignIn.recoveryCodes.length) {
        this.codes = completeSignIn.recoveryCodes; // shown once, before the app opens
        this.viewer = completeSignIn.viewer;
      } else {
        this.dispatchEvent(new CustomEvent('signed-in', { detail: completeSignIn.viewer, bubbles: true }));
      }
    });
  }

  render() {
    const errors = this.userErrors;
    if (this.codes) {
      return html`
        <div class="card sign-in" data-testid="tfa-enrolled">
          <h1>${t('tfa.title')}</h1>
          <p class="success" role="status">${t('tfa.enabled')}</p>
          ${recoveryList(this.codes)}
          <button type="button" data-testid="tfa-continue"
            @click=${() => this.dispatchEvent(new CustomEvent('signed-in', { detail: this.viewer, bubbles: true }))}>${t('tfa.continue')}</button>
        </div>`;
    }
    return html`
      <form class="card sign-in" @submit=${(e) => this.submit(e)} data-testid="second-factor-form">
        <h1>${t('tfa.title')}</h1>
        ${this.enrolment ? html`<p class="tagline">${t('tfa.requiredByAgency')}</p>${enrolmentHelp(this.enrolment)}`
          : html`<p class="tagline">${this.recovery ? t('tfa.recoveryIntro') : t('tfa.codeIntro')}</p>`}
        ${codeInput(errors, this.recovery ? 'recoveryCode' : 'code')}
        ${this.message ? html`<p class="error" role="alert">${this.message}</p>` : nothing}
        <button type="submit" ?disabled=${this.busy} data-testid="tfa-submit">${this.busy ? t('tfa.busy') : t('tfa.submit')}</button>
        ${this.enrolment ? nothing : html`<button type="button" class="link" data-testid="tfa-use-recovery"
          @click=${() => { this.recovery = !this.recovery; this.userErrors = []; }}>${this.recovery ? t('tfa.useCode') : t('tfa.useRecovery')}</button>`}
        <button type="button" class="secondary" data-testid="tfa-back"
          @click=${() => this.dispatchEvent(new CustomEvent('cancel', { bubbles: true }))}>${t('forgot.back')}</button>
      </form>`;
  }
}

/** The account page's section: turn two-factor sign-in on (secret, first code, recovery codes) or off. */
class TwoFactorAccount extends DataElement {
  static properties = { data: { state: true }, enrolment: { state: true }, codes: { state: true },
    busy: { state: true }, userErrors: { state: true }, message: { state: true }, done: { state: true }, error: { state: true } };

  constructor() {
    super();
    this.userErrors = [];
  }

  /** The caller's two-factor status, kept in `data` by `load()` (DataElement). */
  async query() {
    return (await gql(STATUS)).twoFactor;
  }

  run(action) {
    this.done = null;
    this.userErrors = [];
    return this.sending(action);
  }

  start() {
    return this.run(async () => {
      const { startTwoFactorEnrolment } = await gql(START);
      if (startTwoFactorEnrolment.userErrors.length) this.userErrors = startTwoFactorEnrolment.userErrors;
      else { this.enrolment = startTwoFactorEnrolment.enrolment; this.codes = null; }
    });
  }

  confirm(event) {
    event.preventDefault();
    const code = String(new FormData(event.target).get('code') ?? '');
    return this.run(async () => {
      const { confirmTwoFactorEnrolment } = await gql(CONFIRM, { input: { code } });
      if (confirmTwoFactorEnrolment.userErrors.length) {
        this.userErrors = confirmTwoFactorEnrolment.userErrors;
        return;
      }
      this.enrolment = null;
      this.codes = confirmTwoFactorEnrolment.recoveryCodes;
      await this.load(); // the status first, so "on" is never shown beside the old "off"
      this.done = t('tfa.enabled');
    });
  }

  regenerate() {
    return this.run(async () => {
      const { regenerateRecoveryCodes } = await gql(REGENERATE);
      if (regenerateRecoveryCodes.userErrors.length) this.userErrors = regenerateRecoveryCodes.userErrors;
      else { this.codes = regenerateRecoveryCodes.recoveryCodes; await this.load(); this.done = t('tfa.regenerated'); }
    });
  }

  disable(event) {
    event.preventDefault();
    const form = event.target;
    const password = String(new FormData(form).get('password') ?? '');
    return this.run(async () => {
      const { disableTwoFactor } = await gql(DISABLE, { input: { password, code: null } });
      if (disableTwoFactor.userErrors.length) {
        this.userErrors = disableTwoFactor.userErrors;
        return;
      }
      form.reset();
      this.codes = null;
      await this.load();
      this.done = t('tfa.disabled');
    });
  }

  render() {
    if (!this.data) return this.error ? failure(this.error, () => this.load()) : loading();
    const errors = this.userErrors;
    const s = this.data;
    return html`
      <section class="tfa" data-testid="tfa-section">
        <h2>${t('tfa.title')}</h2>
        <p data-testid="tfa-status">${s.enabled ? t('tfa.on', { n: s.recoveryCodesLeft }) : t('tfa.off')}
          ${s.required ? html`<span class="muted">${t('tfa.required')}</span>` : nothing}</p>
        ${this.done ? html`<p class="success" role="status" data-testid="tfa-done">${this.done}</p>` : nothing}
        ${this.codes ? recoveryList(this.codes) : nothing}
        ${!s.enabled && !this.enrolment ? html`<button type="button" ?disabled=${this.busy} data-testid="tfa-start"
          @click=${() => this.start()}>${t('tfa.start')}</button>` : nothing}
        ${this.enrolment ? html`
          <form @submit=${(e) => this.confirm(e)} data-testid="tfa-confirm-form">
            ${enrolmentHelp(this.enrolment)}
            ${codeInput(errors)}
            <button type="submit" ?disabled=${this.busy} data-testid="tfa-confirm">${this.busy ? t('tfa.busy') : t('tfa.confirm')}</button>
          </form>` : nothing}
        ${s.enabled ? html`
          <button type="button" class="secondary" ?disabled=${this.busy} data-testid="tfa-regenerate"
            @click=${() => this.regenerate()}>${t('tfa.regenerate')}</button>
          ${s.required ? nothing : html`
            <form @submit=${(e) => this.disable(e)} data-testid="tfa-disable-form">
              <label>${t('tfa.disablePassword')} <input name="password" type="password" autocomplete="current-password" required
                data-testid="tfa-password" aria-invalid=${invalid(errors, 'password')} aria-describedby="tfa-password-error">
                ${fieldErrors(errors, 'password', 'tfa-password-error')}</label>
              <button type="submit" class="secondary" ?disabled=${this.busy} data-testid="tfa-disable">${t('tfa.disable')}</button>
            </form>`}` : nothing}
        ${this.message ? html`<p class="error" role="alert">${this.message}</p>` : nothing}
      </section>`;
  }
}

/** The settings page's section: which roles must sign in with two factors (OWNER changes it; FINANCE reads it). */
class TwoFactorRequirement extends DataElement {
  static properties = { data: { state: true }, busy: { state: true }, userErrors: { state: true },
    message: { state: true }, saved: { state: true }, error: { state: true } };

  constructor() {
    super();
    this.userErrors = [];
  }

  query() {
    return gql(REQUIREMENT);
  }

  submit(event) {
    event.preventDefault();
    const roles = new FormData(event.target).getAll('roles');
    this.saved = false;
    this.userErrors = [];
    return this.sending(async () => {
      const { setTwoFactorRequirement } = await gql(SET_REQUIREMENT, { input: { version: this.data.agency.version, roles } });
      if (setTwoFactorRequirement.userErrors.length) {
        this.userErrors = setTwoFactorRequirement.userErrors;
        this.message = setTwoFactorRequirement.userErrors.some((e) => e.code === 'CONFLICT') ? t('tfa.conflict')
          : setTwoFactorRequirement.userErrors.map((e) => e.message).join(' ');
      } else {
        this.data = { ...this.data, agency: setTwoFactorRequirement.agency };
        this.saved = true;
      }
    });
  }

  render() {
    if (!this.data) return this.error ? failure(this.error, () => this.load()) : loading();
    const owner = this.data.viewer.user.role === 'OWNER';
    const required = this.data.agency.requireTwoFactorFor;
    return html`
      <form class="card tfa-requirement" @submit=${(e) => this.submit(e)} data-testid="tfa-requirement">
        <h2>${t('tfa.requirementTitle')}</h2>
        <p class="muted">${t('tfa.requirementHint')}</p>
        <fieldset ?disabled=${!owner}>
          <legend>${t('tfa.requireFor')}</legend>
          ${['OWNER', 'FINANCE'].map((role) => html`<label class="check"><input type="checkbox" name="roles" value=${role}
            data-testid=${`tfa-require-${role}`} .checked=${required.includes(role)}> ${t(`role.${role}`)}</label>`)}
        </fieldset>
        ${this.message ? html`<p class="error" role="alert" data-testid="tfa-requirement-error">${this.message}</p>` : nothing}
        ${this.saved ? html`<p class="success" role="status" data-testid="tfa-requirement-saved">${t('tfa.requirementSaved')}</p>` : nothing}
        ${owner ? html`<button type="submit" ?disabled=${this.busy} data-testid="tfa-requirement-save">${this.busy ? t('tfa.busy') : t('tfa.save')}</button>`
          : html`<p class="muted">${t('tfa.ownerOnly')}</p>`}
      </form>`;
  }
}

customElements.define('cordee-second-factor', SecondFactor);
customElements.define('cordee-two-factor-account', TwoFactorAccount);
customElements.define('cordee-two-factor-requirement', TwoFactorRequirement);
