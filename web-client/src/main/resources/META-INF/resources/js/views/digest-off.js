import { html, nothing } from 'lit';
import { gql } from '../graphql.js';
import { CordeeElement } from '../ui.js';
import { t, addMessages } from '../i18n.js';
import words from './digest-off.words.js';

addMessages(words);

const UNSUBSCRIBE = `mutation($token: String!) { unsubscribeDigest(input: { token: $token }) {
  optOut userErrors { field message code } } }`;

/**
 * The unsubscribe link of a weekly digest mail (#/digest-off/<token>, ADR 40), signed in or not. Nothing changes
 * until the button is pressed: a mail scanner opening the link switches nothing off.
 */
class CordeeDigestOff extends CordeeElement {
  static properties = { token: {}, busy: { state: true }, done: { state: true }, error: { state: true } };

  async submit(event) {
    event.preventDefault();
    this.busy = true;
    this.error = null;
    try {
      const { unsubscribeDigest: payload } = await gql(UNSUBSCRIBE, { token: this.token });
      if (payload.userErrors.length) {
        this.error = payload.userErrors.some((u) => u.code === 'NOT_FOUND') ? t('digestOff.invalid')
          : payload.userErrors.map((u) => u.message).join(' ');
      } else {
        this.done = true;
      }
    } catch (e) {
      this.error = e.message;
    } finally {
      this.busy = false;
    }
  }

  render() {
    return html`<form class="card sign-in" data-testid="digest-off-form" novalidate @submit=${(e) => this.submit(e)}>
      <h1>${t('digestOff.title')}</h1>
      ${this.done ? html`<p class="success" role="status" data-testid="digest-off-done">${t('digestOff.done')}</p>
        <p><a href="/" data-testid="digest-off-open">${t('digestOff.open')}</a></p>` : html`
        <p>${t('digestOff.intro')}</p>
        ${this.error ? html`<p class="error" role="alert" data-testid="digest-off-error">${this.error}</p>` : nothing}
        <button type="submit" data-testid="digest-off-submit" ?disabled=${this.busy}>
          ${this.busy ? t('digest.saving') : t('digestOff.submit')}</button>`}
    </form>`;
  }
}
customElements.define('cordee-digest-off', CordeeDigestOff);
