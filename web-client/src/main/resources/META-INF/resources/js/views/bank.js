import { html, nothing } from 'lit';
import { gql } from '../graphql.js';
import { CordeeElement, loading, failure, fieldErrors, stylesheet } from '../ui.js';
import { t, formatDate, formatMoney, addMessages } from '../i18n.js';
import { todayIso } from '../clock.js';
import words from './bank.words.js';
import { toMinor as parseMinor } from '../widgets.js';

addMessages(words);
await stylesheet('/js/views/bank.css');

const MONEY = '{ amount currency }';
const ERRORS = 'userErrors { field message code }';
const ACCOUNT = `id name label archived version latestBalance { id date amount ${MONEY} }`;
const OVERHEAD = `id label monthlyAmount ${MONEY} dayOfMonth startDate endDate version`;
const ONE_OFF = `id label date amount ${MONEY} version`;

// One request for the page: the accounts with their latest balance, the overheads, and the one-off expenses
// from a year ago to two years ahead (what the forecast can reach).
const PAGE = `query Bank($from: Date!, $to: Date!) {
  bankAccounts { ${ACCOUNT} }
  overheads { ${OVERHEAD} }
  oneOffExpenses(from: $from, to: $to) { ${ONE_OFF} }
}`;
const HISTORY = `query($a: ID) { bankBalances(accountId: $a, first: 20) { totalCount nodes { id date amount ${MONEY} } } }`;

const MUTATIONS = {
  createAccount: ['createBankAccount', 'CreateBankAccountInput', `bankAccount { id name }`],
  updateAccount: ['updateBankAccount', 'UpdateBankAccountInput', `bankAccount { id name archived }`],
  balance: ['recordBankBalance', 'RecordBankBalanceInput', `bankBalance { id date amount ${MONEY} account { name } }`],
  deleteBalance: ['deleteBankBalance', 'DeleteBankBalanceInput', 'deletedId'],
  createOverhead: ['createOverhead', 'CreateOverheadInput', `overhead { ${OVERHEAD} }`],
  updateOverhead: ['updateOverhead', 'UpdateOverheadInput', `overhead { ${OVERHEAD} }`],
  deleteOverhead: ['deleteOverhead', 'DeleteOverheadInput', 'deletedId'],
  createOneOff: ['createOneOffExpense', 'CreateOneOffExpenseInput', `oneOffExpense { ${ONE_OFF} }`],
  updateOneOff: ['updateOneOffExpense', 'UpdateOneOffExpenseInput', `oneOffExpense { ${ONE_OFF} }`],
  deleteOneOff: ['deleteOneOffExpense', 'DeleteOneOffExpenseInput', 'deletedId'],
};

/** Runs one mutation of MUTATIONS; answers its payload (with userErrors). */
async function mutate(kind, input) {
  const [field, type, result] = MUTATIONS[kind];
  return (await gql(`mutation($input: ${type}!) { ${field}(input: $input) { ${result} ${ERRORS} } }`, { input }))[field];
}

/** An amount typed as text in minor units; negative allowed (an overdrawn account): costs > 0 is the server's rule. */
const toMinor = (text) => parseMinor(text, { negative: true });

function shiftDays(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const stale = (errors) => errors.some((e) => e.code === 'CONFLICT' || e.code === 'STALE_VERSION');

/**
 * Bank & costs (#/bank, OWNER and FINANCE): the agency's bank accounts with their latest balance and history
 * (record a balance — never after today, the server's rule —, delete one recorded by mistake, rename, archive
 * or restore an account: an archived account's balances no longer count in the forecast), the recurring
 * overheads and the one-off expenses (create, edit, delete with undo). One form is open at a time; messages
 * come from the API's userErrors, next to their field; a stale version says "changed by someone else — reload".
 */
export class CordeeBank extends CordeeElement {
  static properties = {
    data: { state: true }, error: { state: true }, form: { state: true }, done: { state: true },
    history: { state: true }, undo: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    this.error = null;
    const today = todayIso();
    try {
      this.data = await gql(PAGE, { from: shiftDays(today, -365), to: shiftDays(today, 730) });
      if (this.history) await this.loadHistory(this.history.account);
    } catch (e) {
      this.error = e.message;
    }
  }

  async loadHistory(account) {
    const answer = await gql(HISTORY, { a: account.id });
    this.history = { account, balances: answer.bankBalances.nodes, total: answer.bankBalances.totalCount };
  }

  /** Opens a form: kind is 'account', 'balance', 'overhead' or 'oneOff'; target the record edited, if any. */
  open(kind, target = null) {
    this.done = null;
    this.undo = null;
    const accounts = this.data.bankAccounts.filter((a) => !a.archived);
    const fields = {
      account: () => ({ name: target?.name ?? '', label: target?.label ?? '' }),
      balance: () => ({ accountId: target?.id ?? accounts[0]?.id ?? '', date: todayIso(), amount: '' }),
      overhead: () => ({ label: target?.label ?? '', monthlyAmount: target?.monthlyAmount.amount ?? '',
        dayOfMonth: String(target?.dayOfMonth ?? 5), startDate: target?.startDate ?? todayIso(), endDate: target?.endDate ?? '' }),
      oneOff: () => ({ label: target?.label ?? '', date: target?.date ?? todayIso(), amount: target?.amount.amount ?? '' }),
    }[kind]();
    this.form = { kind, target, fields, errors: [], busy: false, stale: false };
  }

  fieldError(field, message) {
    this.form = { ...this.form, errors: [{ field: [field], message }] };
  }

  /** The form's input for its mutation, or null after showing a message next to a field. */
  formInput() {
    const { kind, target, fields } = this.form;
    const versioned = target ? { id: target.id, version: target.version } : {};
    if (kind === 'account') return [target ? 'updateAccount' : 'createAccount', { ...versioned, name: fields.name, label: fields.label }];
    const amountField = kind === 'overhead' ? 'monthlyAmount' : 'amount';
    const minor = toMinor(fields[amountField]);
    if (minor === null) { this.fieldError(amountField, t('bank.amountFormat')); return null; }
    if (kind === 'balance') {
      if (!fields.accountId) { this.fieldError('accountId', t('bank.chooseAccount')); return null; }
      return ['balance', { accountId: fields.accountId, date: fields.date || null, amount: { amountMinor: minor } }];
    }
    if (kind === 'overhead') {
      const day = Number(fields.dayOfMonth);
      if (!Number.isInteger(day)) { this.fieldError('dayOfMonth', t('bank.dayFormat')); return null; }
      return [target ? 'updateOverhead' : 'createOverhead', { ...versioned, label: fields.label, monthlyAmount: { amountMinor: minor },
        dayOfMonth: day, startDate: fields.startDate || null, endDate: fields.endDate || null,
        // an end date emptied on an edit is removed, not kept
        ...(target && !fields.endDate && target.endDate ? { clearEndDate: true } : {}) }];
    }
    return [target ? 'updateOneOff' : 'createOneOff', { ...versioned, label: fields.label, date: fields.date || null,
      amount: { amountMinor: minor } }];
  }

  async submit() {
    const prepared = this.formInput();
    if (!prepared) return;
    const [mutation, input] = prepared;
    const { kind, target, fields } = this.form;
    this.form = { ...this.form, busy: true, errors: [] };
    try {
      const answer = await mutate(mutation, input);
      if (answer.userErrors.length) {
        const isStale = stale(answer.userErrors);
        this.form = { ...this.form, busy: false, errors: isStale ? [] : answer.userErrors, stale: isStale };
        return;
      }
      const name = { balance: () => answer.bankBalance.account.name, account: () => fields.name.trim() }[kind]?.() ?? fields.label.trim();
      // a function, so that the confirmation follows a change of language
      this.done = () => t(`bank.done.${kind}${target ? 'Edit' : ''}`, { name });
      this.form = null;
      await this.load();
    } catch (e) {
      this.form = { ...this.form, busy: false, errors: [{ field: ['form'], message: e.message }] };
    }
  }

  /** An action without a form (archive, restore, delete); deletes of costs offer an undo that re-creates them. */
  async act(mutation, input, message, undo = null) {
    this.done = null;
    this.undo = null;
    this.form = null;
    try {
      const answer = await mutate(mutation, input);
      if (answer.userErrors.length) {
        this.done = () => (stale(answer.userErrors) ? t('bank.stale') : answer.userErrors.map((e) => e.message).join(' '));
        await this.load();
        return;
      }
      this.done = message;
      this.undo = undo;
      await this.load();
    } catch (e) {
      this.done = () => e.message;
    }
  }

  async runUndo() {
    const [mutation, input, name] = this.undo;
    this.undo = null;
    await this.act(mutation, input, () => t('bank.restored', { name }));
  }

  deleteOverhead(o) {
    this.act('deleteOverhead', { id: o.id, version: o.version }, () => t('bank.deleted', { name: o.label }),
      ['createOverhead', { label: o.label, monthlyAmount: { amountMinor: toMinor(o.monthlyAmount.amount) }, dayOfMonth: o.dayOfMonth,
        startDate: o.startDate, endDate: o.endDate }, o.label]);
  }

  deleteOneOff(e) {
    this.act('deleteOneOff', { id: e.id }, () => t('bank.deleted', { name: e.label }),
      ['createOneOff', { label: e.label, date: e.date, amount: { amountMinor: toMinor(e.amount.amount) } }, e.label]);
  }

  deleteBalance(account, b) {
    this.act('deleteBalance', { id: b.id }, () => t('bank.balanceDeleted', { name: account.name, date: formatDate(b.date) }),
      ['balance', { accountId: account.id, date: b.date, amount: { amountMinor: toMinor(b.amount.amount) } }, account.name]);
  }

  render() {
    if (this.error) return failure(this.error, () => this.load());
    if (!this.data) return loading();
    const { bankAccounts, overheads, oneOffExpenses } = this.data;
    const open = bankAccounts.filter((a) => !a.archived);
    const total = open.filter((a) => a.latestBalance).reduce((sum, a) => sum + toMinor(a.latestBalance.amount.amount), 0);
    const currency = open.find((a) => a.latestBalance)?.latestBalance.amount.currency;
    return html`
      ${this.done ? html`<p class="success card" role="status" data-testid="bank-done">${this.done()}
        ${this.undo ? html`<button type="button" class="secondary small" data-testid="bank-undo"
          @click=${() => this.runUndo()}>${t('bank.undo')}</button>` : nothing}</p>` : nothing}
      <section class="card bank" data-testid="bank-accounts">
        <h1>${t('bank.title')}</h1>
        <p class="muted">${t('bank.intro')}</p>
        ${currency ? html`<p data-testid="bank-total">${t('bank.total', { amount: formatMoney({ amount: total / 100, currency }, { cents: true }) })}</p>` : nothing}
        <div class="buttons">
          <button type="button" data-testid="record-balance" ?disabled=${open.length === 0}
            @click=${() => this.open('balance')}>${t('bank.record')}</button>
          <button type="button" class="secondary" data-testid="add-account" @click=${() => this.open('account')}>${t('bank.addAccount')}</button>
        </div>
        ${this.form && (this.form.kind === 'account' || this.form.kind === 'balance') ? this.formView() : nothing}
        ${bankAccounts.length === 0 ? html`<p class="muted" data-testid="no-account">${t('bank.noAccount')}</p>` : html`
        <div class="scroll"><table class="bank-table" data-testid="accounts">
          <thead><tr><th>${t('bank.account')}</th><th class="num">${t('bank.latest')}</th><th class="hide-phone">${t('bank.on')}</th>
            <th>${t('receivables.actions')}</th></tr></thead>
          <tbody>${bankAccounts.map((a) => html`
            <tr data-account=${a.id} class=${a.archived ? 'archived' : ''}>
              <td>${a.name}${a.label ? html` <span class="muted">${a.label}</span>` : nothing}
                ${a.archived ? html`<span class="pill">${t('bank.archived')}</span>` : nothing}</td>
              <td class="num" data-testid="account-balance">${a.latestBalance ? formatMoney(a.latestBalance.amount, { cents: true }) : '—'}</td>
              <td class="hide-phone">${a.latestBalance ? formatDate(a.latestBalance.date) : ''}</td>
              <td><div class="actions">
                ${a.archived ? nothing : html`<button type="button" class="small" data-action="record"
                  @click=${() => this.open('balance', a)}>${t('bank.recordShort')}</button>`}
                <button type="button" class="secondary small" data-action="history" aria-pressed=${this.history?.account.id === a.id ? 'true' : 'false'}
                  @click=${() => (this.history?.account.id === a.id ? (this.history = null) : this.loadHistory(a))}>${t('bank.history')}</button>
                ${a.archived ? nothing : html`<button type="button" class="secondary small" data-action="edit"
                  @click=${() => this.open('account', a)}>${t('bank.edit')}</button>`}
                <button type="button" class="secondary small" data-action=${a.archived ? 'restore' : 'archive'}
                  @click=${() => this.act('updateAccount', { id: a.id, version: a.version, archived: !a.archived },
                    () => t(a.archived ? 'bank.done.restore' : 'bank.done.archive', { name: a.name }))}>
                  ${t(a.archived ? 'bank.restore' : 'bank.archive')}</button>
              </div></td>
            </tr>`)}
          </tbody></table></div>`}
        ${this.history ? this.historyView() : nothing}
      </section>
      <section class="card" data-testid="overheads">
        <h2>${t('bank.overheads')}</h2>
        <button type="button" class="secondary small" data-testid="add-overhead" @click=${() => this.open('overhead')}>${t('bank.addOverhead')}</button>
        ${this.form?.kind === 'overhead' ? this.formView() : nothing}
        ${overheads.length === 0 ? html`<p class="muted">${t('bank.noOverhead')}</p>` : html`
        <div class="scroll"><table data-testid="overhead-list">
          <thead><tr><th>${t('receivables.label')}</th><th class="num">${t('bank.monthly')}</th><th class="hide-phone">${t('bank.dayOfMonth')}</th>
            <th class="hide-phone">${t('bank.period')}</th><th>${t('receivables.actions')}</th></tr></thead>
          <tbody>${overheads.map((o) => html`
            <tr data-overhead=${o.id}><td>${o.label}</td><td class="num">${formatMoney(o.monthlyAmount, { cents: true })}</td>
              <td class="hide-phone">${o.dayOfMonth}</td>
              <td class="hide-phone">${formatDate(o.startDate)} → ${o.endDate ? formatDate(o.endDate) : '…'}</td>
              <td><div class="actions">
                <button type="button" class="secondary small" data-action="edit" @click=${() => this.open('overhead', o)}>${t('bank.edit')}</button>
                <button type="button" class="secondary small" data-action="delete" @click=${() => this.deleteOverhead(o)}>${t('bank.delete')}</button>
              </div></td></tr>`)}
          </tbody></table></div>`}
      </section>
      <section class="card" data-testid="one-offs">
        <h2>${t('bank.oneOffs')}</h2>
        <button type="button" class="secondary small" data-testid="add-one-off" @click=${() => this.open('oneOff')}>${t('bank.addOneOff')}</button>
        ${this.form?.kind === 'oneOff' ? this.formView() : nothing}
        ${oneOffExpenses.length === 0 ? html`<p class="muted">${t('bank.noOneOff')}</p>` : html`
        <div class="scroll"><table data-testid="one-off-list">
          <thead><tr><th>${t('receivables.label')}</th><th>${t('bank.date')}</th><th class="num">${t('invoice.amount')}</th>
            <th>${t('receivables.actions')}</th></tr></thead>
          <tbody>${oneOffExpenses.map((e) => html`
            <tr data-one-off=${e.id}><td>${e.label}</td><td>${formatDate(e.date)}</td><td class="num">${formatMoney(e.amount, { cents: true })}</td>
              <td><div class="actions">
                <button type="button" class="secondary small" data-action="edit" @click=${() => this.open('oneOff', e)}>${t('bank.edit')}</button>
                <button type="button" class="secondary small" data-action="delete" @click=${() => this.deleteOneOff(e)}>${t('bank.delete')}</button>
              </div></td></tr>`)}
          </tbody></table></div>`}
      </section>`;
  }

  historyView() {
    const { account, balances, total } = this.history;
    return html`<div class="bank-history" data-testid="balance-history">
      <h2>${t('bank.historyOf', { name: account.name })}</h2>
      ${balances.length === 0 ? html`<p class="muted">${t('bank.noBalance')}</p>` : html`
      <table><thead><tr><th>${t('bank.date')}</th><th class="num">${t('bank.balance')}</th><th>${t('receivables.actions')}</th></tr></thead>
        <tbody>${balances.map((b) => html`<tr data-balance=${b.id}><td>${formatDate(b.date)}</td>
          <td class="num">${formatMoney(b.amount, { cents: true })}</td>
          <td><button type="button" class="secondary small" data-action="delete-balance"
            @click=${() => this.deleteBalance(account, b)}>${t('bank.delete')}</button></td></tr>`)}</tbody></table>
      ${total > balances.length ? html`<p class="muted">${t('bank.more', { count: total - balances.length })}</p>` : nothing}`}
    </div>`;
  }

  formView() {
    const { kind, target, fields, errors, busy, stale: isStale } = this.form;
    const set = (field) => (e) => { this.form = { ...this.form, fields: { ...this.form.fields, [field]: e.target.value } }; };
    const id = (field) => `bank-${field}-error`;
    const input = (field, type, label, extra = {}) => html`<label>${label}
      <input name=${field} type=${type} .value=${fields[field]} @input=${set(field)} aria-describedby=${id(field)}
        max=${extra.max ?? nothing} min=${extra.min ?? nothing} inputmode=${extra.inputmode ?? nothing} maxlength=${extra.maxlength ?? nothing}>
      ${fieldErrors(errors, field, id(field))}</label>`;
    const accounts = this.data.bankAccounts.filter((a) => !a.archived);
    return html`
      <form class="action-form" novalidate data-testid="bank-form" data-kind=${kind} aria-busy=${busy ? 'true' : 'false'}
        @submit=${(e) => { e.preventDefault(); this.submit(); }}>
        <h2>${t(`bank.form.${kind}${target && kind !== 'balance' ? 'Edit' : ''}`, { name: target?.name ?? target?.label ?? '' })}</h2>
        ${kind === 'account' ? html`${input('name', 'text', t('bank.name'), { maxlength: 200 })}
          ${input('label', 'text', t('bank.label'), { maxlength: 40 })}` : nothing}
        ${kind === 'balance' ? html`
          <label>${t('bank.account')}<select name="accountId" @change=${set('accountId')} aria-describedby=${id('accountId')}>
            ${accounts.map((a) => html`<option value=${a.id} ?selected=${a.id === fields.accountId}>${a.name}</option>`)}
          </select>${fieldErrors(errors, 'accountId', id('accountId'))}</label>
          ${input('date', 'date', t('bank.endOfDay'), { max: todayIso() })}
          ${input('amount', 'text', t('bank.balance'), { inputmode: 'decimal' })}` : nothing}
        ${kind === 'overhead' ? html`${input('label', 'text', t('receivables.label'), { maxlength: 200 })}
          ${input('monthlyAmount', 'text', t('bank.monthly'), { inputmode: 'decimal' })}
          ${input('dayOfMonth', 'number', t('bank.dayOfMonth'), { min: 1, max: 31 })}
          ${input('startDate', 'date', t('bank.from'))}${input('endDate', 'date', t('bank.until'))}` : nothing}
        ${kind === 'oneOff' ? html`${input('label', 'text', t('receivables.label'), { maxlength: 200 })}
          ${input('date', 'date', t('bank.date'))}${input('amount', 'text', t('invoice.amount'), { inputmode: 'decimal' })}` : nothing}
        ${fieldErrors(errors, 'id', id('id'))}${fieldErrors(errors, 'version', id('version'))}${fieldErrors(errors, 'form', id('form'))}
        ${isStale ? html`<p class="error" role="alert" data-testid="stale">${t('bank.stale')}
          <button type="button" class="secondary small" @click=${() => { this.form = null; this.load(); }}>${t('receivables.reload')}</button></p>` : nothing}
        <div class="buttons">
          <button type="submit" ?disabled=${busy || isStale} data-testid="bank-submit">${busy ? t('receivables.sending') : t(`bank.submit.${kind}`)}</button>
          <button type="button" class="secondary" @click=${() => { this.form = null; }}>${t('clients.cancel')}</button>
        </div>
      </form>`;
  }
}

customElements.define('cordee-bank', CordeeBank);
