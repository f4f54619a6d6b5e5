import { html, nothing } from 'lit';
import { gql, gqlAll } from '../graphql.js';
import { CordeeElement, loading, failure, fieldErrors, stylesheet } from '../ui.js';
import { t, formatDate, formatMoney, addMessages } from '../i18n.js';
import { todayIso } from '../clock.js';
import { DataElement } from '../widgets.js';
import words from './receivables.words.js';

addMessages(words);
await stylesheet('/js/views/receivables.css');

const MONEY = '{ amount currency }';
const BUCKETS = ['notDue', 'days1To30', 'days31To60', 'days61To90', 'over90', 'total'];
const BUCKET_FIELDS = `{ notDue ${MONEY} days1To30 ${MONEY} days31To60 ${MONEY} days61To90 ${MONEY} over90 ${MONEY} total ${MONEY} }`;
const STATUSES = ['PLANNED', 'ISSUED', 'PAID', 'CANCELLED'];

// One request for the page: the clients and their projects (for the filters), the filtered invoices and the aged receivables.
const RECEIVABLES = `query Receivables($c: ID, $p: ID, $s: [InvoiceStatus!], $after: String) {
  clients(first: 100) { nodes { id name projects { id name } } }
  invoices(first: 100, after: $after, clientId: $c, projectId: $p, status: $s) { totalCount pageInfo { hasNextPage endCursor } nodes { id number label status issueDate dueDate
    amount ${MONEY} paid ${MONEY} balanceDue ${MONEY} version client { id name } project { name } } }
  agedReceivables { asOf clients { client { id name } invoiceCount buckets ${BUCKET_FIELDS} } total ${BUCKET_FIELDS} }
}`;
const PAYLOAD = 'invoice { id number status version balanceDue { amount currency } } userErrors { field message code }';
const MUTATIONS = {
  issue: `mutation($input: IssueInvoiceInput!) { issueInvoice(input: $input) { ${PAYLOAD} } }`,
  pay: `mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { ${PAYLOAD} } }`,
  cancel: `mutation($input: CancelInvoiceInput!) { cancelInvoice(input: $input) { ${PAYLOAD} } }`,
  create: `mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { ${PAYLOAD} } }`,
};
const RESULT = { issue: 'issueInvoice', pay: 'recordPayment', cancel: 'cancelInvoice', create: 'createInvoice' };

/** "1234.5" → 123450 minor units; null when it is not an amount with at most two decimals. */
function toMinor(text) {
  const m = String(text).trim().replace(',', '.').match(/^(\d+)(?:\.(\d{1,2}))?$/);
  return m ? Number(m[1]) * 100 + Number((m[2] || '').padEnd(2, '0')) : null;
}

/**
 * Receivables (#/receivables, OWNER and FINANCE): the agency's invoices filtered by client, project and status,
 * with the actions their status allows — issue a planned one (number, issue date), record a payment or
 * a part-payment (never after today, never more than is owed: the API's rules, its messages next to the
 * fields), cancel one nothing was paid on — and the aged receivables per client with totals. One action
 * form is open at a time; a stale version is answered with "changed by someone else — reload". The
 * browser's own validation is off (novalidate): the date picker stops at today, but a typed date after it
 * gets the server's message next to the field like every other rule.
 */
export class CordeeReceivables extends DataElement {
  static properties = {
    data: { state: true }, error: { state: true }, clientId: { state: true }, projectId: { state: true },
    status: { state: true },
    action: { state: true }, done: { state: true },
  };

  constructor() {
    super();
    this.clientId = '';
    this.projectId = '';
    this.status = '';
  }

  query() {
    return gqlAll(RECEIVABLES, { c: this.clientId || null, p: this.projectId || null, s: this.status ? [this.status] : null },
    'invoices');
  }

  filter(field, value) {
    this[field] = value;
    if (field === 'clientId') this.projectId = ''; // a project belongs to one client
    this.action = null;
    this.load();
  }

  open(kind, invoice) {
    this.done = null;
    const fields = kind === 'create' ? { projectId: this.projectId, label: '', amount: '', number: '', issueDate: todayIso() }
      : kind === 'issue' ? { number: '', issueDate: todayIso() }
      : kind === 'pay' ? { amount: invoice.balanceDue.amount, receivedOn: todayIso() } : {};
    this.action = { kind, invoice, fields, errors: [], busy: false, stale: false };
  }

  async submit() {
    const { kind, invoice, fields } = this.action;
    const input = kind === 'create' ? {} : { version: invoice.version };
    const minor = toMinor(fields.amount);
    if ((kind === 'pay' || kind === 'create') && minor === null) {
      this.action = { ...this.action, errors: [{ field: ['amount'], message: t('receivables.amountFormat') }] };
      return;
    }
    if (kind === 'create') {
      if (!fields.projectId) {
        this.action = { ...this.action, errors: [{ field: ['projectId'], message: t('receivables.chooseProject') }] };
        return;
      }
      Object.assign(input, { projectId: fields.projectId, label: fields.label, amount: { amountMinor: minor },
        issueDate: fields.issueDate, number: fields.number.trim() || null });
    } else if (kind === 'pay') {
      Object.assign(input, { invoiceId: invoice.id, amount: { amountMinor: minor }, receivedOn: fields.receivedOn });
    } else {
      input.id = invoice.id;
      if (kind === 'issue') Object.assign(input, { number: fields.number.trim() || null, issueDate: fields.issueDate });
    }
    this.action = { ...this.action, busy: true, errors: [] };
    try {
      const answer = (await gql(MUTATIONS[kind], { input }))[RESULT[kind]];
      if (answer.userErrors.length) {
        const stale = answer.userErrors.some((e) => e.code === 'CONFLICT' || e.code === 'STALE_VERSION');
        this.action = { ...this.action, busy: false, errors: stale ? [] : answer.userErrors, stale };
        return;
      }
      const name = answer.invoice.number || (invoice ? invoice.label : fields.label);
      // a function, so that the confirmation follows a change of language
      this.done = () => (kind === 'pay'
        ? t(answer.invoice.status === 'PAID' ? 'receivables.donePaid' : 'receivables.donePart',
          { invoice: name, amount: formatMoney({ amount: minor / 100, currency: invoice.amount.currency }, { cents: true }),
            balance: formatMoney(answer.invoice.balanceDue, { cents: true }) })
        : t(`receivables.done.${kind}`, { invoice: name }));
      this.action = null;
      await this.load();
    } catch (e) {
      this.action = { ...this.action, busy: false, errors: [{ field: ['form'], message: e.message }] };
    }
  }

  render() {
    if (this.error) return failure(this.error, () => this.load());
    if (!this.data) return loading();
    const { clients, invoices, agedReceivables } = this.data;
    return html`
      <section class="card receivables" data-testid="receivables">
        <h1>${t('receivables.title')}</h1>
        <p class="exports" data-testid="receivables-exports">${t('export.download')}
          <a href="/exports/invoices.csv" download data-testid="export-invoices">${t('export.invoices')}</a>
          <a href="/exports/payments.csv" download data-testid="export-payments">${t('export.payments')}</a>
          <a href="/exports/aged-receivables.csv" download data-testid="export-aged">${t('export.aged')}</a></p>
        <div class="filters">
          <label>${t('receivables.client')}<select data-testid="filter-client"
            @change=${(e) => this.filter('clientId', e.target.value)}>
            <option value="" ?selected=${!this.clientId}>${t('receivables.allClients')}</option>
            ${clients.nodes.map((c) => html`<option value=${c.id} ?selected=${c.id === this.clientId}>${c.name}</option>`)}
          </select></label>
          <label>${t('project.name')}<select data-testid="filter-project"
            @change=${(e) => this.filter('projectId', e.target.value)}>
            <option value="" ?selected=${!this.projectId}>${t('receivables.allProjects')}</option>
            ${clients.nodes.filter((c) => !this.clientId || c.id === this.clientId).flatMap((c) => c.projects).map((p) => html`
              <option value=${p.id} ?selected=${p.id === this.projectId}>${p.name}</option>`)}
          </select></label>
          <label>${t('invoice.status')}<select data-testid="filter-status"
            @change=${(e) => this.filter('status', e.target.value)}>
            <option value="" ?selected=${!this.status}>${t('receivables.allStatuses')}</option>
            ${STATUSES.map((s) => html`<option value=${s} ?selected=${s === this.status}>${t(`invoice.${s}`)}</option>`)}
          </select></label>
        </div>
        ${this.action?.kind === 'create' ? nothing : html`<button type="button" class="secondary small" data-testid="add-invoice"
          @click=${() => this.open('create', null)}>${t('receivables.add')}</button>`}
        ${this.done ? html`<p class="success" role="status" data-testid="receivables-done">${this.done()}</p>` : nothing}
        ${this.action ? this.actionForm() : nothing}
        ${this.invoicesTable(invoices.nodes)}
      </section>
      <section class="card" data-testid="aged-receivables">
        <h2>${t('receivables.aged')}</h2>
        <p class="muted">${t('receivables.agedAsOf', { date: formatDate(agedReceivables.asOf) })}</p>
        ${this.agedTable(agedReceivables)}
      </section>`;
  }

  invoicesTable(rows) {
    if (rows.length === 0) return html`<p class="muted" data-testid="no-invoice">${t('clients.noInvoice')}</p>`;
    return html`<div class="scroll"><table class="receivables-table" data-testid="invoices">
      <thead><tr><th>${t('invoice.label')}</th><th class="hide-phone">${t('receivables.client')}</th>
        <th>${t('invoice.status')}</th><th class="hide-phone">${t('invoice.due')}</th>
        <th class="num hide-phone">${t('invoice.amount')}</th><th class="num">${t('invoice.balance')}</th><th>${t('receivables.actions')}</th></tr></thead>
      <tbody>${rows.map((i) => html`
        <tr data-invoice=${i.id}>
          <td>${i.number ? html`<strong>${i.number}</strong> ` : nothing}${i.label}
            <span class="muted small-line">${i.project.name}</span></td>
          <td class="hide-phone">${i.client.name}</td>
          <td><span class="pill invoice-${i.status}" data-testid="invoice-status">${t(`invoice.${i.status}`)}</span></td>
          <td class="hide-phone">${formatDate(i.dueDate)}</td>
          <td class="num hide-phone">${formatMoney(i.amount, { cents: true })}</td>
          <td class="num" data-testid="invoice-balance">${formatMoney(i.balanceDue, { cents: true })}</td>
          <td><div class="actions">
            ${i.status === 'PLANNED' ? html`<button type="button" class="small" data-action="issue"
              @click=${() => this.open('issue', i)}>${t('receivables.issue')}</button>` : nothing}
            ${i.status === 'ISSUED' ? html`<button type="button" class="small" data-action="pay"
              @click=${() => this.open('pay', i)}>${t('receivables.pay')}</button>` : nothing}
            ${(i.status === 'PLANNED' || i.status === 'ISSUED') && Number(i.paid.amount) === 0
              ? html`<button type="button" class="secondary small" data-action="cancel"
                @click=${() => this.open('cancel', i)}>${t('receivables.cancel')}</button>` : nothing}
          </div></td>
        </tr>`)}
      </tbody></table></div>`;
  }

  actionForm() {
    const { kind, invoice, fields, errors, busy, stale } = this.action;
    const set = (field) => (e) => { this.action = { ...this.action, fields: { ...this.action.fields, [field]: e.target.value } }; };
    const id = (field) => `receivables-${field}-error`;
    const input = (field, type, label, extra = {}) => html`<label>${label}
      <input name=${field} type=${type} .value=${fields[field]} @input=${set(field)} aria-describedby=${id(field)}
        max=${extra.max ?? nothing} inputmode=${extra.inputmode ?? nothing} maxlength=${extra.maxlength ?? nothing}>
      ${fieldErrors(errors, field, id(field))}</label>`;
    const name = invoice ? invoice.number || invoice.label : '';
    const projects = this.data.clients.nodes.flatMap((c) => c.projects.map((p) => ({ ...p, client: c.name })));
    return html`
      <form class="action-form" novalidate data-testid="action-form" data-kind=${kind} aria-busy=${busy ? 'true' : 'false'}
        @submit=${(e) => { e.preventDefault(); this.submit(); }}>
        <h2>${t(`receivables.form.${kind}`, { invoice: name, client: invoice?.client.name })}</h2>
        ${kind === 'create' ? html`
          <label>${t('project.name')}<select name="projectId" @change=${set('projectId')} aria-describedby=${id('projectId')}>
            <option value="" ?selected=${!fields.projectId}>—</option>
            ${projects.map((p) => html`<option value=${p.id} ?selected=${p.id === fields.projectId}>${p.client} · ${p.name}</option>`)}
          </select>${fieldErrors(errors, 'projectId', id('projectId'))}</label>
          ${input('label', 'text', t('receivables.label'), { maxlength: 200 })}
          ${input('amount', 'text', t('invoice.amount'), { inputmode: 'decimal' })}
          ${input('number', 'text', t('receivables.number'), { maxlength: 40 })}
          ${input('issueDate', 'date', t('receivables.issueDate'))}` : nothing}
        ${kind === 'issue' ? html`${input('number', 'text', t('receivables.number'), { maxlength: 40 })}
          ${input('issueDate', 'date', t('receivables.issueDate'))}` : nothing}
        ${kind === 'pay' ? html`
          <p class="muted">${t('receivables.owed', { amount: formatMoney(invoice.balanceDue, { cents: true }) })}</p>
          ${input('amount', 'text', t('receivables.amount'), { inputmode: 'decimal' })}
          ${input('receivedOn', 'date', t('receivables.receivedOn'), { max: todayIso() })}` : nothing}
        ${kind === 'cancel' ? html`<p>${t('receivables.cancelConfirm')}</p>` : nothing}
        ${fieldErrors(errors, 'id', id('id'))}${fieldErrors(errors, 'invoiceId', id('invoiceId'))}
        ${fieldErrors(errors, 'version', id('version'))}${fieldErrors(errors, 'form', id('form'))}
        ${stale ? html`<p class="error" role="alert" data-testid="stale">${t('receivables.stale')}
          <button type="button" class="secondary small" @click=${() => { this.action = null; this.load(); }}>${t('receivables.reload')}</button></p>` : nothing}
        <div class="buttons">
          <button type="submit" ?disabled=${busy || stale} data-testid="action-submit">
            ${busy ? t('receivables.sending') : t(`receivables.submit.${kind}`)}</button>
          <button type="button" class="secondary" @click=${() => { this.action = null; }}>${t('clients.cancel')}</button>
        </div>
      </form>`;
  }

  agedTable(report) {
    if (report.clients.length === 0) return html`<p class="muted" data-testid="aged-empty">${t('receivables.nothingOwed')}</p>`;
    const cells = (b) => BUCKETS.map((k) => html`<td class="num" data-bucket=${k}>${formatMoney(b[k], { cents: true })}</td>`);
    return html`<div class="scroll"><table class="aged-table">
      <thead><tr><th>${t('receivables.client')}</th>${BUCKETS.map((k) => html`<th class="num">${t(`receivables.bucket.${k}`)}</th>`)}</tr></thead>
      <tbody>${report.clients.map((c) => html`<tr data-client=${c.client.id}><th scope="row">${c.client.name}</th>${cells(c.buckets)}</tr>`)}</tbody>
      <tfoot><tr data-testid="aged-total"><th scope="row">${t('receivables.total')}</th>${cells(report.total)}</tr></tfoot>
    </table></div>`;
  }
}

customElements.define('cordee-receivables', CordeeReceivables);
