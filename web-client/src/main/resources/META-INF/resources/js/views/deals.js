import { html, nothing } from 'lit';
import { gql, gqlAll } from '../graphql.js';
import { CordeeElement, loading, failure, stylesheet } from '../ui.js';
import { t, formatDate, formatMoney, formatMonth, formatNumber, formatPercent, addMessages } from '../i18n.js';
import { todayIso } from '../clock.js';
import { toMinor } from '../widgets.js';
import words from './deals.words.js';

addMessages(words);
await stylesheet('/js/views/deals.css');

// The sales pipeline (issue 17, ADR 53 and 55): #/deals, OWNER and FINANCE. Deals by stage with their weighted
// value, a form to create or change one, its stage moves, winning it into a project, and the team's capacity
// month by month: booked, weighted pipeline and what is left.
const MONEY = 'amount amountMinor currency';
const DEAL_FIELDS = `id name client { id name } prospectName prospectSegment expectedFee { ${MONEY} } probabilityPercent
  expectedStart duration durationUnit expectedEnd billingPlan { depositPercent monthlyInArrears milestones { label date sharePercent } }
  staffingNeed { member { id name } sharePercent } stage project { id name } version`;
const DEALS = `query Deals($after: String) { deals(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor }
  nodes { ${DEAL_FIELDS} } } }`;
const CHOICES = '{ clients(first: 100) { nodes { id name } } teamMembers(first: 100) { nodes { id name } } }';
const CAPACITY = `query PipelineCapacity($from: String!) { pipelineCapacity(from: $from, months: 6) {
  month capacityDays bookedDays weightedPipelineDays availableDays } }`;
const CREATE = `mutation($input: CreateDealInput!) { createDeal(input: $input) { deal { ${DEAL_FIELDS} } userErrors { field message code } } }`;
const UPDATE = `mutation($input: UpdateDealInput!) { updateDeal(input: $input) { deal { ${DEAL_FIELDS} } userErrors { field message code } } }`;
const MOVE = `mutation($input: MoveDealInput!) { moveDeal(input: $input) { deal { id stage version } userErrors { field message code } } }`;
const WIN = `mutation($input: WinDealInput!) { winDeal(input: $input) { project { id name } userErrors { field message code } } }`;

const STAGES = ['LEAD', 'PROPOSAL', 'WON', 'LOST'];
const SEGMENTS = ['STARTUP', 'SME', 'ENTERPRISE', 'PUBLIC'];

const int = (text) => (/^-?\d+$/.test(String(text).trim()) ? Number(text) : null);

/**
 * The weighted value of a deal as the forecast "with pipeline" counts it (ADR 53): fee × probability / 100,
 * rounded down to the cent.
 */
export function weightedValue(deal) {
  if (!deal.expectedFee) return null;
  const minor = Math.floor((Number(deal.expectedFee.amountMinor) * deal.probabilityPercent) / 100);
  return { amount: (minor / 100).toFixed(2), amountMinor: minor, currency: deal.expectedFee.currency };
}

/** A userError's field as a dotted path without the input's nesting: "milestones.0.date", "expectedFee". */
const pathOf = (error) => (error.field || []).filter((f) => f !== 'input' && f !== 'billingPlan').join('.')
  .replace(/\[(\d+)\]/g, '.$1');

class Deals extends CordeeElement {
  static properties = {
    deals: { state: true }, choices: { state: true }, capacity: { state: true }, error: { state: true },
    form: { state: true }, busy: { state: true }, errors: { state: true }, conflict: { state: true },
    done: { state: true }, acting: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    this.error = null;
    this.conflict = false;
    try {
      const [deals, choices, capacity] = await Promise.all([gqlAll(DEALS, {}, 'deals'), this.choices ?? gql(CHOICES),
        gql(CAPACITY, { from: todayIso().slice(0, 7) })]);
      this.deals = deals.deals.nodes;
      this.choices = choices;
      this.capacity = capacity.pipelineCapacity;
    } catch (e) {
      this.error = e.message;
    }
  }

  open(deal) {
    this.done = null;
    this.errors = [];
    this.conflict = false;
    const plan = deal?.billingPlan;
    this.form = deal ? {
      id: deal.id, version: deal.version, name: deal.name, who: deal.client ? deal.client.id : 'PROSPECT',
      prospectName: deal.prospectName ?? '', prospectSegment: deal.prospectSegment ?? 'SME',
      fee: deal.expectedFee?.amount ?? '', probability: String(deal.probabilityPercent), start: deal.expectedStart,
      duration: String(deal.duration), unit: deal.durationUnit, deposit: String(plan?.depositPercent ?? 0),
      monthly: Boolean(plan?.monthlyInArrears),
      milestones: (plan?.milestones ?? []).map((m) => ({ label: m.label, date: m.date, sharePercent: String(m.sharePercent) })),
      staffing: deal.staffingNeed.filter((n) => n.member).map((n) => ({ memberId: n.member.id, sharePercent: String(n.sharePercent) })),
    } : {
      name: '', who: 'PROSPECT', prospectName: '', prospectSegment: 'SME', fee: '', probability: '50', start: todayIso(),
      duration: '3', unit: 'MONTHS', deposit: '30', monthly: true, milestones: [], staffing: [],
    };
    this.updateComplete.then(() => this.querySelector('[name=name]')?.focus());
  }

  set(field, value) {
    this.form = { ...this.form, [field]: value };
  }

  setItem(list, index, field, value) {
    this.set(list, this.form[list].map((item, i) => (i === index ? { ...item, [field]: value } : item)));
  }

  input() {
    const f = this.form;
    const minor = toMinor(f.fee);
    const local = [];
    if (minor === null) local.push({ field: ['expectedFee'], message: t('deals.feeFormat') });
    if (int(f.probability) === null) local.push({ field: ['probabilityPercent'], message: t('deals.wholeNumber') });
    if (int(f.duration) === null) local.push({ field: ['duration'], message: t('deals.wholeNumber') });
    if (int(f.deposit) === null) local.push({ field: ['depositPercent'], message: t('deals.wholeNumber') });
    if (local.length) return { local };
    const input = {
      name: f.name, expectedFee: { amountMinor: minor }, probabilityPercent: int(f.probability), expectedStart: f.start || null,
      duration: int(f.duration), durationUnit: f.unit,
      billingPlan: { depositPercent: int(f.deposit), monthlyInArrears: f.monthly,
        milestones: f.monthly ? [] : f.milestones.map((m) => ({ label: m.label, date: m.date || null, sharePercent: int(m.sharePercent) ?? 0 })) },
      staffingNeed: f.staffing.filter((n) => n.memberId).map((n) => ({ teamMemberId: n.memberId, sharePercent: int(n.sharePercent) ?? 0 })),
    };
    if (f.who === 'PROSPECT') Object.assign(input, { prospectName: f.prospectName, prospectSegment: f.prospectSegment });
    else input.clientId = f.who;
    if (f.id) Object.assign(input, { id: f.id, version: f.version });
    return { input };
  }

  async submit() {
    const { input, local } = this.input();
    if (local) {
      this.errors = local;
      return;
    }
    this.busy = true;
    this.errors = [];
    try {
      const key = this.form.id ? 'updateDeal' : 'createDeal';
      const answer = (await gql(this.form.id ? UPDATE : CREATE, { input }))[key];
      if (answer.userErrors.length) {
        this.conflict = answer.userErrors.some((e) => e.code === 'CONFLICT');
        this.errors = answer.userErrors.filter((e) => e.code !== 'CONFLICT');
        return;
      }
      const name = answer.deal.name;
      this.done = () => html`${t(key === 'createDeal' ? 'deals.created' : 'deals.saved', { name })}`;
      this.form = null;
      await this.load();
    } catch (e) {
      this.errors = [{ field: ['form'], message: e.message }];
    } finally {
      this.busy = false;
    }
  }

  /** Moves a deal (LEAD ⇄ PROPOSAL, LOST) or wins it; a stale version says so instead of acting. */
  async act(deal, stage) {
    this.done = null;
    this.acting = deal.id;
    this.conflict = false;
    try {
      const win = stage === 'WON';
      const answer = win ? (await gql(WIN, { input: { id: deal.id, version: deal.version } })).winDeal
        : (await gql(MOVE, { input: { id: deal.id, version: deal.version, stage } })).moveDeal;
      if (answer.userErrors.length) {
        this.conflict = answer.userErrors.some((e) => e.code === 'CONFLICT');
        const other = answer.userErrors.filter((e) => e.code !== 'CONFLICT').map((e) => e.message).join(' ');
        if (other) this.done = () => html`<span class="error">${deal.name}: ${other}</span>`;
        return;
      }
      const project = win ? answer.project : null;
      this.done = () => (project
        ? html`${t('deals.won', { name: deal.name })} <a href=${`#/projects/${encodeURIComponent(project.id)}`}
            data-testid="won-project">${t('deals.openProject', { project: project.name })}</a>`
        : html`${t('deals.moved', { name: deal.name, stage: t(`deals.stage.${stage}`) })}`);
      await this.load();
    } catch (e) {
      this.done = () => html`<span class="error">${e.message}</span>`;
    } finally {
      this.acting = null;
    }
  }

  render() {
    if (this.error) return failure(this.error, () => this.load());
    if (!this.deals) return loading();
    return html`
      <section class="card deals" data-testid="deals">
        <div class="page-head"><h1 class="page-title">${t('deals.title')}</h1>
          ${this.form ? nothing : html`<button type="button" data-testid="new-deal" @click=${() => this.open(null)}>${t('deals.new')}</button>`}</div>
        <p class="muted">${t('deals.intro')}</p>
        ${this.done ? html`<p class="success" role="status" data-testid="deals-done">${this.done()}</p>` : nothing}
        ${this.conflict ? html`<div class="notice conflict" role="alert" data-testid="conflict">
          <span>${t('deals.conflict')}</span>
          <button type="button" class="secondary small" @click=${() => { this.form = null; this.load(); }}>${t('deals.reload')}</button></div>` : nothing}
        ${this.form ? this.formView() : nothing}
        ${STAGES.map((stage) => this.stageTable(stage, this.deals.filter((d) => d.stage === stage)))}
      </section>
      ${this.capacityView()}`;
  }

  stageTable(stage, deals) {
    const open = stage === 'LEAD' || stage === 'PROPOSAL';
    const total = deals.reduce((sum, d) => sum + (weightedValue(d)?.amountMinor ?? 0), 0);
    const currency = deals.find((d) => d.expectedFee)?.expectedFee.currency;
    return html`<section class="deal-stage" data-stage=${stage} aria-labelledby=${`stage-${stage}`}>
      <h2 id=${`stage-${stage}`}>${t(`deals.stage.${stage}`)} <span class="muted">(${deals.length})</span>
        ${open && currency ? html`<span class="badge" data-testid="stage-weighted">${t('deals.weightedTotal',
          { amount: formatMoney({ amount: total / 100, currency }) })}</span>` : nothing}</h2>
      ${deals.length === 0 ? html`<p class="muted">${t('deals.none')}</p>` : html`<div class="scroll"><table class="deals-table">
        <thead><tr><th>${t('deals.name')}</th><th class="num hide-phone">${t('deals.fee')}</th><th class="num">${t('deals.probability')}</th>
          <th class="hide-phone">${t('deals.start')}</th><th class="num">${t('deals.weighted')}</th><th>${t('deals.actions')}</th></tr></thead>
        <tbody>${deals.map((d) => html`<tr data-deal=${d.id}>
          <td><strong>${d.name}</strong><span class="muted small-line">${d.client ? d.client.name
            : html`${d.prospectName} · ${t(`segment.${d.prospectSegment}`)}`}</span></td>
          <td class="num hide-phone" data-testid="deal-fee">${formatMoney(d.expectedFee)}</td>
          <td class="num" data-testid="deal-probability">${formatPercent(d.probabilityPercent / 100)}</td>
          <td class="hide-phone">${formatDate(d.expectedStart)}<span class="muted small-line">${t(`deals.for.${d.durationUnit}`, { n: d.duration })}</span></td>
          <td class="num" data-testid="deal-weighted">${formatMoney(weightedValue(d), { cents: true })}</td>
          <td><div class="actions" aria-busy=${this.acting === d.id ? 'true' : 'false'}>
            ${open ? html`<button type="button" class="secondary small" data-action="edit" ?disabled=${this.acting}
              @click=${() => this.open(d)}>${t('deals.edit')}</button>` : nothing}
            ${stage === 'LEAD' ? html`<button type="button" class="small" data-action="PROPOSAL" ?disabled=${this.acting}
              @click=${() => this.act(d, 'PROPOSAL')}>${t('deals.toProposal')}</button>` : nothing}
            ${stage === 'PROPOSAL' ? html`<button type="button" class="small" data-action="WON" ?disabled=${this.acting}
              @click=${() => this.act(d, 'WON')}>${t('deals.win')}</button>
              <button type="button" class="secondary small" data-action="LEAD" ?disabled=${this.acting}
              @click=${() => this.act(d, 'LEAD')}>${t('deals.toLead')}</button>` : nothing}
            ${open ? html`<button type="button" class="secondary small" data-action="LOST" ?disabled=${this.acting}
              @click=${() => this.act(d, 'LOST')}>${t('deals.lose')}</button>` : nothing}
            ${d.project ? html`<a href=${`#/projects/${encodeURIComponent(d.project.id)}`} data-testid="deal-project">${d.project.name}</a>` : nothing}
          </div></td></tr>`)}</tbody></table></div>`}
    </section>`;
  }

  fieldError(path) {
    const messages = (this.errors || []).filter((e) => pathOf(e) === path).map((e) => e.message);
    return messages.length ? html`<span class="field-error" id=${`deal-err-${path}`} data-testid=${`error-${path}`}>${messages.join(' ')}</span>` : nothing;
  }

  field(path, label, value, onInput, { type = 'text', inputmode, min, max, name = path } = {}) {
    const invalid = (this.errors || []).some((e) => pathOf(e) === path);
    return html`<label>${label}<input name=${name} type=${type} .value=${value ?? ''} autocomplete="off"
      inputmode=${inputmode ?? nothing} min=${min ?? nothing} max=${max ?? nothing} aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby=${`deal-err-${path}`} @input=${(e) => onInput(e.target.value)}>${this.fieldError(path)}</label>`;
  }

  formView() {
    const f = this.form;
    const clients = this.choices?.clients.nodes ?? [];
    const members = this.choices?.teamMembers.nodes ?? [];
    const shown = ['name', 'clientId', 'prospectName', 'prospectSegment', 'expectedFee', 'probabilityPercent', 'expectedStart',
      'duration', 'durationUnit', 'depositPercent', 'monthlyInArrears', 'milestones',
      ...f.milestones.flatMap((_, i) => ['label', 'date', 'sharePercent'].map((x) => `milestones.${i}.${x}`)),
      'staffingNeed', ...f.staffing.flatMap((_, i) => ['teamMemberId', 'sharePercent'].map((x) => `staffingNeed.${i}.${x}`))];
    const other = (this.errors || []).filter((e) => !shown.includes(pathOf(e)));
    return html`<form class="deal-form" novalidate data-testid="deal-form" aria-busy=${this.busy ? 'true' : 'false'}
      @submit=${(e) => { e.preventDefault(); this.submit(); }}>
      <h2>${f.id ? t('deals.editTitle', { name: f.name }) : t('deals.new')}</h2>
      ${this.field('name', t('deals.name'), f.name, (v) => this.set('name', v))}
      <label>${t('deals.client')}<select name="clientId" @change=${(e) => this.set('who', e.target.value)}
        aria-describedby="deal-err-clientId">
        <option value="PROSPECT" ?selected=${f.who === 'PROSPECT'}>${t('deals.prospect')}</option>
        ${clients.map((c) => html`<option value=${c.id} ?selected=${c.id === f.who}>${c.name}</option>`)}
      </select>${this.fieldError('clientId')}</label>
      ${f.who === 'PROSPECT' ? html`<div class="row">
        ${this.field('prospectName', t('deals.prospectName'), f.prospectName, (v) => this.set('prospectName', v))}
        <label>${t('deals.segment')}<select name="prospectSegment" @change=${(e) => this.set('prospectSegment', e.target.value)}>
          ${SEGMENTS.map((s) => html`<option value=${s} ?selected=${s === f.prospectSegment}>${t(`segment.${s}`)}</option>`)}
        </select>${this.fieldError('prospectSegment')}</label></div>` : nothing}
      <div class="row">
        ${this.field('expectedFee', t('deals.fee'), f.fee, (v) => this.set('fee', v), { inputmode: 'decimal' })}
        ${this.field('probabilityPercent', t('deals.probabilityPercent'), f.probability, (v) => this.set('probability', v),
          { type: 'number', min: 0, max: 100 })}
      </div>
      <div class="row">
        ${this.field('expectedStart', t('deals.start'), f.start, (v) => this.set('start', v), { type: 'date' })}
        ${this.field('duration', t('deals.duration'), f.duration, (v) => this.set('duration', v), { type: 'number', min: 1 })}
        <label>${t('deals.unit')}<select name="durationUnit" @change=${(e) => this.set('unit', e.target.value)}>
          ${['WEEKS', 'MONTHS'].map((u) => html`<option value=${u} ?selected=${u === f.unit}>${t(`deals.unit.${u}`)}</option>`)}
        </select></label>
      </div>
      <fieldset data-testid="deal-plan"><legend>${t('deals.plan')}</legend>
        ${this.field('depositPercent', t('deals.deposit'), f.deposit, (v) => this.set('deposit', v), { type: 'number', min: 0, max: 100 })}
        <label class="check"><input type="checkbox" name="monthlyInArrears" .checked=${f.monthly}
          @change=${(e) => this.set('monthly', e.target.checked)}> ${t('deals.monthly')}</label>
        ${this.fieldError('monthlyInArrears')}${this.fieldError('milestones')}
        ${f.monthly ? nothing : html`${f.milestones.map((m, i) => html`<div class="row milestone" data-testid="deal-milestone">
            ${this.field(`milestones.${i}.label`, t('deals.milestone'), m.label, (v) => this.setItem('milestones', i, 'label', v))}
            ${this.field(`milestones.${i}.date`, t('deals.milestoneDate'), m.date, (v) => this.setItem('milestones', i, 'date', v), { type: 'date' })}
            ${this.field(`milestones.${i}.sharePercent`, t('deals.share'), m.sharePercent, (v) => this.setItem('milestones', i, 'sharePercent', v), { type: 'number', min: 1, max: 100 })}
            <button type="button" class="secondary small" @click=${() => this.set('milestones', f.milestones.filter((_, j) => j !== i))}>${t('deals.remove')}</button>
          </div>`)}
          <button type="button" class="secondary small" data-testid="add-milestone"
            @click=${() => this.set('milestones', [...f.milestones, { label: '', date: '', sharePercent: '' }])}>${t('deals.addMilestone')}</button>`}
      </fieldset>
      <fieldset data-testid="deal-staffing"><legend>${t('deals.staffing')}</legend>
        ${this.fieldError('staffingNeed')}
        ${f.staffing.map((n, i) => html`<div class="row">
          <label>${t('deals.member')}<select name=${`staffingNeed.${i}.teamMemberId`} aria-describedby=${`deal-err-staffingNeed.${i}.teamMemberId`}
            @change=${(e) => this.setItem('staffing', i, 'memberId', e.target.value)}>
            <option value="">—</option>
            ${members.map((m) => html`<option value=${m.id} ?selected=${m.id === n.memberId}>${m.name}</option>`)}
          </select>${this.fieldError(`staffingNeed.${i}.teamMemberId`)}</label>
          ${this.field(`staffingNeed.${i}.sharePercent`, t('deals.share'), n.sharePercent, (v) => this.setItem('staffing', i, 'sharePercent', v), { type: 'number', min: 1, max: 100 })}
          <button type="button" class="secondary small" @click=${() => this.set('staffing', f.staffing.filter((_, j) => j !== i))}>${t('deals.remove')}</button>
        </div>`)}
        <button type="button" class="secondary small" data-testid="add-need"
          @click=${() => this.set('staffing', [...f.staffing, { memberId: '', sharePercent: '50' }])}>${t('deals.addNeed')}</button>
      </fieldset>
      ${other.length ? html`<p class="error" role="alert" data-testid="deal-other-errors">${other.map((e) => e.message).join(' ')}</p>` : nothing}
      <div class="buttons">
        <button type="submit" ?disabled=${this.busy || this.conflict} data-testid="deal-submit">${this.busy ? t('deals.sending') : t('deals.save')}</button>
        <button type="button" class="secondary" @click=${() => { this.form = null; this.errors = []; }}>${t('clients.cancel')}</button>
      </div>
    </form>`;
  }

  capacityView() {
    const rows = this.capacity ?? [];
    const days = (n) => formatNumber(n, 1);
    return html`<section class="card" data-testid="pipeline-capacity" aria-labelledby="pipeline-capacity-title">
      <h2 id="pipeline-capacity-title">${t('deals.capacity')}</h2>
      <p class="muted small">${t('deals.capacityHint')}</p>
      <div class="scroll"><table class="capacity-table">
        <thead><tr><th>${t('deals.month')}</th><th class="num">${t('deals.capacityDays')}</th><th class="num">${t('deals.booked')}</th>
          <th class="num">${t('deals.pipelineDays')}</th><th class="num">${t('deals.available')}</th></tr></thead>
        <tbody>${rows.map((m) => html`<tr data-month=${m.month}>
          <th scope="row">${formatMonth(m.month)}</th><td class="num">${days(m.capacityDays)}</td><td class="num">${days(m.bookedDays)}</td>
          <td class="num" data-testid="pipeline-days">${days(m.weightedPipelineDays)}</td>
          <td class=${`num ${m.availableDays < 0 ? 'error' : ''}`} data-testid="available-days">${days(m.availableDays)}</td></tr>`)}</tbody>
      </table></div></section>`;
  }
}

customElements.define('cordee-deals', Deals);
