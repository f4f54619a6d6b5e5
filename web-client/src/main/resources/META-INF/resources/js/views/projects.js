import { html, nothing } from 'lit';
import { gqlAll } from '../graphql.js';
import { CordeeElement, loading, failure, stylesheet } from '../ui.js';
import { t, formatDate, formatMoney, addMessages } from '../i18n.js';
import { PROJECT_FIELDS, isMoneyRole } from './projects/common.js';
import './projects/page.js';
import { DataElement } from '../widgets.js';
import words from './projects.words.js';

addMessages(words);
await stylesheet('/js/views/projects.css');

// Projects (issue 15, point 2): #/projects lists them, #/projects/<id> edits one and, for OWNER and FINANCE,
// its billing plan with a preview of what the plan does before it is saved; #/projects/new/<clientId> creates one.
const LIST = `query Projects($money: Boolean!, $after: String) { projects(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { ${PROJECT_FIELDS}
  billingPlan @include(if: $money) { version } } } }`;

/** #/projects: every project the role may see, with its client, dates and (money roles) fee and whether it has a plan. */
class ProjectList extends DataElement {
  static properties = { role: {}, data: { state: true }, error: { state: true } };

  query() {
    return gqlAll(LIST, { money: isMoneyRole(this.role) }, 'projects');
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
