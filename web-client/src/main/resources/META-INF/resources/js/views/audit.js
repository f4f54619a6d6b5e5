import { html, nothing } from 'lit';
import { gql } from '../graphql.js';
import { CordeeElement, loading, failure, fieldErrors, stylesheet } from '../ui.js';
import { t, currentLocale, addMessages } from '../i18n.js';
import words from './audit.words.js';

addMessages(words);
await stylesheet('/js/views/audit.css');

// The audit trail (issue 19 point 6, ADR 59), OWNER only: who changed what, when, old → new, filtered by person,
// type of entity and days (the agency's), newest first, a page at a time.
const PEOPLE = `{ people { users { id displayName } } }`;
const TRAIL = `query($first: Int, $after: String, $actor: ID, $type: String, $from: Date, $to: Date) {
  auditTrail(first: $first, after: $after, actorId: $actor, entityType: $type, from: $from, to: $to) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { recordedAt operation entityType entityId record action actor { userId name }
      changes { field oldValue newValue } } } }`;
const PAGE_SIZE = 20;
// the types the trail records (V11 and later triggers); the SPA has a page for Client and Project
const TYPES = ['Client', 'Project', 'Invoice', 'Brief', 'BriefVersion', 'Agreement', 'Commitment', 'Interaction',
  'Allocation', 'TeamMember', 'Deal', 'BankAccount', 'BankBalance', 'Overhead', 'OneOffExpense', 'Alert',
  'RenegotiationProposal', 'Person', 'Invitation', 'Agency'];
const PAGES = { Client: 'clients', Project: 'projects' };

const when = (iso) => new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium', timeStyle: 'short' })
  .format(new Date(iso));
const value = (v) => (v === null || v === undefined ? '∅' : v);

class CordeeAudit extends CordeeElement {
  static properties = {
    people: { state: true }, trail: { state: true }, error: { state: true }, busy: { state: true },
    userErrors: { state: true }, filters: { state: true }, cursors: { state: true },
  };

  constructor() {
    super();
    this.userErrors = [];
    this.filters = {};
    // the cursor of each page shown so far: [null] is the newest page
    this.cursors = [null];
  }

  connectedCallback() {
    super.connectedCallback();
    this.start();
  }

  async start() {
    this.error = null;
    try {
      this.people = (await gql(PEOPLE)).people.users;
      await this.load();
    } catch (e) {
      this.error = e.message;
    }
  }

  async load() {
    this.busy = true;
    try {
      const data = await gql(TRAIL, { first: PAGE_SIZE, after: this.cursors.at(-1), ...this.filters });
      this.trail = data.auditTrail;
      this.userErrors = [];
    } catch (e) {
      const userErrors = (e.errors || []).flatMap((x) => x.extensions?.userErrors || []);
      if (!userErrors.length) throw e;
      this.userErrors = userErrors;
    } finally {
      this.busy = false;
    }
  }

  async apply(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const filters = {};
    for (const [name, key] of [['actor', 'actor'], ['type', 'type'], ['from', 'from'], ['to', 'to']]) {
      const v = String(form.get(name) ?? '').trim();
      filters[key] = v || null;
    }
    if (filters.from && filters.to && filters.to < filters.from) {
      this.userErrors = [{ field: ['to'], message: t('audit.toBeforeFrom'), code: 'INVALID_DATE_ORDER' }];
      return;
    }
    this.filters = filters;
    this.cursors = [null];
    await this.run();
  }

  async run() {
    try {
      await this.load();
    } catch (e) {
      this.error = e.message;
    }
  }

  page(step) {
    this.cursors = step > 0 ? [...this.cursors, this.trail.pageInfo.endCursor] : this.cursors.slice(0, -1);
    this.run();
  }

  render() {
    if (this.error) return failure(this.error, () => this.start());
    if (!this.people) return loading();
    const invalid = (field) => (this.userErrors.some((e) => (e.field || []).at(-1) === field) ? 'true' : 'false');
    return html`
      <section class="card audit" data-testid="audit">
        <h1>${t('audit.title')}</h1>
        <p class="muted">${t('audit.intro')}</p>
        <form class="filters" data-testid="audit-filters" @submit=${(e) => this.apply(e)}>
          <label>${t('audit.person')}<select name="actor" data-testid="audit-person">
            <option value="">${t('audit.everyone')}</option>
            ${this.people.map((p) => html`<option value=${p.id}>${p.displayName}</option>`)}
          </select></label>
          <label>${t('audit.entity')}<select name="type" data-testid="audit-entity">
            <option value="">${t('audit.allEntities')}</option>
            ${TYPES.map((type) => html`<option value=${type}>${t(`audit.type.${type}`)}</option>`)}
          </select></label>
          <label>${t('audit.from')}<input type="date" name="from" data-testid="audit-from"
            aria-invalid=${invalid('from')} aria-describedby="audit-from-error">
            ${fieldErrors(this.userErrors, 'from', 'audit-from-error')}</label>
          <label>${t('audit.to')}<input type="date" name="to" data-testid="audit-to"
            aria-invalid=${invalid('to')} aria-describedby="audit-to-error">
            ${fieldErrors(this.userErrors, 'to', 'audit-to-error')}</label>
          <button type="submit" ?disabled=${this.busy} data-testid="audit-apply">
            ${this.busy ? t('audit.applying') : t('audit.apply')}</button>
        </form>
        ${this.trail ? this.entries(this.trail) : loading()}
      </section>`;
  }

  entries(trail) {
    return html`
      <p role="status" data-testid="audit-count">${t('audit.count', { n: trail.totalCount })}</p>
      <ol class="audit-entries" data-testid="audit-entries">
        ${trail.nodes.map((e) => html`
          <li class="audit-entry" data-testid="audit-entry">
            <p class="audit-head"><time datetime=${e.recordedAt}>${when(e.recordedAt)}</time>
              · <strong>${e.actor.name ?? t('audit.unknownPerson')}</strong>
              · ${t(`audit.action.${e.action}`)} ${this.entity(e)}
              ${e.operation ? html`<span class="muted">(${e.operation})</span>` : nothing}</p>
            <div class="scroll"><table class="audit-changes">
              <thead><tr><th scope="col">${t('audit.field')}</th><th scope="col">${t('audit.old')}</th>
                <th scope="col" class="arrow" aria-hidden="true"></th><th scope="col">${t('audit.new')}</th></tr></thead>
              <tbody>${e.changes.map((c) => html`
                <tr data-testid="audit-change"><th scope="row">${c.field}</th><td class="old">${value(c.oldValue)}</td>
                  <td class="arrow" aria-hidden="true">→</td><td class="new">${value(c.newValue)}</td></tr>`)}</tbody>
            </table></div>
          </li>`)}
      </ol>
      <div class="pager">
        <button type="button" class="secondary" data-testid="audit-newer" ?disabled=${this.busy || this.cursors.length < 2}
          @click=${() => this.page(-1)}>${t('audit.newer')}</button>
        <button type="button" class="secondary" data-testid="audit-older" ?disabled=${this.busy || !trail.pageInfo.hasNextPage}
          @click=${() => this.page(1)}>${t('audit.older')}</button>
      </div>`;
  }

  entity(e) {
    const label = t(`audit.type.${e.entityType}`);
    const page = PAGES[e.entityType];
    return page && e.action !== 'DELETE'
      ? html`<a href=${`#/${page}/${encodeURIComponent(e.entityId)}`} data-testid="audit-entity-link">${label}</a>`
      : html`<span>${label}</span>`;
  }
}

customElements.define('cordee-audit', CordeeAudit);
