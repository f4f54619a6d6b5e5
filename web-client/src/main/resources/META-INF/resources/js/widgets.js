import { html, nothing } from 'lit';
import { CordeeElement } from './ui.js';

/**
 * The shared widgets of the views (ADR 0081): a field with the server's userErrors next to it, the
 * errors that belong to no field shown, a stale version told apart from the rest, and money typed as text.
 * Loaded by the views that use it, never by the sign-in page.
 */

/** An input field's path in the server's userErrors, e.g. "name", "contacts.0.email" or "milestones.0.date". */
export const pathOf = (error) => (error.field || []).join('.');

/**
 * "1234.5" → 123450 minor units; null when it is not an amount with at most two decimals. With `negative`,
 * "-80" → -8000 (an overdrawn account); whether a negative amount is allowed is otherwise the server's rule.
 */
export function toMinor(text, { negative = false } = {}) {
  const m = String(text).trim().replace(/\s/g, '').replace(',', '.').match(/^(-?)(\d+)(?:\.(\d{1,2}))?$/);
  if (!m || (m[1] && !negative)) return null;
  return (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number((m[3] || '').padEnd(2, '0')));
}

/**
 * A view's form: `this.errors` holds the server's userErrors; each field shows its own messages, tied to it by
 * aria-describedby (`err-<path>`), and is marked aria-invalid.
 */
export class FormElement extends CordeeElement {
  /** The messages for one field, and the attributes that tie them to it. */
  fieldError(path) {
    const messages = (this.errors || []).filter((e) => pathOf(e) === path).map((e) => e.message);
    return messages.length ? html`<span class="field-error" id=${`err-${path}`} data-testid=${`error-${path}`}>${messages.join(' ')}</span>` : nothing;
  }

  invalid(path) {
    return (this.errors || []).some((e) => pathOf(e) === path) ? 'true' : 'false';
  }

  /** Errors on no field the form shows (none expected; never hidden). */
  otherErrors(shown) {
    const other = (this.errors || []).filter((e) => !shown.includes(pathOf(e)));
    return other.length ? html`<p class="error" role="alert">${other.map((e) => e.message).join(' ')}</p>` : nothing;
  }

  text(path, value, onInput, { type = 'text', label, inputmode, min, max, autocomplete } = {}) {
    return html`<label>${label}
      <input name=${path} type=${type} .value=${value ?? ''} autocomplete=${autocomplete ?? 'off'} inputmode=${inputmode ?? nothing}
        min=${min ?? nothing} max=${max ?? nothing} aria-invalid=${this.invalid(path)} aria-describedby=${`err-${path}`}
        @input=${(e) => onInput(e.target.value)}>
      ${this.fieldError(path)}</label>`;
  }

  /**
   * A payload's userErrors: a CONFLICT (someone else saved meanwhile) sets `conflict`, the others go next to their
   * fields; the first field in error, or the conflict's reload button, takes the focus.
   */
  async showUserErrors(userErrors) {
    this.conflict = userErrors.some((e) => e.code === 'CONFLICT');
    this.errors = userErrors.filter((e) => e.code !== 'CONFLICT');
    await this.updateComplete;
    this.querySelector('[aria-invalid=true], .conflict button')?.focus();
  }
}

/**
 * A form whose success signs someone in (a password reset, an accepted invitation): the userErrors kept for the
 * fields, one on the token said above the form (else `fix`), then the second factor when the account has one
 * (ADR 44), else a `signed-in` event with the viewer.
 */
export class SigningInForm extends CordeeElement {
  static properties = { token: {}, busy: { state: true }, userErrors: { state: true }, message: { state: true }, second: { state: true } };

  constructor() {
    super();
    this.userErrors = [];
  }

  /** `send` asks the server and answers its payload ({ userErrors, secondFactor, viewer }). */
  signIn(send, fix) {
    this.userErrors = [];
    return this.sending(async () => {
      const payload = await send();
      if (payload.userErrors.length) {
        this.userErrors = payload.userErrors;
        this.message = payload.userErrors.filter((e) => e.field?.at(-1) === 'token').map((e) => e.message).join(' ') || fix;
      } else if (payload.secondFactor) {
        await import('./views/two-factor.js'); // a second factor is due before the session (ADR 44)
        this.second = payload.secondFactor;
      } else {
        this.dispatchEvent(new CustomEvent('signed-in', { detail: payload.viewer, bubbles: true }));
      }
    });
  }

  /** The second step, in place of the form; cancelling it goes back to the sign-in page. */
  secondStep() {
    return html`<cordee-second-factor .challenge=${this.second.challenge} .enrolment=${this.second.enrolment}
      @cancel=${() => location.assign('/')}></cordee-second-factor>`;
  }
}

/**
 * A view that asks for its data when it is shown: `query()` answers it (a promise), kept in `data`; a failure is
 * kept in `error`, for `failure(this.error, () => this.load())`.
 */
export class DataElement extends CordeeElement {
  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    this.error = null;
    try {
      this.data = await this.query();
    } catch (e) {
      this.error = e.message;
    }
  }
}
