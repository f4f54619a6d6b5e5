import { html, nothing } from 'lit';
import { gql } from '../graphql.js';
import { CordeeElement } from '../ui.js';
import { t, formatDate, formatMoney, addMessages } from '../i18n.js';
import words from './bank-statements.words.js';

addMessages(words);

// #/statements (issue 18 point 4 in the SPA, ADR 52 and 57): upload a CAMT.053 or OFX statement, see the invoice
// proposed for each incoming credit, keep or drop each proposal, confirm: the payments and the closing balance
// are recorded in one transaction. OWNER and FINANCE (the server refuses anyone else).
const STATEMENT = `query($id: ID!, $acc: ID) { bankStatementImport(id: $id, accountId: $acc) { id format fileName accountRef
  account { id name } balanceDate closingBalance { amount amountMinor currency }
  credits { index amount { amount amountMinor currency } bookedOn debtorName remittance matchReason alreadyRecorded
    proposedInvoice { id number label } } } }`;
const ACCOUNTS = '{ bankAccounts { id name label archived } }';
const CONFIRM = `mutation($in: ConfirmBankStatementInput!) { confirmBankStatement(input: $in) { payments alreadyRecorded
  bankBalance { date amount { amount amountMinor currency } } userErrors { field message code } } }`;
const TYPES = { CAMT053: 'application/xml', OFX: 'application/x-ofx' };

class CordeeBankStatements extends CordeeElement {
  static properties = { kind: { state: true }, statement: { state: true }, accounts: { state: true },
    accountId: { state: true }, accepted: { state: true }, busy: { state: true }, error: { state: true },
    errors: { state: true }, done: { state: true } };

  constructor() {
    super();
    this.kind = 'CAMT053';
    this.errors = [];
    this.accepted = new Set();
  }

  async upload(event) {
    event.preventDefault();
    const file = this.renderRoot.querySelector('[data-testid=statement-file]').files[0];
    this.done = null; this.error = null; this.errors = []; this.statement = null;
    if (!file) { this.error = t('statements.noFile'); return; }
    this.busy = true;
    try {
      const response = await fetch(`/imports?kind=${this.kind}&fileName=${encodeURIComponent(file.name)}`,
        { method: 'POST', headers: { 'Content-Type': TYPES[this.kind] }, body: file, credentials: 'same-origin' });
      const body = await response.json();
      if (!response.ok) { this.error = body.errors?.[0]?.message || response.statusText; return; }
      this.accounts = (await gql(ACCOUNTS)).bankAccounts.filter((a) => !a.archived);
      this.accountId = null;
      await this.read(body.id);
    } catch (e) {
      this.error = e.message;
    } finally {
      this.busy = false;
    }
  }

  async read(id) {
    this.statement = (await gql(STATEMENT, { id, acc: this.accountId })).bankStatementImport;
    if (!this.statement) { this.error = t('statements.expired'); return; }
    this.accountId = this.statement.account?.id ?? this.accountId;
    this.accepted = new Set(this.statement.credits.filter((c) => c.proposedInvoice && !c.alreadyRecorded).map((c) => c.index));
  }

  toggle(index, on) {
    const next = new Set(this.accepted);
    if (on) next.add(index); else next.delete(index);
    this.accepted = next;
  }

  async confirm(event) {
    event.preventDefault();
    this.busy = true; this.error = null; this.errors = []; this.done = null;
    try {
      const s = this.statement;
      const matches = s.credits.filter((c) => this.accepted.has(c.index) && c.proposedInvoice)
        .map((c) => ({ credit: c.index, invoiceId: c.proposedInvoice.id }));
      const payload = (await gql(CONFIRM, { in: { id: s.id, accountId: this.accountId, matches } })).confirmBankStatement;
      if (payload.userErrors.length) { this.errors = payload.userErrors; return; }
      this.done = t('statements.done', { payments: payload.payments, already: payload.alreadyRecorded,
        balance: formatMoney(payload.bankBalance.amount, { cents: true }), date: formatDate(payload.bankBalance.date) });
      await this.read(s.id);
    } catch (e) {
      this.error = e.message;
    } finally {
      this.busy = false;
    }
  }

  fieldError(field) {
    const messages = this.errors.filter((e) => (e.field || []).join('.') === field).map((e) => e.message);
    return messages.length ? html`<span class="field-error" id="err-statement-${field}" data-testid="statement-error-${field}">${messages.join(' ')}</span>` : nothing;
  }

  renderStatement(s) {
    const other = this.errors.filter((e) => !['accountId'].includes((e.field || []).join('.')));
    return html`<form class="card" data-testid="statement" @submit=${(e) => this.confirm(e)}>
      <h2>${t('statements.balance', { amount: formatMoney(s.closingBalance, { cents: true }), date: formatDate(s.balanceDate) })}</h2>
      <p class="muted">${s.format} · ${s.accountRef ?? ''}</p>
      <label>${t('statements.account')}<select name="accountId" data-testid="statement-account" ?disabled=${this.busy}
        aria-describedby="err-statement-accountId"
        @change=${(e) => { this.accountId = e.target.value || null; this.read(s.id); }}>
        ${this.accountId ? nothing : html`<option value="" selected>${t('statements.chooseAccount')}</option>`}
        ${(this.accounts || []).map((a) => html`<option value=${a.id} ?selected=${a.id === this.accountId}>${a.name}${a.label ? ` (${a.label})` : ''}</option>`)}
      </select>${this.fieldError('accountId')}</label>
      <div class="scroll"><table data-testid="statement-credits"><thead><tr><th>${t('statements.keep')}</th>
        <th>${t('statements.date')}</th><th class="num">${t('statements.amount')}</th><th>${t('statements.payer')}</th>
        <th>${t('statements.invoice')}</th></tr></thead>
      <tbody>${s.credits.map((c) => html`<tr data-testid="statement-credit-${c.index}">
        <td><input type="checkbox" aria-label=${t('statements.keepOne', { n: c.index + 1 })}
          ?disabled=${!c.proposedInvoice || c.alreadyRecorded || this.busy} .checked=${this.accepted.has(c.index)}
          @change=${(e) => this.toggle(c.index, e.target.checked)}></td>
        <td>${formatDate(c.bookedOn)}</td><td class="num">${formatMoney(c.amount, { cents: true })}</td>
        <td>${c.debtorName ?? ''}<br><span class="muted">${c.remittance ?? ''}</span></td>
        <td data-testid="statement-proposal-${c.index}">${c.alreadyRecorded ? t('statements.recorded')
          : c.proposedInvoice ? `${c.proposedInvoice.number ?? c.proposedInvoice.label} — ${t(`statements.reason.${c.matchReason}`)}`
          : t('statements.none')}</td></tr>`)}</tbody></table></div>
      ${other.length ? html`<p class="error" role="alert">${other.map((e) => e.message).join(' ')}</p>` : nothing}
      <p class="actions"><button type="submit" data-testid="statement-confirm" ?disabled=${this.busy}>
        ${this.busy ? t('statements.busy') : t('statements.confirm', { n: this.accepted.size })}</button></p>
    </form>`;
  }

  render() {
    return html`<h1>${t('statements.title')}</h1>
      <form class="card" data-testid="statement-upload" @submit=${(e) => this.upload(e)}>
        <p>${t('statements.intro')}</p>
        <label>${t('statements.kind')}<select data-testid="statement-kind" @change=${(e) => { this.kind = e.target.value; }}>
          ${Object.keys(TYPES).map((k) => html`<option value=${k} ?selected=${this.kind === k}>${t(`statements.kind.${k}`)}</option>`)}
        </select></label>
        <label>${t('statements.file')}<input type="file" data-testid="statement-file" accept=".xml,.ofx,.qfx,.sta"></label>
        <button type="submit" data-testid="statement-upload-submit" ?disabled=${this.busy}>${this.busy ? t('statements.busy') : t('statements.upload')}</button>
      </form>
      ${this.error ? html`<p class="error" role="alert" data-testid="statement-error">${this.error}</p>` : nothing}
      ${this.done ? html`<p class="success" role="status" data-testid="statement-done">${this.done}</p>` : nothing}
      ${this.statement ? this.renderStatement(this.statement) : nothing}`;
  }
}
customElements.define('cordee-bank-statements', CordeeBankStatements);
