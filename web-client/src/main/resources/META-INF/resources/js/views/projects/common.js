import { html } from 'lit';
import { t } from '../../i18n.js';
import { FormElement } from '../../widgets.js';
import { MONEY } from '../relationship-parts.js';

// What the projects list, the project page and the billing-plan editor share (ADR 0081).
export const STATUSES = ['PROSPECT', 'PLANNED', 'ACTIVE', 'ON_HOLD', 'DELIVERED', 'CANCELLED'];
export const PROJECT_FIELDS = `id name status startDate launchDate communicationPlanDate feeBudget { ${MONEY} } paymentTermsDays
  version client { id name }`;
export const PLAN_FIELDS = 'depositPercent monthlyInArrears milestones { label date sharePercent } version';
export const PROJECT = `query Project($id: ID!, $money: Boolean!) { node(id: $id) { ... on Project { ${PROJECT_FIELDS}
  billingPlan @include(if: $money) { ${PLAN_FIELDS} } } } }`;

export const isMoneyRole = (role) => role === 'OWNER' || role === 'FINANCE';

/** A project form: the shared field widgets, and the notice of a change saved meanwhile by someone else. */
export class ProjectForm extends FormElement {
  conflictNotice(reload) {
    return html`<div class="notice conflict" role="alert" data-testid="conflict">
      <span>${t('projects.conflict')}</span>
      <button type="button" class="secondary small" @click=${reload}>${t('projects.reload')}</button></div>`;
  }
}
