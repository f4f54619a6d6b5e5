import { html, nothing } from 'lit';
import { fieldErrors, errorsFor } from '../../ui.js';
import { t } from '../../i18n.js';

// Part of the briefs view (ADR 0081): the form of a new brief (a project and a title), and the list of briefs.

export function createForm(view) {
  const errors = view.createErrors;
  const set = (f) => (e) => { view.creating = { ...view.creating, [f]: e.target.value }; };
  const invalid = (f) => (errorsFor(errors, f).length ? 'invalid' : '');
  const general = errors.filter((e) => !e.field || !['projectId', 'title'].includes(e.field[0]));
  return html`
    <form class="card interaction-form" data-testid="create-brief" aria-labelledby="create-brief-title"
      @submit=${(e) => { e.preventDefault(); if (!view.busy) view.create(); }}
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
