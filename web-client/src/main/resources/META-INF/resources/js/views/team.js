import { html, nothing } from 'lit';
import { gql } from '../graphql.js';
import { CordeeElement, loading, failure, fieldErrors, stylesheet } from '../ui.js';
import { t, formatDate, formatMoney, formatNumber, addMessages } from '../i18n.js';
import { thisMonthIso } from '../clock.js';
import words from './team.words.js';

addMessages(words);
await stylesheet('/js/views/team.css');

const MONEY = '{ amount currency amountMinor }';
const MEMBER = `id name jobTitle fte startDate endDate version monthlyLoadedCost ${MONEY} dailyBillRate ${MONEY}
  absences { id kind from to note version }`;
const TEAM = `query Team($month: String!) {
  teamMembers(first: 100) { nodes { ${MEMBER} } }
  teamCapacity(month: $month) { teamMember { id } workingDays availableDays capacityDays }
}`;
const ERRORS = 'userErrors { field message code }';
const MUTATIONS = {
  create: `mutation($input: CreateTeamMemberInput!) { createTeamMember(input: $input) { teamMember { id name } ${ERRORS} } }`,
  edit: `mutation($input: UpdateTeamMemberInput!) { updateTeamMember(input: $input) { teamMember { id name } ${ERRORS} } }`,
  addAbsence: `mutation($input: AddAbsenceInput!) { addAbsence(input: $input) { absence { id } ${ERRORS} } }`,
  editAbsence: `mutation($input: UpdateAbsenceInput!) { updateAbsence(input: $input) { absence { id } ${ERRORS} } }`,
  removeAbsence: `mutation($input: RemoveAbsenceInput!) { removeAbsence(input: $input) { absence { id } ${ERRORS} } }`,
};
const RESULT = { create: 'createTeamMember', edit: 'updateTeamMember', addAbsence: 'addAbsence',
  editAbsence: 'updateAbsence', removeAbsence: 'removeAbsence' };
const KINDS = ['LEAVE', 'TRAINING', 'OTHER'];
const MONEY_ROLES = ['OWNER', 'FINANCE'];

/** "1234.5" → 123450 minor units; null when it is not an amount with at most two decimals. */
function toMinor(text) {
  const m = String(text).trim().replace(',', '.').match(/^(\d+)(?:\.(\d{1,2}))?$/);
  return m ? Number(m[1]) * 100 + Number((m[2] || '').padEnd(2, '0')) : null;
}

/**
 * The team (#/team, issue 15 point 5): members with their job, FTE, start and end dates and what they can
 * give in a month (working days less absences, within their dates — the API's teamCapacity). OWNER and
 * FINANCE also see and edit costs and rates, add and edit members (a planned hire is a future start date,
 * a departure an end date: ADR 0036) and record absences; a LEAD reads the same page without any cost and
 * without the forms (the server refuses them anyway). One form is open at a time; the API's messages show
 * next to their field, a stale version says "changed by someone else — reload".
 */
export class CordeeTeam extends CordeeElement {
  static properties = {
    role: {}, data: { state: true }, error: { state: true }, month: { state: true },
    form: { state: true }, done: { state: true }, open: { state: true },
  };

  constructor() {
    super();
    this.month = thisMonthIso();
    this.open = '';
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  get managesMoney() {
    return MONEY_ROLES.includes(this.role);
  }

  async load() {
    this.error = null;
    try {
      this.data = await gql(TEAM, { month: this.month });
    } catch (e) {
      this.error = e.message;
    }
  }

  setMonth(value) {
    if (!/^\d{4}-\d{2}$/.test(value)) return;
    this.month = value;
    this.load();
  }

  openForm(kind, member = null, absence = null) {
    this.done = null;
    const fields = kind === 'create' ? { name: '', jobTitle: '', fte: '1', cost: '', rate: '', startDate: '', endDate: '' }
      : kind === 'edit' ? { name: member.name, jobTitle: member.jobTitle || '', fte: String(member.fte),
        cost: member.monthlyLoadedCost?.amount ?? '', rate: member.dailyBillRate?.amount ?? '',
        startDate: member.startDate || '', endDate: member.endDate || '' }
      : kind === 'removeAbsence' ? {}
      : { kind: absence?.kind || 'LEAVE', from: absence?.from || '', to: absence?.to || '', note: absence?.note || '' };
    this.form = { kind, member, absence, fields, errors: [], busy: false, stale: false };
  }

  input() {
    const { kind, member, absence, fields } = this.form;
    const error = (field, key) => ({ errors: [{ field: [field], message: t(key) }] });
    if (kind === 'create' || kind === 'edit') {
      const cost = toMinor(fields.cost);
      const rate = toMinor(fields.rate);
      if (cost === null) return error('monthlyLoadedCost', 'team.amountFormat');
      if (rate === null) return error('dailyBillRate', 'team.amountFormat');
      const fte = Number(String(fields.fte).replace(',', '.'));
      if (!Number.isFinite(fte)) return error('fte', 'team.fteFormat');
      const input = { name: fields.name, jobTitle: fields.jobTitle.trim() || null, fte,
        monthlyLoadedCost: { amountMinor: cost }, dailyBillRate: { amountMinor: rate },
        startDate: fields.startDate || null, endDate: fields.endDate || null };
      if (kind === 'create') return { input };
      Object.assign(input, { id: member.id, version: member.version,
        clearStartDate: !fields.startDate && !!member.startDate, clearEndDate: !fields.endDate && !!member.endDate });
      return { input };
    }
    if (kind === 'removeAbsence') return { input: { id: absence.id, version: absence.version } };
    const input = { kind: fields.kind, from: fields.from || null, to: fields.to || null, note: fields.note.trim() || null };
    if (!input.from) return error('from', 'team.dateRequired');
    if (!input.to) return error('to', 'team.dateRequired');
    return { input: kind === 'addAbsence' ? { ...input, teamMemberId: member.id }
      : { ...input, id: absence.id, version: absence.version } };
  }

  async submit() {
    const { kind, member } = this.form;
    const built = this.input();
    if (built.errors) {
      this.form = { ...this.form, errors: built.errors };
      return;
    }
    this.form = { ...this.form, busy: true, errors: [] };
    try {
      const answer = (await gql(MUTATIONS[kind], { input: built.input }))[RESULT[kind]];
      if (answer.userErrors.length) {
        const stale = answer.userErrors.some((e) => e.code === 'CONFLICT' || e.code === 'STALE_VERSION');
        this.form = { ...this.form, busy: false, errors: stale ? [] : answer.userErrors, stale };
        return;
      }
      const name = answer.teamMember?.name || member?.name;
      this.done = () => t(`team.done.${kind}`, { name }); // a function: the confirmation follows the language
      if (member && kind !== 'edit') this.open = member.id;
      this.form = null;
      await this.load();
    } catch (e) {
      this.form = { ...this.form, busy: false, errors: [{ field: ['form'], message: e.message }] };
    }
  }

  render() {
    if (this.error) return failure(this.error, () => this.load());
    if (!this.data) return loading();
    const members = this.data.teamMembers.nodes;
    const capacity = new Map(this.data.teamCapacity.map((c) => [c.teamMember.id, c]));
    const memberForm = this.form && (this.form.kind === 'create' || this.form.kind === 'edit');
    return html`
      <section class="card team" data-testid="team">
        <h1>${t('team.title')}</h1>
        <div class="filters">
          <label>${t('team.month')}<input type="month" data-testid="team-month" .value=${this.month}
            @change=${(e) => this.setMonth(e.target.value)}></label>
        </div>
        ${this.managesMoney && !memberForm ? html`<button type="button" class="secondary small" data-testid="add-member"
          @click=${() => this.openForm('create')}>${t('team.add')}</button>` : nothing}
        ${this.done ? html`<p class="success" role="status" data-testid="team-done">${this.done()}</p>` : nothing}
        ${memberForm ? this.memberForm() : nothing}
        ${members.length === 0 ? html`<p class="muted" data-testid="no-member">${t('team.empty')}</p>`
          : this.table(members, capacity)}
      </section>`;
  }

  table(members, capacity) {
    const money = this.managesMoney;
    return html`<div class="scroll"><table class="team-table" data-testid="members">
      <thead><tr><th>${t('team.name')}</th><th class="num">${t('team.fte')}</th>
        <th class="hide-phone">${t('team.start')}</th><th class="hide-phone">${t('team.end')}</th>
        ${money ? html`<th class="num hide-phone">${t('team.cost')}</th><th class="num hide-phone">${t('team.rate')}</th>` : nothing}
        <th class="num">${t('team.days')}</th><th>${t('team.actions')}</th></tr></thead>
      <tbody>${members.map((m) => {
        const c = capacity.get(m.id);
        return html`
        <tr data-member=${m.id}>
          <td><strong>${m.name}</strong><span class="muted small-line">${m.jobTitle || ''}</span>
            ${m.startDate ? html`<span class="small-line show-phone">${t('team.from', { date: formatDate(m.startDate) })}</span>` : nothing}
            ${m.endDate ? html`<span class="small-line show-phone">${t('team.until', { date: formatDate(m.endDate) })}</span>` : nothing}</td>
          <td class="num">${formatNumber(m.fte, 2)}</td>
          <td class="hide-phone" data-testid="member-start">${formatDate(m.startDate)}</td>
          <td class="hide-phone" data-testid="member-end">${formatDate(m.endDate)}</td>
          ${money ? html`<td class="num hide-phone" data-testid="member-cost">${formatMoney(m.monthlyLoadedCost, { cents: true })}</td>
            <td class="num hide-phone">${formatMoney(m.dailyBillRate, { cents: true })}</td>` : nothing}
          <td class="num" data-testid="member-days" data-available=${c ? c.availableDays : 0}
            title=${t('team.daysHint')}>${c ? `${c.availableDays} / ${c.workingDays}` : '—'}</td>
          <td><div class="actions">
            ${money ? html`<button type="button" class="small" data-action="edit"
              @click=${() => this.openForm('edit', m)}>${t('team.edit')}</button>` : nothing}
            <button type="button" class="secondary small" data-action="absences" aria-expanded=${this.open === m.id ? 'true' : 'false'}
              @click=${() => { this.open = this.open === m.id ? '' : m.id; this.form = null; }}>
              ${t('team.absences', { n: m.absences.length })}</button>
          </div></td>
        </tr>
        ${this.open === m.id ? html`<tr class="absences-row"><td colspan=${money ? 8 : 6}>${this.absences(m)}</td></tr>` : nothing}`;
      })}</tbody></table></div>`;
  }

  absences(member) {
    const money = this.managesMoney;
    const form = this.form && this.form.member?.id === member.id && this.form.kind !== 'edit' ? this.form : null;
    return html`<div class="absences" data-testid="absences" data-member=${member.id}>
      ${member.absences.length === 0 ? html`<p class="muted">${t('team.noAbsence')}</p>` : html`<ul>
        ${member.absences.map((a) => html`<li data-absence=${a.id}>
          <span>${t(`team.kind.${a.kind}`)} · ${formatDate(a.from)} → ${formatDate(a.to)}${a.note ? ` · ${a.note}` : ''}</span>
          ${money ? html`<button type="button" class="small" data-action="edit-absence"
              @click=${() => this.openForm('editAbsence', member, a)}>${t('team.edit')}</button>
            <button type="button" class="secondary small" data-action="remove-absence"
              @click=${() => this.openForm('removeAbsence', member, a)}>${t('team.remove')}</button>` : nothing}
        </li>`)}</ul>`}
      ${money && !form ? html`<button type="button" class="secondary small" data-testid="add-absence"
        @click=${() => this.openForm('addAbsence', member)}>${t('team.addAbsence')}</button>` : nothing}
      ${form ? this.absenceForm() : nothing}
    </div>`;
  }

  field(name, type, label, extra = {}) {
    const { fields, errors } = this.form;
    const errorName = extra.error || name;
    const id = `team-${errorName}-error`;
    return html`<label>${label}
      <input name=${name} type=${type} .value=${fields[name]} aria-describedby=${id}
        @input=${(e) => { this.form = { ...this.form, fields: { ...this.form.fields, [name]: e.target.value } }; }}
        inputmode=${extra.inputmode ?? nothing} maxlength=${extra.maxlength ?? nothing}>
      ${fieldErrors(errors, errorName, id)}</label>`;
  }

  footer(submitKey) {
    const { busy, stale, errors } = this.form;
    return html`
      ${fieldErrors(errors, 'id', 'team-id-error')}${fieldErrors(errors, 'version', 'team-version-error')}
      ${fieldErrors(errors, 'teamMemberId', 'team-member-error')}${fieldErrors(errors, 'form', 'team-form-error')}
      ${stale ? html`<p class="error" role="alert" data-testid="stale">${t('team.stale')}
        <button type="button" class="secondary small" @click=${() => { this.form = null; this.load(); }}>${t('team.reload')}</button></p>` : nothing}
      <div class="buttons">
        <button type="submit" ?disabled=${busy || stale} data-testid="team-submit">${busy ? t('team.sending') : t(submitKey)}</button>
        <button type="button" class="secondary" @click=${() => { this.form = null; }}>${t('clients.cancel')}</button>
      </div>`;
  }

  memberForm() {
    const { kind, member, busy } = this.form;
    return html`<form class="action-form" novalidate data-testid="member-form" data-kind=${kind} aria-busy=${busy ? 'true' : 'false'}
        @submit=${(e) => { e.preventDefault(); this.submit(); }}>
      <h2>${kind === 'create' ? t('team.form.create') : t('team.form.edit', { name: member.name })}</h2>
      ${this.field('name', 'text', t('team.name'), { maxlength: 200 })}
      ${this.field('jobTitle', 'text', t('team.jobTitle'), { maxlength: 200 })}
      ${this.field('fte', 'text', t('team.fte'), { inputmode: 'decimal' })}
      ${this.field('cost', 'text', t('team.cost'), { inputmode: 'decimal', error: 'monthlyLoadedCost' })}
      ${this.field('rate', 'text', t('team.rate'), { inputmode: 'decimal', error: 'dailyBillRate' })}
      ${this.field('startDate', 'date', t('team.start'))}
      ${this.field('endDate', 'date', t('team.end'))}
      <p class="muted">${t('team.datesHint')}</p>
      ${this.footer(`team.submit.${kind}`)}
    </form>`;
  }

  absenceForm() {
    const { kind, absence, fields, errors, busy } = this.form;
    return html`<form class="action-form" novalidate data-testid="absence-form" data-kind=${kind} aria-busy=${busy ? 'true' : 'false'}
        @submit=${(e) => { e.preventDefault(); this.submit(); }}>
      <h2>${t(`team.form.${kind}`)}</h2>
      ${kind === 'removeAbsence' ? html`<p>${t('team.removeConfirm', { from: formatDate(absence.from), to: formatDate(absence.to) })}</p>` : html`
        <label>${t('team.kind')}<select name="kind" aria-describedby="team-kind-error"
          @change=${(e) => { this.form = { ...this.form, fields: { ...fields, kind: e.target.value } }; }}>
          ${KINDS.map((k) => html`<option value=${k} ?selected=${k === fields.kind}>${t(`team.kind.${k}`)}</option>`)}
        </select>${fieldErrors(errors, 'kind', 'team-kind-error')}</label>
        ${this.field('from', 'date', t('team.absenceFrom'))}
        ${this.field('to', 'date', t('team.absenceTo'))}
        ${this.field('note', 'text', t('team.note'), { maxlength: 500 })}`}
      ${this.footer(`team.submit.${kind}`)}
    </form>`;
  }
}

customElements.define('cordee-team', CordeeTeam);
