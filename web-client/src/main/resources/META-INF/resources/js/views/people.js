import { html, nothing } from 'lit';
import { gql } from '../graphql.js';
import { CordeeElement, loading, failure, fieldErrors, stylesheet } from '../ui.js';
import { t, currentLocale, addMessages } from '../i18n.js';
import './archive-import.js';
import { SigningInForm, DataElement } from '../widgets.js';
import words from './people.words.js';

addMessages(words);
await stylesheet('/js/views/people.css');

// People (ADR 30): the OWNER's page of users and open invitations, and the accept page an invitation link opens.
const PEOPLE = `{ people { mailConfigured
  users { id email displayName role clientId status lastSignedInAt version }
  invitations { id email role clientId language status expiresAt } }
  clients(first: 100) { nodes { id name } } }`;
const INVITE = `mutation($input: InvitePersonInput!) { invitePerson(input: $input) {
  link mailed invitation { id email } userErrors { field message code } } }`;
const RESEND = `mutation($input: InvitationIdInput!) { resendInvitation(input: $input) {
  link mailed invitation { id email } userErrors { field message code } } }`;
const REVOKE = `mutation($input: InvitationIdInput!) { revokeInvitation(input: $input) {
  invitation { id email } userErrors { field message code } } }`;
const CHANGE_ROLE = `mutation($input: ChangeRoleInput!) { changeRole(input: $input) {
  person { id displayName role } userErrors { field message code } } }`;
const DEACTIVATE = `mutation($input: PersonIdInput!) { deactivateUser(input: $input) {
  person { id displayName status } userErrors { field message code } } }`;
const REACTIVATE = `mutation($input: PersonIdInput!) { reactivateUser(input: $input) {
  person { id displayName status } userErrors { field message code } } }`;
const ROLES = ['OWNER', 'FINANCE', 'LEAD', 'CLIENT'];

const when = (iso) => (iso ? new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium', timeStyle: 'short' })
  .format(new Date(iso)) : '—');

class CordeePeople extends DataElement {
  static properties = {
    data: { state: true }, error: { state: true }, busy: { state: true }, userErrors: { state: true },
    message: { state: true }, link: { state: true }, role: { state: true }, confirming: { state: true },
    stale: { state: true },
  };

  constructor() {
    super();
    this.userErrors = [];
    this.role = 'LEAD';
  }

  query() {
    return gql(PEOPLE);
  }

  clientName(id) {
    return this.data.clients.nodes.find((c) => c.id === id)?.name ?? '';
  }

  /** Runs one mutation; its userErrors are shown by the form or the row, a stale version offers a reload. */
  async run(document, input, key, done) {
    this.busy = true;
    this.message = null;
    this.userErrors = [];
    this.stale = false;
    try {
      const payload = (await gql(document, { input }))[key];
      if (payload.userErrors.length) {
        this.userErrors = payload.userErrors;
        this.stale = payload.userErrors.some((e) => e.code === 'CONFLICT');
        this.message = this.stale ? t('people.stale') : payload.userErrors.filter((e) => !e.field || e.field.at(-1) === 'id')
          .map((e) => e.message).join(' ') || null;
        return false;
      }
      this.message = done(payload);
      await this.load();
      return true;
    } catch (e) {
      this.message = e.message;
      return false;
    } finally {
      this.busy = false;
      this.confirming = null;
    }
  }

  async invite(event) {
    event.preventDefault();
    const formElement = event.target;
    const form = new FormData(formElement);
    const input = { email: String(form.get('email') ?? '').trim(), role: String(form.get('role')),
      language: String(form.get('language')) };
    if (input.role === 'CLIENT') input.clientId = String(form.get('clientId') ?? '') || null;
    this.link = null;
    const ok = await this.run(INVITE, input, 'invitePerson', (p) => {
      this.link = p.link;
      this.linkMailed = p.mailed;
      return p.mailed ? t('people.mailed', { email: p.invitation.email }) : t('people.linkReady', { email: p.invitation.email });
    });
    if (ok) formElement.reset();
  }

  resend(invitation) {
    this.link = null;
    this.run(RESEND, { id: invitation.id }, 'resendInvitation', (p) => {
      this.link = p.link;
      this.linkMailed = p.mailed;
      return p.mailed ? t('people.mailed', { email: p.invitation.email }) : t('people.linkReady', { email: p.invitation.email });
    });
  }

  revoke(invitation) {
    this.run(REVOKE, { id: invitation.id }, 'revokeInvitation', (p) => t('people.revoked', { email: p.invitation.email }));
  }

  changeRole(user, role, clientId) {
    const input = { id: user.id, role, version: user.version };
    if (role === 'CLIENT') input.clientId = clientId || null;
    this.run(CHANGE_ROLE, input, 'changeRole',
      (p) => t('people.roleChanged', { name: p.person.displayName, role: t(`role.${p.person.role}`) }));
  }

  setActive(user, active) {
    this.run(active ? REACTIVATE : DEACTIVATE, { id: user.id, version: user.version },
      active ? 'reactivateUser' : 'deactivateUser',
      (p) => t(active ? 'people.reactivated' : 'people.deactivated', { name: p.person.displayName }));
  }

  async copy() {
    try {
      await navigator.clipboard.writeText(this.link);
      this.message = t('people.copied');
    } catch (e) {
      this.querySelector('[data-testid="invitation-link"]')?.select();
    }
  }

  render() {
    if (this.error) return failure(this.error, () => this.load());
    if (!this.data) return loading();
    const { users, invitations, mailConfigured } = this.data.people;
    const clients = this.data.clients.nodes;
    return html`
      <section class="people">
        <h1>${t('people.title')}</h1>
        ${mailConfigured ? nothing : html`<p class="muted" data-testid="no-smtp">${t('people.noSmtp')}</p>`}
        ${this.message ? html`<p class=${this.userErrors.length ? 'error' : 'success'} role=${this.userErrors.length ? 'alert' : 'status'}
          data-testid="people-message">${this.message}
          ${this.stale ? html`<button type="button" class="secondary" @click=${() => { this.stale = false; this.message = null; this.load(); }}>${t('people.reload')}</button>` : nothing}</p>` : nothing}
        ${this.link ? html`<div class="card invitation-link">
            <label>${this.linkMailed ? t('people.linkAlsoHere') : t('people.linkToPass')}
              <input readonly .value=${this.link} data-testid="invitation-link" @focus=${(e) => e.target.select()}></label>
            <button type="button" class="secondary" @click=${() => this.copy()}>${t('people.copy')}</button></div>` : nothing}
        <form class="card invite" @submit=${(e) => this.invite(e)} data-testid="invite-form">
          <h2>${t('people.invite')}</h2>
          <label>${t('people.email')}
            <input name="email" type="email" required autocomplete="off" data-testid="invite-email"
              aria-invalid=${this.userErrors.some((e) => e.field?.at(-1) === 'email') ? 'true' : 'false'} aria-describedby="invite-email-error">
            ${fieldErrors(this.userErrors, 'email', 'invite-email-error')}</label>
          <label>${t('people.role')}
            <select name="role" data-testid="invite-role" @change=${(e) => { this.role = e.target.value; }}>
              ${ROLES.map((r) => html`<option value=${r} ?selected=${r === this.role}>${t(`role.${r}`)}</option>`)}
            </select></label>
          ${this.role === 'CLIENT' ? html`<label>${t('people.client')}
            <select name="clientId" data-testid="invite-client" aria-describedby="invite-client-error">
              <option value="">${t('people.chooseClient')}</option>
              ${clients.map((c) => html`<option value=${c.id}>${c.name}</option>`)}
            </select>${fieldErrors(this.userErrors, 'clientId', 'invite-client-error')}</label>` : nothing}
          <label>${t('people.language')}
            <select name="language" data-testid="invite-language">
              <option value="fr" ?selected=${currentLocale() === 'fr'}>Français</option>
              <option value="en" ?selected=${currentLocale() !== 'fr'}>English</option>
            </select></label>
          <button type="submit" ?disabled=${this.busy} data-testid="invite-submit">${this.busy ? t('people.sending') : t('people.send')}</button>
        </form>
        ${invitations.length ? html`<h2>${t('people.invitations')}</h2>
          <ul class="people-list" data-testid="invitations">
            ${invitations.map((i) => html`<li class="card" data-email=${i.email}>
              <span class="who"><strong>${i.email}</strong> · ${t(`role.${i.role}`)}${i.clientId ? ` · ${this.clientName(i.clientId)}` : ''}</span>
              <span class="muted">${t(`people.invitation.${i.status}`)} · ${t('people.expires', { date: when(i.expiresAt) })}</span>
              <span class="actions">
                <button type="button" class="secondary" ?disabled=${this.busy} data-testid="resend" @click=${() => this.resend(i)}>${t('people.resend')}</button>
                <button type="button" class="secondary" ?disabled=${this.busy} data-testid="revoke" @click=${() => this.revoke(i)}>${t('people.revoke')}</button>
              </span></li>`)}
          </ul>` : nothing}
        <h2>${t('people.users')}</h2>
        <ul class="people-list" data-testid="users">
          ${users.map((u) => this.userRow(u, clients))}
        </ul>
        <section class="card data-export" aria-labelledby="data-export-title" data-testid="data-export">
          <h2 id="data-export-title">${t('export.everything.title')}</h2>
          <p class="muted small">${t('export.everything.hint')}</p>
          <a class="button secondary" href="/exports/agency.zip" download data-testid="export-everything">${t('export.everything')}</a>
        </section>
        <cordee-archive-import></cordee-archive-import>
      </section>`;
  }

  userRow(u, clients) {
    const active = u.status === 'ACTIVE';
    const confirming = this.confirming === u.id;
    return html`<li class="card" data-email=${u.email} data-status=${u.status}>
      <span class="who"><strong>${u.displayName}</strong> · ${u.email}${u.clientId ? ` · ${this.clientName(u.clientId)}` : ''}</span>
      <span class="muted">${t(`people.status.${u.status}`)} · ${t('people.lastSignIn', { date: when(u.lastSignedInAt) })}</span>
      <span class="actions">
        <label class="inline">${t('people.role')}
          <select data-testid="role-select" ?disabled=${this.busy}
            @change=${(e) => { const role = e.target.value; if (role !== 'CLIENT') this.changeRole(u, role); else this.requestUpdate(); this.pendingRole = { id: u.id, role }; }}>
            ${ROLES.map((r) => html`<option value=${r} ?selected=${r === u.role}>${t(`role.${r}`)}</option>`)}
          </select></label>
        ${this.pendingRole?.id === u.id && this.pendingRole.role === 'CLIENT' && u.role !== 'CLIENT' ? html`
          <select data-testid="role-client" @change=${(e) => this.changeRole(u, 'CLIENT', e.target.value)}>
            <option value="">${t('people.chooseClient')}</option>
            ${clients.map((c) => html`<option value=${c.id}>${c.name}</option>`)}
          </select>` : nothing}
        ${confirming ? html`<span class="confirm" role="group">
            ${t(active ? 'people.confirmDeactivate' : 'people.confirmReactivate', { name: u.displayName })}
            <button type="button" ?disabled=${this.busy} data-testid="confirm" @click=${() => this.setActive(u, !active)}>${t('people.confirm')}</button>
            <button type="button" class="secondary" @click=${() => { this.confirming = null; }}>${t('people.keep')}</button></span>`
          : html`<button type="button" class="secondary" ?disabled=${this.busy} data-testid=${active ? 'deactivate' : 'reactivate'}
            @click=${() => { this.confirming = u.id; }}>${t(active ? 'people.deactivate' : 'people.reactivate')}</button>`}
      </span></li>`;
  }
}

const ACCEPT = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) {
  viewer { user { displayName role } agency { name now timeZone } } userErrors { field message code }
  secondFactor { challenge enrolment { secret uri } } } }`;

/** The page an invitation link opens (#/accept/<token>): name and password, then signed in. */
class CordeeAccept extends SigningInForm {
  submit(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const input = { token: this.token, name: String(form.get('name') ?? '').trim(), password: String(form.get('password') ?? '') };
    return this.signIn(async () => (await gql(ACCEPT, { input })).acceptInvitation, t('accept.fix'));
  }

  render() {
    if (this.second) return this.secondStep();
    const invalid = (name) => (this.userErrors.some((e) => e.field?.at(-1) === name) ? 'true' : 'false');
    return html`
      <form class="card sign-in" @submit=${(e) => this.submit(e)} data-testid="accept-form">
        <h1>${t('accept.title')}</h1>
        <p class="tagline">${t('accept.intro')}</p>
        <label>${t('accept.name')} <input name="name" autocomplete="name" required data-testid="accept-name"
          aria-invalid=${invalid('name')} aria-describedby="accept-name-error">${fieldErrors(this.userErrors, 'name', 'accept-name-error')}</label>
        <label>${t('accept.password')} <input name="password" type="password" autocomplete="new-password" required minlength="12"
          data-testid="accept-password" aria-invalid=${invalid('password')} aria-describedby="accept-password-error">
          ${fieldErrors(this.userErrors, 'password', 'accept-password-error')}</label>
        <p class="muted">${t('accept.rules')}</p>
        ${this.message ? html`<p class="error" role="alert" data-testid="accept-message">${this.message}</p>` : nothing}
        <button type="submit" ?disabled=${this.busy} data-testid="accept-submit">${this.busy ? t('accept.busy') : t('accept.submit')}</button>
      </form>`;
  }
}

customElements.define('cordee-people', CordeePeople);
customElements.define('cordee-accept', CordeeAccept);
