import { html, nothing } from 'lit';
import { gql } from '../../graphql.js';
import { fieldErrors, errorsFor } from '../../ui.js';
import { t } from '../../i18n.js';

// Part of the briefs view (ADR 0081): the form of a new brief (a project and a title) with its requests, and the
// list of briefs.

const CREATE = `mutation($input: CreateBriefInput!) { createBrief(input: $input) { brief { id } userErrors { field message code } } }`;
const PROJECTS = 'query BriefProjects { projects(first: 100) { nodes { id name } } }';

/** Opens the form of a new brief; the projects to choose from are asked for once. */
export async function openCreate(view) {
  view.creating = { projectId: '', title: '' };
  view.createErrors = [];
  view.focusAfterRender = '[data-testid=create-brief] select';
  if (!view.projects) {
    try {
      const { projects } = await gql(PROJECTS);
      view.projects = projects.nodes;
    } catch (e) {
      view.createErrors = [{ message: e.message }];
    }
  }
}

/** Creates the brief and opens it with a notice; a missing project or title is said beside its field. */
export async function create(view) {
  const projectId = view.creating.projectId;
  const title = view.creating.title.trim();
  const local = [];
  if (!projectId) local.push({ field: ['projectId'], message: t('briefs.projectRequired') });
  if (!title) local.push({ field: ['title'], message: t('briefs.titleRequired') });
  view.createErrors = local;
  if (local.length) return;
  view.busy = true;
  try {
    const { createBrief: payload } = await gql(CREATE, { input: { projectId, title } });
    if (payload.userErrors.length) {
      view.createErrors = payload.userErrors;
      return;
    }
    view.creating = null;
    // chosen before the address changes, so that the hash listener keeps the notice
    view.selected = payload.brief.id;
    view.reset();
    location.hash = `#/briefs/${encodeURIComponent(payload.brief.id)}`;
    await view.load();
    view.notice = { key: 'briefs.created', params: { title } };
    view.focusAfterRender = '[data-testid=brief-notice]';
  } catch (e) {
    view.createErrors = [{ message: e.message }];
  } finally {
    view.busy = false;
  }
}

export function createForm(view) {
  const errors = view.createErrors;
  const set = (f) => (e) => { view.creating = { ...view.creating, [f]: e.target.value }; };
  const invalid = (f) => (errorsFor(errors, f).length ? 'invalid' : '');
  const general = errors.filter((e) => !e.field || !['projectId', 'title'].includes(e.field[0]));
  return html`
    <form class="card interaction-form" data-testid="create-brief" aria-labelledby="create-brief-title"
      @submit=${(e) => { e.preventDefault(); if (!view.busy) create(view); }}
      @keydown=${(e) => { if (e.key === 'Escape') { view.creating = null; view.focusAfterRender = '[data-testid=new-brief]'; } }}>
      <h2 id="create-brief-title" class="wide">${t('briefs.newBrief')}</h2>
      <label class=${invalid('projectId')}>${t('briefs.project')}<select name="projectId" @change=${set('projectId')}
        aria-describedby="create-brief-projectId-error">
        <option value="" ?selected=${!view.creating.projectId}>${t('briefs.chooseProject')}</option>
        ${(view.projects ?? []).map((p) => html`<option value=${p.id} ?selected=${p.id === view.creating.projectId}>${p.name}</option>`)}
      </select>${fieldErrors(errors, 'projectId', 'create-brief-projectId-error')}</label>
      <label class="wide ${invalid('title')}">${t('briefs.briefTitle')}<input name="title" .value=${view.creating.title}
        @input=${set('title')} aria-describedby="create-brief-title-error">${fieldErrors(errors, 'title', 'create-brief-title-error')}</label>
      ${general.length ? html`<p class="error wide" role="alert">${general.map((e) => e.message).join(' ')}</p>` : nothing}
      <div class="actions wide">
        <button type="submit" data-testid="create-brief-submit" ?disabled=${view.busy}>${view.busy ? t('briefs.creating') : t('briefs.create')}</button>
        <button type="button" class="secondary" ?disabled=${view.busy} @click=${() => { view.creating = null; }}>${t('briefs.cancel')}</button>
      </div>
    </form>`;
}
export function list(view, selected) {
  return html`
    <nav class="brief-nav card" aria-label=${t('briefs.pick')}>
      <ul>${view.briefs.map((b) => {
        const v = b.currentVersion;
        return html`<li><a href=${`#/briefs/${encodeURIComponent(b.id)}`} aria-current=${b === selected ? 'page' : 'false'}>
          <span class="block">${b.title}</span>
          <span class="small muted">${b.project.name} · v${v.number}</span>
          <span class="pill brief-${v.status}">${t(`portal.brief.${v.status}`)}</span>
          ${v.feasibility ? html`<span class="pill verdict-${v.feasibility.verdict}">${t(`portal.verdict.${v.feasibility.verdict}`)}</span>` : nothing}
        </a></li>`;
      })}</ul>
    </nav>`;
}
