import { html, nothing } from 'lit';
import { gql } from '../graphql.js';
import { CordeeElement, fieldErrors } from '../ui.js';
import { t, currentLocale, addMessages } from '../i18n.js';
import './two-factor.js';
import { SigningInForm } from '../widgets.js';
import words from './account.words.js';

addMessages(words);

// Passwords (ADR 39): the account page (#/account, every role), the "forgot password" request form and the
// reset page a mailed link opens (#/reset/<token>). Paste is allowed everywhere; autocomplete tells password
// managers which field is which.
const CHANGE = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) {
  changed userErrors { field message code } } }`;
const REQUEST = `mutation($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) {
  requested userErrors { field message code } } }`;
const RESET = `mutation($input: ResetPasswordInput!) { resetPassword(input: $input) {
  viewer { user { displayName role } agency { name now timeZone } } userErrors { field message code }
  secondFactor { challenge enrolment { secret uri } } } }`;

const invalid = (errors, name) => (errors.some((e) => e.field?.at(-1) === name) ? 'true' : 'false');

class CordeeAccount extends CordeeElement {
  static properties = { busy: { state: true }, userErrors: { state: true }, message: { state: true }, done: { state: true } };

  constructor() {
    super();
    this.userErrors = [];
  }

  async submit(event) {
    event.preventDefault();
    const form = event.target;
    const data = new FormData(form);
    this.done = false;
    this.userErrors = [];
    return this.sending(async () => {
      const { changePassword } = await gql(CHANGE, { input: { currentPassword: String(data.get('currentPassword') ?? ''),
        newPassword: String(data.get('newPassword') ?? '') } });
      if (changePassword.userErrors.length) {
        this.userErrors = changePassword.userErrors;
        this.message = t('account.fix');
      } else {
        form.reset();
        this.done = true;
      }
    });
  }

  render() {
    const errors = this.userErrors;
    return html`
      <section class="card account">
        <h1>${t('account.title')}</h1>
        <form @submit=${(e) => this.submit(e)} data-testid="change-password-form">
          <h2>${t('account.changeTitle')}</h2>
          <label>${t('account.current')} <input name="currentPassword" type="password" autocomplete="current-password" required
            data-testid="current-password" aria-invalid=${invalid(errors, 'currentPassword')} aria-describedby="current-password-error">
            ${fieldErrors(errors, 'currentPassword', 'current-password-error')}</label>
          <label>${t('account.new')} <input name="newPassword" type="password" autocomplete="new-password" required minlength="12"
            data-testid="new-password" aria-invalid=${invalid(errors, 'newPassword')} aria-describedby="new-password-error">
            ${fieldErrors(errors, 'newPassword', 'new-password-error')}</label>
          <p class="muted">${t('accept.rules')} ${t('account.others')}</p>
          ${this.message ? html`<p class="error" role="alert">${this.message}</p>` : nothing}
          ${this.done ? html`<p class="success" role="status" data-testid="password-changed">${t('account.changed')}</p>` : nothing}
          <button type="submit" ?disabled=${this.busy} data-testid="change-password">${this.busy ? t('account.busy') : t('account.submit')}</button>
        </form>
        <cordee-two-factor-account></cordee-two-factor-account>
      </section>`;
  }
}

class CordeeForgot extends CordeeElement {
  static properties = { busy: { state: true }, message: { state: true }, sent: { state: true } };

  async submit(event) {
    event.preventDefault();
    const data = new FormData(event.target);
    return this.sending(async () => {
      const { requestPasswordReset } = await gql(REQUEST, { input: { email: String(data.get('email') ?? '').trim(),
        language: currentLocale() } });
      if (requestPasswordReset.userErrors.length) {
        this.message = requestPasswordReset.userErrors.map((e) => e.message).join(' ');
      } else {
        this.sent = true;
      }
    });
  }

  render() {
    return html`
      <form class="card sign-in" @submit=${(e) => this.submit(e)} data-testid="forgot-form">
        <h1>${t('forgot.title')}</h1>
        <p class="tagline">${t('forgot.intro')}</p>
        <label>${t('signIn.email')} <input name="email" type="email" autocomplete="username" required data-testid="forgot-email"></label>
        ${this.message ? html`<p class="error" role="alert">${this.message}</p>` : nothing}
        ${this.sent ? html`<p class="success" role="status" data-testid="forgot-sent">${t('forgot.sent')}</p>` : nothing}
        <button type="submit" ?disabled=${this.busy} data-testid="forgot-submit">${this.busy ? t('forgot.busy') : t('forgot.submit')}</button>
        <button type="button" class="secondary" data-testid="forgot-back"
          @click=${() => this.dispatchEvent(new CustomEvent('cancel', { bubbles: true }))}>${t('forgot.back')}</button>
      </form>`;
  }
}

class CordeeReset extends SigningInForm {
  submit(event) {
    event.preventDefault();
    const data = new FormData(event.target);
    const input = { token: this.token, newPassword: String(data.get('newPassword') ?? '') };
    return this.signIn(async () => (await gql(RESET, { input })).resetPassword, t('account.fix'));
  }

  render() {
    if (this.second) return this.secondStep();
    const errors = this.userErrors;
    return html`
      <form class="card sign-in" @submit=${(e) => this.submit(e)} data-testid="reset-form">
        <h1>${t('reset.title')}</h1>
        <p class="tagline">${t('reset.intro')}</p>
        <label>${t('account.new')} <input name="newPassword" type="password" autocomplete="new-password" required minlength="12"
          data-testid="reset-password" aria-invalid=${invalid(errors, 'newPassword')} aria-describedby="reset-password-error">
          ${fieldErrors(errors, 'newPassword', 'reset-password-error')}</label>
        <p class="muted">${t('accept.rules')}</p>
        ${this.message ? html`<p class="error" role="alert" data-testid="reset-message">${this.message}</p>` : nothing}
        <button type="submit" ?disabled=${this.busy} data-testid="reset-submit">${this.busy ? t('reset.busy') : t('reset.submit')}</button>
      </form>`;
  }
}

customElements.define('cordee-account', CordeeAccount);
customElements.define('cordee-forgot', CordeeForgot);
customElements.define('cordee-reset', CordeeReset);
