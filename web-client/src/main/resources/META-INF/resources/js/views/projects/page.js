import { html, nothing } from 'lit';
import { gql } from '../../graphql.js';
import { loading, failure } from '../../ui.js';
import { t, formatMoney } from '../../i18n.js';
import { toMinor } from '../../widgets.js';
import { STATUSES, PROJECT_FIELDS, PROJECT, isMoneyRole, ProjectForm } from './common.js';
import './billing-plan.js';

const CLIENTS = '{ clients(first: 100) { nodes { id name } } }';
const CREATE = `mutation($input: CreateProjectInput!) { createProject(input: $input) {
  project { ${PROJECT_FIELDS} } userErrors { field message code } } }`;
const UPDATE = `mutation($input: UpdateProjectInput!) { updateProject(input: $input) {
  project { ${PROJECT_FIELDS} } userErrors { field message code } } }`;
/** The confirmation a page shows once after it was opened by a save elsewhere (creating a project). */
let flash = null;

/**
 * #/projects/<id> or #/projects/new[/<clientId>]: the project form (a LEAD sees the fee and terms but neither
 * changes nor sends them, and creates no project: the server refuses both), then, for OWNER and FINANCE, the
 * billing-plan editor.
 */
class ProjectPage extends ProjectForm {
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
        await this.showUserErrors(payload.userErrors);
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
