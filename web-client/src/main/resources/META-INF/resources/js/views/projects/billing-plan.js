import { html, nothing } from 'lit';
import { gql } from '../../graphql.js';
import { t, formatDate, formatMoney } from '../../i18n.js';
import { MONEY } from '../relationship-parts.js';
import { PLAN_FIELDS, PROJECT, ProjectForm } from './common.js';

const PREVIEW = `query($input: PreviewBillingPlanInput!) { previewBillingPlan(input: $input) {
  preview { invoices { label issueDate dueDate expectedPaymentDate amount { ${MONEY} } }
    effect { asOf horizonWeeks lowestBalanceBefore { ${MONEY} } lowestWeekBefore lowestBalanceAfter { ${MONEY} } lowestWeekAfter
      lowestBalanceChange { ${MONEY} } firstWeekBelowThresholdBefore firstWeekBelowThresholdAfter
      peakExposureBefore { ${MONEY} } peakExposureWeekBefore peakExposureAfter { ${MONEY} } peakExposureWeekAfter } }
  userErrors { field message code } } }`;
const SAVE_PLAN = `mutation($input: SetBillingPlanInput!) { setBillingPlan(input: $input) {
  billingPlan { ${PLAN_FIELDS} } userErrors { field message code } } }`;

/**
 * The billing plan of one project (OWNER and FINANCE): a deposit, then milestones (a deliverable or a stage,
 * its date and its share; deposit + shares must make 100 %, counted live as you type) or the rest monthly in
 * arrears. "Preview" asks the server's scenario engine what the plan would generate and do to the agency's
 * lowest forecast balance and the client's peak exposure, writing nothing; the plan is saved only once the
 * preview of exactly what is on screen has been shown.
 */
class BillingPlanEditor extends ProjectForm {
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
