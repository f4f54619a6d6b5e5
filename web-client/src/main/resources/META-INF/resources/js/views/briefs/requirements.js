import { html, nothing } from 'lit';
import { fieldErrors, errorsFor } from '../../ui.js';
import { t } from '../../i18n.js';

// Part of the briefs view (ADR 0081): a brief's requirements: the table, a row edited in place, a row removed with an undo, one added at a time.

const PRIORITIES = ['MUST', 'SHOULD', 'COULD', 'WONT'];
export const requirementInputs = (v) => v.requirements.map(({ key, title, userStory, priority, estimateDays }) =>
  ({ key, title, userStory, priority, estimateDays }));
/** userErrors about item `index` of the list `name` sent, re-addressed to that item's own fields. */
export const errorsAt = (errors, name, index) => errors.filter((e) => e.field?.[0] === name && e.field?.[1] === String(index))
  .map((e) => ({ ...e, field: [e.field.at(-1)] }));

export function editRow(view, r) {
  view.rowEdits = { ...view.rowEdits, [r.key]: { title: r.title, userStory: r.userStory ?? '', priority: r.priority, estimateDays: r.estimateDays } };
  view.rowErrors = { ...view.rowErrors, [r.key]: [] };
  view.focusAfterRender = `[data-key="${CSS.escape(r.key)}"] [name=title]`;
}

export function cancelRow(view, key) {
  const { [key]: _, ...rest } = view.rowEdits;
  view.rowEdits = rest;
  view.focusAfterRender = `[data-key="${CSS.escape(key)}"] [data-testid=edit-requirement]`;
}

export async function saveRow(view, v, key) {
  const edit = view.rowEdits[key];
  const requirements = requirementInputs(v);
  const index = requirements.findIndex((r) => r.key === key);
  requirements[index] = { key, title: edit.title.trim(), userStory: edit.userStory.trim() || null, priority: edit.priority,
    estimateDays: String(edit.estimateDays).trim() };
  const errors = await view.write(v, { requirements });
  if (errors === null) return;
  if (errors.length) {
    const mine = errorsAt(errors, 'requirements', index);
    view.rowErrors = { ...view.rowErrors, [key]: mine };
    view.rest(errors, errors.filter((e) => e.field?.[0] === 'requirements' && e.field?.[1] === String(index)));
    return;
  }
  cancelRow(view, key);
}

export async function removeRow(view, v, key) {
  const requirements = requirementInputs(v);
  const index = requirements.findIndex((r) => r.key === key);
  const [removed] = requirements.splice(index, 1);
  const errors = await view.write(v, { requirements });
  if (errors === null) return;
  if (errors.length) {
    view.actionErrors = errors;
    return;
  }
  view.notice = { key: 'briefs.removed', params: { title: removed.title } };
  view.undo = { requirement: removed, index };
  view.focusAfterRender = '[data-testid=undo-remove]';
}

/** Puts a removed requirement back where it was, with its key: the same requirement across versions. */
export async function restore(view, v) {
  const { requirement, index } = view.undo;
  const requirements = requirementInputs(v);
  requirements.splice(Math.min(index, requirements.length), 0, requirement);
  const errors = await view.write(v, { requirements });
  if (errors?.length) view.actionErrors = errors;
  else if (errors) view.notice = { key: 'briefs.restored', params: { title: requirement.title } };
}

export async function addRequirement(view, v) {
  const draft = view.addDraft;
  const requirements = [...requirementInputs(v),
    { title: draft.title.trim(), userStory: draft.userStory.trim() || null, priority: draft.priority,
      estimateDays: draft.estimateDays.trim() }];
  view.addErrors = [];
  const errors = await view.write(v, { requirements });
  if (errors === null) return;
  if (errors.length) {
    const last = requirements.length - 1;
    view.addErrors = errorsAt(errors, 'requirements', last);
    view.rest(errors, errors.filter((e) => e.field?.[0] === 'requirements' && e.field?.[1] === String(last)));
    return;
  }
  view.addDraft = { title: '', userStory: '', priority: draft.priority, estimateDays: '' };
  view.focusAfterRender = '[data-testid=add-requirement] [name=title]';
}

export function requirements(view, v, editable) {
  if (v.requirements.length === 0) return html`<p class="muted" data-testid="requirements">${t('briefs.noRequirement')}</p>`;
  return html`
    <div class="scroll"><table class="requirements-table" data-testid="requirements">
      <thead><tr><th>${t('briefs.requirement')}</th><th>${t('briefs.priority')}</th><th class="num">${t('briefs.estimate')}</th>
        ${editable ? html`<th><span class="visually-hidden">${t('briefs.actions')}</span></th>` : nothing}</tr></thead>
      <tbody>${v.requirements.map((r) => (view.rowEdits[r.key] && editable ? editRowView(view, v, r) : html`
        <tr data-key=${r.key}><td>${r.title}${r.userStory ? html`<span class="block muted small">${r.userStory}</span>` : nothing}</td>
          <td><span class="pill">${r.priority}</span></td>
          <td class="num" data-testid="estimate">${r.estimateDays}</td>
          ${editable ? html`<td><div class="row-actions">
            <button type="button" class="secondary small" data-testid="edit-requirement" aria-label="${t('briefs.edit')} · ${r.title}"
              ?disabled=${view.busy} @click=${() => editRow(view, r)}>${t('briefs.edit')}</button>
            <button type="button" class="danger small" data-testid="remove-requirement" aria-label="${t('briefs.remove')} · ${r.title}"
              ?disabled=${view.busy} @click=${() => removeRow(view, v, r.key)}>${t('briefs.remove')}</button></div></td>` : nothing}
        </tr>`))}</tbody>
    </table></div>`;
}

export function editRowView(view, v, r) {
  const edit = view.rowEdits[r.key];
  const errors = view.rowErrors[r.key] || [];
  const id = (f) => `req-${r.key}-${f}`;
  const set = (f) => (e) => { view.rowEdits = { ...view.rowEdits, [r.key]: { ...edit, [f]: e.target.value } }; };
  const keys = (e) => {
    if (e.key === 'Enter' && e.target.tagName !== 'TEXTAREA') {
      e.preventDefault();
      if (!view.busy) saveRow(view, v, r.key);
    } else if (e.key === 'Escape') {
      cancelRow(view, r.key);
    }
  };
  const invalid = (f) => (errorsFor(errors, f).length ? 'invalid' : '');
  return html`
    <tr data-key=${r.key} class="editing" @keydown=${keys}>
      <td class=${invalid('title')}>
        <label class="visually-hidden" for=${id('title')}>${t('briefs.requirement')}</label>
        <input id=${id('title')} name="title" .value=${edit.title} @input=${set('title')} aria-describedby=${id('title-error')}>
        ${fieldErrors(errors, 'title', id('title-error'))}
        <label class="small" for=${id('story')}>${t('briefs.userStory')}</label>
        <input id=${id('story')} name="userStory" .value=${edit.userStory} placeholder=${t('briefs.userStoryPlaceholder')}
          @input=${set('userStory')} aria-describedby=${id('userStory-error')}>
        ${fieldErrors(errors, 'userStory', id('userStory-error'))}</td>
      <td class=${invalid('priority')}><select name="priority" aria-label=${t('briefs.priority')} @change=${set('priority')}>
        ${PRIORITIES.map((p) => html`<option value=${p} ?selected=${edit.priority === p}>${p}</option>`)}</select>
        ${fieldErrors(errors, 'priority', id('priority-error'))}</td>
      <td class="num ${invalid('estimateDays')}"><input name="estimateDays" inputmode="decimal" size="6" aria-label=${t('briefs.estimate')}
        .value=${edit.estimateDays} @input=${set('estimateDays')} aria-describedby=${id('estimateDays-error')}>
        ${fieldErrors(errors, 'estimateDays', id('estimateDays-error'))}</td>
      <td><div class="row-actions">
        <button type="button" class="small" data-testid="save-requirement" ?disabled=${view.busy} @click=${() => saveRow(view, v, r.key)}>
          ${view.busy ? t('briefs.saving') : t('briefs.save')}</button>
        <button type="button" class="secondary small" ?disabled=${view.busy} @click=${() => cancelRow(view, r.key)}>${t('briefs.cancel')}</button>
      </div></td>
    </tr>`;
}

export function addForm(view, v) {
  const draft = view.addDraft;
  const errors = view.addErrors;
  const set = (field) => (e) => { view.addDraft = { ...view.addDraft, [field]: e.target.value }; };
  return html`
    <form class="interaction-form" data-testid="add-requirement" @submit=${(e) => { e.preventDefault(); if (!view.busy) addRequirement(view, v); }}>
      <label class="wide ${errorsFor(errors, 'title').length ? 'invalid' : ''}">${t('briefs.newRequirement')}<input name="title" .value=${draft.title}
        @input=${set('title')} aria-describedby=${`req-title-${v.id}`}>${fieldErrors(errors, 'title', `req-title-${v.id}`)}</label>
      <label class="wide ${errorsFor(errors, 'userStory').length ? 'invalid' : ''}">${t('briefs.userStory')}<input name="userStory"
        .value=${draft.userStory} placeholder=${t('briefs.userStoryPlaceholder')} @input=${set('userStory')}
        aria-describedby=${`req-story-${v.id}`}>${fieldErrors(errors, 'userStory', `req-story-${v.id}`)}</label>
      <label>${t('briefs.priority')}<select name="priority" @change=${set('priority')}>
        ${PRIORITIES.map((p) => html`<option value=${p} ?selected=${draft.priority === p}>${p}</option>`)}</select></label>
      <label class=${errorsFor(errors, 'estimateDays').length ? 'invalid' : ''}>${t('briefs.estimate')}<input name="estimateDays"
        inputmode="decimal" size="6" .value=${draft.estimateDays} @input=${set('estimateDays')}
        aria-describedby=${`req-days-${v.id}`}>${fieldErrors(errors, 'estimateDays', `req-days-${v.id}`)}</label>
      <button type="submit" ?disabled=${view.busy}>${t('briefs.add')}</button>
    </form>`;
}
