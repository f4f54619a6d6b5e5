import { html, nothing } from 'lit';
import { gql, gqlAll } from '../graphql.js';
import { CordeeElement, loading, failure } from '../ui.js';
import { t, formatDate, formatMoney, addMessages } from '../i18n.js';
import { MONEY } from './relationship-parts.js';
import words from './projects.words.js';

addMessages(words);

// Projects (issue 15, point 2): #/projects lists them, #/projects/<id> edits one and, for OWNER and FINANCE,
// its billing plan with a preview of what the plan does before it is saved; #/projects/new/<clientId> creates one.
const STATUSES = ['PROSPECT', 'PLANNED', 'ACTIVE', 'ON_HOLD', 'DELIVERED', 'CANCELLED'];
const PROJECT_FIELDS = `id name status startDate launchDate communicationPlanDate feeBudget { ${MONEY} } paymentTermsDays
  version client { id name }`;
const PLAN_FIELDS = 'depositPercent monthlyInArrears milestones { label date sharePercent } version';
const LIST = `query Projects($money: Boolean!, $after: String) { projects(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { ${PROJECT_FIELDS}
  billingPlan @include(if: $money) { version } } } }`;
const PROJECT = `query Project($id: ID!, $money: Boolean!) { node(id: $id) { ... on Project { ${PROJECT_FIELDS}
  billingPlan @include(if: $money) { ${PLAN_FIELDS} } } } }`;
const CLIENTS = '{ clients(first: 100) { nodes { id name } } }';
const CREATE = `mutation($input: CreateProjectInput!) { createProject(input: $input) {
  project { ${PROJECT_FIELDS} } userErrors { field message code } } }`;
const UPDATE = `mutation($input: UpdateProjectInput!) { updateProject(input: $input) {
  project { ${PROJECT_FIELDS} } userErrors { field message code } } }`;
const PREVIEW = `query($input: PreviewBillingPlanInput!) { previewBillingPlan(input: $input) {
  preview { invoices { label issueDate dueDate expectedPaymentDate amount { ${MONEY} } }
    effect { asOf horizonWeeks lowestBalanceBefore { ${MONEY} } lowestWeekBefore lowestBalanceAfter { ${MONEY} } lowestWeekAfter
      lowestBalanceChange { ${MONEY} } firstWeekBelowThresholdBefore firstWeekBelowThresholdAfter
      peakExposureBefore { ${MONEY} } peakExposureWeekBefore peakExposureAfter { ${MONEY} } peakExposureWeekAfter } }
  userErrors { field message code } } }`;
const SAVE_PLAN = `mutation($input: SetBillingPlanInput!) { setBillingPlan(input: $input) {
  billingPlan { ${PLAN_FIELDS} } userErrors { field message code } } }`;

const isMoneyRole = (role) => role === 'OWNER' || role === 'FINANCE';
/** An input field's path in the server's userErrors, e.g. "milestones.0.date". */
const pathOf = (error) => (error.field || []).join('.');
/** The confirmation a page shows once after it was opened by a save elsewhere (creating a project). */
let flash = null;

/** "1234.5" → 123450 minor units; null when it is not an amount with at most two decimals. */
function toMinor(text) {
  const m = String(text).trim().replace(/\s/g, '').replace(',', '.').match(/^(\d+)(?:\.(\d{1,2}))?$/);
  return m ? Number(m[1]) * 100 + Number((m[2] || '').padEnd(2, '0')) : null;
}

/** Field helpers shared by the two forms: messages next to their field, tied by aria-describedby. */
class FormElement extends CordeeElement {
  fieldError(path) {
    const messages = (this.errors || []).filter((e) => pathOf(e) === path).map((e) => e.message);
    return messages.length ? html`<span class="field-error" id=${`err-${path}`} data-testid=${`error-${path}`}>${messages.join(' ')}</span>` : nothing;
  }

  invalid(path) {
    return (this.errors || []).some((e) => pathOf(e) === path) ? 'true' : 'false';
  }

  otherErrors(shown) {
    const other = (this.errors || []).filter((e) => !shown.includes(pathOf(e)));
    return other.length ? html`<p class="error" role="alert">${other.map((e) => e.message).join(' ')}</p>` : nothing;
  }

  text(path, value, onInput, { type = 'text', label, inputmode, min, max } = {}) {
    return html`<label>${label}
      <input name=${path} type=${type} .value=${value ?? ''} autocomplete="off" inputmode=${inputmode ?? nothing}
        min=${min ?? nothing} max=${max ?? nothing} aria-invalid=${this.invalid(path)} aria-describedby=${`err-${path}`}
        @input=${(e) => onInput(e.target.value)}>
      ${this.fieldError(path)}</label>`;
  }

  conflictNotice(reload) {
    return html`<div class="notice conflict" role="alert" data-testid="conflict">
      <span>${t('projects.conflict')}</span>
      <button type="button" class="secondary small" @click=${reload}>${t('projects.reload')}</button></div>`;
  }
}

/** #/projects: every project the role may see, with its client, dates and (money roles) fee and whether it has a plan. */
class ProjectList extends CordeeElement {
  static properties = { role: {}, data: { state: true }, error: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    this.error = null;
    try {
      this.data = await gqlAll(LIST, { money: isMoneyRole(this.role) }, 'projects');
    } catch (e) {
      this.error = e.message;
    }
  }

  updated() {
    document.title = `${t('nav.projects')} · Cordée`;
  }

  render() {
    if (this.error) return failure(this.error, () => this.load());
    if (!this.data) return loading();
    const money = isMoneyRole(this.role);
    const projects = this.data.projects.nodes;
    return html`
      <div class="page-head"><h1 class="page-title">${t('nav.projects')}</h1>
        <span class="count">${this.data.projects.totalCount}</span><span class="spacer"></span>
        ${money ? html`<a class="button" href="#/projects/new" data-testid="new-project">${t('projects.new')}</a>` : nothing}</div>
      ${projects.length === 0 ? html`<p class="card muted">${t('clients.noProject')}</p>` : html`
        <div class="card scroll"><table class="projects" data-testid="project-list">
          <thead><tr><th>${t('project.name')}</th><th>${t('projects.client')}</th><th>${t('project.status')}</th>
            <th>${t('project.start')}</th><th>${t('project.launch')}</th>
            <th class="num">${t('project.fee')}</th>${money ? html`<th>${t('projects.plan')}</th>` : nothing}</tr></thead>
          <tbody>${projects.map((p) => html`<tr>
            <td><a href=${`#/projects/${encodeURIComponent(p.id)}`}>${p.name}</a></td>
            <td><a href=${`#/clients/${encodeURIComponent(p.client.id)}`}>${p.client.name}</a></td>
            <td><span class="pill status-${p.status}">${t(`status.${p.status}`)}</span></td>
            <td>${formatDate(p.startDate)}</td><td>${formatDate(p.launchDate)}</td>
            <td class="num">${formatMoney(p.feeBudget)}</td>
            ${money ? html`<td>${p.billingPlan ? t('projects.hasPlan') : t('projects.noPlan')}</td>` : nothing}</tr>`)}
          </tbody></table></div>`}`;
  }
}
customElements.define('cordee-projects', ProjectList);

/**
 * #/projects/<id> or #/projects/new[/<clientId>]: the project form (a LEAD sees the fee and terms but neither
 * changes nor sends them, and creates no project: the server refuses both), then, for OWNER and FINANCE, the
 * billing-plan editor.
 */
class ProjectPage extends FormElement {
  static properties = {
    projectId: {}, role: {}, project: { state: true }, clients: { state: true }, draft: { state: true },
    busy: { state: true }, errors: { state: true }, conflict: { state: true }, failed: { state: true },
    done: { state: true }, error: { state: true },
  };

  get money() {
    return isMoneyRole(this.role);
  }

  get creating() {
    return this.projectId === 'new';
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  willUpdate(changed) {
    if (changed.has('projectId') && changed.get('projectId') !== undefined) this.load();
  }

  async load() {
    // after a creation the same element shows the new project: its confirmation comes along
    this.done = flash;
    flash = null;
    this.draft = null;
    this.error = null;
    this.errors = [];
    this.conflict = false;
    this.project = null;
    try {
      if (this.creating) {
        if (!this.money) return;
        this.clients = (await gql(CLIENTS)).clients.nodes;
        const clientId = decodeURIComponent(location.hash.split('?')[0].split('/')[3] || '');
        this.draft = { clientId: clientId || this.clients[0]?.id || '', name: '', status: 'PLANNED', startDate: '', launchDate: '',
          communicationPlanDate: '', fee: '', paymentTermsDays: '' };
      } else {
        const data = await gql(PROJECT, { id: this.projectId, money: this.money });
        if (!data.node) {
          this.error = t('app.notFound');
          return;
        }
        this.project = data.node;
        this.draft = this.fromProject(data.node);
      }
    } catch (e) {
      this.error = e.message;
    }
  }

  fromProject(p) {
    return { name: p.name, status: p.status, startDate: p.startDate, launchDate: p.launchDate ?? '',
      communicationPlanDate: p.communicationPlanDate ?? '', fee: p.feeBudget.amount, paymentTermsDays: String(p.paymentTermsDays) };
  }

  set(field, value) {
    this.draft = { ...this.draft, [field]: value };
    this.done = null;
  }

  input() {
    const d = this.draft;
    const input = { name: d.name, status: d.status, startDate: d.startDate || null, launchDate: d.launchDate || null,
      communicationPlanDate: d.communicationPlanDate || null };
    if (this.money) {
      input.paymentTermsDays = d.paymentTermsDays === '' ? null : Number(d.paymentTermsDays);
      const minor = toMinor(d.fee);
      input.feeBudget = minor == null ? null : { amountMinor: minor };
    }
    if (this.creating) {
      input.clientId = d.clientId;
    } else {
      input.id = this.project.id;
      input.version = this.project.version;
      if (!input.startDate) delete input.startDate;
    }
    return input;
  }

  async submit(event) {
    event.preventDefault();
    if (this.busy) return;
    this.errors = [];
    this.conflict = false;
    this.failed = null;
    this.done = null;
    if (this.money && toMinor(this.draft.fee) == null) {
      this.errors = [{ field: ['feeBudget'], message: t('projects.amountFormat') }];
      await this.updateComplete;
      this.querySelector('[aria-invalid=true]')?.focus();
      return;
    }
    this.busy = true;
    try {
      const data = await gql(this.creating ? CREATE : UPDATE, { input: this.input() });
      const payload = this.creating ? data.createProject : data.updateProject;
      if (payload.userErrors.length) {
        this.conflict = payload.userErrors.some((e) => e.code === 'CONFLICT');
        this.errors = payload.userErrors.filter((e) => e.code !== 'CONFLICT');
        await this.updateComplete;
        this.querySelector('[aria-invalid=true], .conflict button')?.focus();
        return;
      }
      if (this.creating) {
        flash = t('projects.created', { name: payload.project.name });
        location.hash = `#/projects/${encodeURIComponent(payload.project.id)}`;
        return;
      }
      this.project = { ...payload.project, billingPlan: this.project.billingPlan };
      this.draft = this.fromProject(payload.project);
      this.done = t('projects.saved', { name: payload.project.name });
    } catch (e) {
      this.failed = e.message;
    } finally {
      this.busy = false;
    }
  }

  updated() {
    document.title = `${this.project?.name ?? t('projects.new')} · ${t('nav.projects')} · Cordée`;
  }

  render() {
    const back = html`<a class="back" href=${this.project ? `#/clients/${encodeURIComponent(this.project.client.id)}` : '#/projects'}>
      ← ${this.project ? this.project.client.name : t('nav.projects')}</a>`;
    if (this.creating && !this.money) return html`${back}<p class="card" role="alert" data-testid="not-allowed">${t('app.notAllowed')}</p>`;
    if (this.error) return html`${back}${failure(this.error, () => this.load())}`;
    if (!this.draft) return html`${back}${loading()}`;
    const d = this.draft;
    const title = this.creating ? t('projects.new') : this.project.name;
    const shown = ['name', 'clientId', 'status', 'startDate', 'launchDate', 'communicationPlanDate', 'feeBudget', 'paymentTermsDays'];
    return html`
      ${back}
      <div class="page-head"><h1 class="page-title" data-testid="project-name">${title}</h1>
        ${this.project ? html`<span class="badge">${this.project.client.name}</span>` : nothing}</div>
      <form class="card project-form" novalidate data-testid="project-form" aria-label=${t('projects.formTitle')}
        @submit=${(e) => this.submit(e)}>
        <h2>${t('projects.formTitle')}</h2>
        ${this.conflict ? this.conflictNotice(() => this.load()) : nothing}
        ${this.failed ? html`<p class="error" role="alert">${this.failed}</p>` : nothing}
        ${this.otherErrors(shown)}
        <div class="row">
          ${this.creating ? html`<label>${t('projects.client')}
            <select name="clientId" aria-invalid=${this.invalid('clientId')} aria-describedby="err-clientId"
              @change=${(e) => this.set('clientId', e.target.value)}>
              ${this.clients.map((c) => html`<option value=${c.id} ?selected=${c.id === d.clientId}>${c.name}</option>`)}
            </select>${this.fieldError('clientId')}</label>` : nothing}
          ${this.text('name', d.name, (v) => this.set('name', v), { label: t('project.name') })}
          <label>${t('project.status')}
            <select name="status" aria-invalid=${this.invalid('status')} aria-describedby="err-status"
              @change=${(e) => this.set('status', e.target.value)}>
              ${STATUSES.map((s) => html`<option value=${s} ?selected=${s === d.status}>${t(`status.${s}`)}</option>`)}
            </select>${this.fieldError('status')}</label>
        </div>
        <div class="row">
          ${this.text('startDate', d.startDate, (v) => this.set('startDate', v), { type: 'date', label: t('project.start') })}
          ${this.text('launchDate', d.launchDate, (v) => this.set('launchDate', v), { type: 'date', label: t('project.launch') })}
          ${this.text('communicationPlanDate', d.communicationPlanDate, (v) => this.set('communicationPlanDate', v),
            { type: 'date', label: t('projects.communicationPlan') })}
        </div>
        <div class="row">
          ${this.money ? html`
            ${this.text('feeBudget', d.fee, (v) => this.set('fee', v), { label: t('projects.feeBudget'), inputmode: 'decimal' })}
            ${this.text('paymentTermsDays', d.paymentTermsDays, (v) => this.set('paymentTermsDays', v),
              { type: 'number', label: t('projects.terms'), min: 0 })}`
          : html`<p class="muted" data-testid="lead-money">${t('project.fee')}: ${formatMoney(this.project.feeBudget)} ·
              ${t('clients.terms', { n: this.project.paymentTermsDays })} — ${t('projects.leadMoney')}</p>`}
        </div>
        <div class="actions">
          <button type="submit" data-testid="save-project" ?disabled=${this.busy}>${this.busy ? t('projects.saving')
            : this.creating ? t('projects.create') : t('projects.save')}</button>
          ${this.done ? html`<span class="confirmation" role="status" data-testid="project-saved">${this.done}</span>` : nothing}
        </div>
      </form>
      ${this.money && this.project ? html`<cordee-billing-plan-editor .project=${this.project}
        @plan-saved=${(e) => { this.project = { ...this.project, billingPlan: e.detail.plan }; }}></cordee-billing-plan-editor>` : nothing}
      ${this.project ? html`<cordee-project-timesheet .projectId=${this.project.id} .role=${this.role}></cordee-project-timesheet>` : nothing}`;
  }
}
customElements.define('cordee-project-page', ProjectPage);

/**
 * The billing plan of one project (OWNER and FINANCE): a deposit, then milestones (a deliverable or a stage,
 * its date and its share; deposit + shares must make 100 %, counted live as you type) or the rest monthly in
 * arrears. "Preview" asks the server's scenario engine what the plan would generate and do to the agency's
 * lowest forecast balance and the client's peak exposure, writing nothing; the plan is saved only once the
 * preview of exactly what is on screen has been shown.
 */
class BillingPlanEditor extends FormElement {
  static properties = {
    project: { attribute: false }, draft: { state: true }, preview: { state: true }, busy: { state: true },
    errors: { state: true }, conflict: { state: true }, failed: { state: true }, done: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    this.reset();
  }

  reset() {
    const plan = this.project.billingPlan;
    this.draft = {
      depositPercent: String(plan?.depositPercent ?? 0),
      monthly: plan?.monthlyInArrears ?? false,
      milestones: (plan?.milestones ?? []).map((m) => ({ label: m.label, date: m.date, sharePercent: String(m.sharePercent) })),
    };
    if (!plan) this.draft.milestones = [{ label: '', date: '', sharePercent: '100' }];
    this.preview = null;
    this.errors = [];
    this.conflict = false;
  }

  change(next) {
    this.draft = { ...this.draft, ...next };
    this.preview = null; // what is on screen is no longer what was previewed
    this.done = null;
  }

  setMilestone(index, field, value) {
    this.change({ milestones: this.draft.milestones.map((m, i) => (i === index ? { ...m, [field]: value } : m)) });
  }

  addMilestone() {
    this.change({ milestones: [...this.draft.milestones, { label: '', date: '', sharePercent: '' }] });
    this.updateComplete.then(() => this.querySelector(`[name="milestones.${this.draft.milestones.length - 1}.label"]`)?.focus());
  }

  removeMilestone(index) {
    this.change({ milestones: this.draft.milestones.filter((_, i) => i !== index) });
  }

  /** Deposit + milestones, as typed; null when a share is not a whole number. */
  get total() {
    const parts = [this.draft.depositPercent, ...this.draft.milestones.map((m) => m.sharePercent)];
    if (parts.some((p) => !/^\d+$/.test(String(p).trim()))) return null;
    return parts.reduce((sum, p) => sum + Number(p), 0);
  }

  plan() {
    const d = this.draft;
    const int = (v) => (/^-?\d+$/.test(String(v).trim()) ? Number(v) : null);
    return {
      projectId: this.project.id,
      depositPercent: int(d.depositPercent) ?? 0,
      monthlyInArrears: d.monthly,
      milestones: d.monthly ? [] : d.milestones.map((m) => ({ label: m.label, date: m.date || null, sharePercent: int(m.sharePercent) ?? 0 })),
    };
  }

  async send(kind) {
    if (this.busy) return;
    this.busy = kind;
    this.errors = [];
    this.conflict = false;
    this.failed = null;
    this.done = null;
    try {
      if (kind === 'preview') {
        const payload = (await gql(PREVIEW, { input: this.plan() })).previewBillingPlan;
        this.errors = payload.userErrors;
        this.preview = payload.preview;
      } else {
        const plan = this.project.billingPlan;
        const input = { ...this.plan(), version: plan ? plan.version : null };
        const payload = (await gql(SAVE_PLAN, { input })).setBillingPlan;
        if (payload.userErrors.length) {
          this.conflict = payload.userErrors.some((e) => e.code === 'CONFLICT');
          this.errors = payload.userErrors.filter((e) => e.code !== 'CONFLICT');
        } else {
          const count = this.preview.invoices.length;
          this.dispatchEvent(new CustomEvent('plan-saved', { detail: { plan: payload.billingPlan }, bubbles: true }));
          this.preview = null;
          this.done = t('plan.saved', { n: count });
        }
      }
    } catch (e) {
      this.failed = e.message;
    } finally {
      this.busy = false;
    }
    if (this.errors.length || this.conflict) {
      await this.updateComplete;
      this.querySelector('.plan-form [aria-invalid=true], .plan-form .conflict button')?.focus();
    }
  }

  async reload() {
    const data = await gql(PROJECT, { id: this.project.id, money: true });
    this.dispatchEvent(new CustomEvent('plan-saved', { detail: { plan: data.node.billingPlan }, bubbles: true }));
    this.project = data.node;
    this.reset();
  }

  render() {
    const d = this.draft;
    const total = this.total;
    const shown = ['depositPercent', 'monthlyInArrears', 'milestones',
      ...d.milestones.flatMap((_, i) => ['label', 'date', 'sharePercent'].map((f) => `milestones.${i}.${f}`))];
    return html`
      <form class="card plan-form" novalidate data-testid="plan-form" aria-labelledby="plan-title"
        @submit=${(e) => { e.preventDefault(); this.send('preview'); }}>
        <h2 id="plan-title">${t('plan.title')}</h2>
        <p class="muted small">${t('plan.help', { fee: formatMoney(this.project.feeBudget) })}</p>
        ${this.conflict ? this.conflictNotice(() => this.reload()) : nothing}
        ${this.failed ? html`<p class="error" role="alert">${this.failed}</p>` : nothing}
        ${this.otherErrors(shown)}
        <div class="row">
          ${this.text('depositPercent', d.depositPercent, (v) => this.change({ depositPercent: v }),
            { type: 'number', label: t('plan.deposit'), min: 0, max: 100 })}
          <fieldset class="plan-mode"><legend>${t('plan.rest')}</legend>
            <label class="inline"><input type="radio" name="mode" value="milestones" .checked=${!d.monthly}
              @change=${() => this.change({ monthly: false })}> ${t('plan.byMilestones')}</label>
            <label class="inline"><input type="radio" name="mode" value="monthly" .checked=${d.monthly}
              data-testid="plan-monthly" @change=${() => this.change({ monthly: true })}> ${t('plan.monthly')}</label>
            ${this.fieldError('monthlyInArrears')}
          </fieldset>
        </div>
        ${d.monthly ? html`<p class="muted small">${t('plan.monthlyHelp')}</p>` : html`
          <fieldset data-testid="milestones">
            <legend>${t('plan.milestones')}</legend>
            <p data-testid="plan-total" aria-live="polite" data-total=${total ?? ''}
              class=${total === 100 ? 'small' : 'small field-error'}>${total == null ? t('plan.totalUnknown')
                : total === 100 ? t('plan.totalOk') : t('plan.totalOff', { n: total })}</p>
            ${this.fieldError('milestones')}
            ${d.milestones.map((m, i) => html`
              <div class="milestone" data-testid="milestone">
                ${this.text(`milestones.${i}.label`, m.label, (v) => this.setMilestone(i, 'label', v), { label: t('plan.milestoneLabel') })}
                ${this.text(`milestones.${i}.date`, m.date, (v) => this.setMilestone(i, 'date', v), { type: 'date', label: t('plan.milestoneDate') })}
                ${this.text(`milestones.${i}.sharePercent`, m.sharePercent, (v) => this.setMilestone(i, 'sharePercent', v),
                  { type: 'number', label: t('plan.share'), min: 1, max: 100 })}
                <button type="button" class="danger small" aria-label="${t('plan.remove')} ${i + 1}"
                  @click=${() => this.removeMilestone(i)}>${t('plan.remove')}</button>
              </div>`)}
            <div><button type="button" class="secondary small" data-testid="add-milestone" @click=${() => this.addMilestone()}>
              ${t('plan.add')}</button></div>
          </fieldset>`}
        <div class="actions">
          <button type="submit" class="secondary" data-testid="preview-plan" ?disabled=${!!this.busy}>
            ${this.busy === 'preview' ? t('plan.previewing') : t('plan.preview')}</button>
          <button type="button" data-testid="save-plan" ?disabled=${!!this.busy || !this.preview}
            @click=${() => this.send('save')}>${this.busy === 'save' ? t('projects.saving') : t('plan.save')}</button>
          ${!this.preview && !this.done ? html`<span class="muted small">${t('plan.previewFirst')}</span>` : nothing}
          ${this.done ? html`<span class="confirmation" role="status" data-testid="plan-saved">${this.done}</span>` : nothing}
        </div>
        ${this.preview ? this.previewView(this.preview) : nothing}
      </form>`;
  }

  previewView(p) {
    const e = p.effect;
    const change = e ? Number(e.lowestBalanceChange.amountMinor) : 0;
    const signed = (m) => `${Number(m.amountMinor) > 0 ? '+' : ''}${formatMoney(m)}`;
    return html`
      <section class="plan-preview" data-testid="plan-preview" aria-labelledby="preview-title">
        <h3 id="preview-title">${t('plan.previewTitle')}</h3>
        <div class="scroll"><table class="invoices" data-testid="preview-invoices">
          <thead><tr><th>${t('invoice.label')}</th><th>${t('plan.issue')}</th><th>${t('invoice.due')}</th>
            <th>${t('plan.expected')}</th><th class="num">${t('invoice.amount')}</th></tr></thead>
          <tbody>${p.invoices.map((i) => html`<tr data-amount=${i.amount.amountMinor}>
            <td>${i.label}</td><td>${formatDate(i.issueDate)}</td><td>${formatDate(i.dueDate)}</td>
            <td>${formatDate(i.expectedPaymentDate)}</td><td class="num">${formatMoney(i.amount, { cents: true })}</td></tr>`)}
          </tbody></table></div>
        ${e ? html`<dl class="plan-effect">
          <div data-testid="preview-lowest" data-before=${e.lowestBalanceBefore.amountMinor} data-after=${e.lowestBalanceAfter.amountMinor}
            data-change=${e.lowestBalanceChange.amountMinor}>
            <dt>${t('plan.lowest', { weeks: e.horizonWeeks })}</dt>
            <dd>${t('plan.beforeAfter', { before: formatMoney(e.lowestBalanceBefore), after: formatMoney(e.lowestBalanceAfter) })}
              <strong class=${change > 0 ? 'good' : change < 0 ? 'bad' : ''}>${signed(e.lowestBalanceChange)}</strong>
              ${e.lowestWeekAfter ? html`<span class="muted small">${t('plan.week', { date: formatDate(e.lowestWeekAfter) })}</span>` : nothing}</dd>
          </div>
          <div data-testid="preview-threshold"><dt>${t('plan.threshold')}</dt>
            <dd>${t('plan.beforeAfter', { before: e.firstWeekBelowThresholdBefore ? formatDate(e.firstWeekBelowThresholdBefore) : t('plan.never'),
              after: e.firstWeekBelowThresholdAfter ? formatDate(e.firstWeekBelowThresholdAfter) : t('plan.never') })}</dd></div>
          <div data-testid="preview-exposure" data-before=${e.peakExposureBefore.amountMinor} data-after=${e.peakExposureAfter.amountMinor}>
            <dt>${t('plan.exposure', { client: this.project.client.name })}</dt>
            <dd>${t('plan.beforeAfter', { before: formatMoney(e.peakExposureBefore), after: formatMoney(e.peakExposureAfter) })}</dd></div>
        </dl>` : html`<p class="muted" data-testid="preview-no-forecast">${t('plan.noForecast')}</p>`}
      </section>`;
  }
}
customElements.define('cordee-billing-plan-editor', BillingPlanEditor);
