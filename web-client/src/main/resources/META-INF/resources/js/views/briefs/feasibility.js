import { html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { t, formatDate, formatNumber, formatPercent } from '../../i18n.js';

// Part of the briefs view (ADR 0081): the feasibility gauge, the live preview and the suggestions.

export /** Scope against capacity: the ratio as a bar, the 0.85 and 1.0 marks, and the verdict. */
const gauge = (f, suggestions = nothing) => {
  if (!f) return html`<p class="muted" data-testid="feasibility">${t('briefs.noLaunch')}</p>`;
  const width = Math.min(100, (f.ratio ?? 0) * 100 / 1.5);
  return html`
    <div class="gauge verdict-${f.verdict}" data-testid="feasibility" aria-live="polite">
      <div class="gauge-head"><span class="pill verdict-${f.verdict}" data-testid="verdict">${t(`portal.verdict.${f.verdict}`)}</span>
        <span data-testid="scope">${t('briefs.scopeOfCapacity', { scope: formatNumber(f.scopeDays, 1), capacity: formatNumber(f.capacityDays, 1) })}
          ${f.ratio != null ? html` · ${formatPercent(f.ratio)}` : nothing}</span>
        <span class="muted" data-testid="launch">${t('briefs.launch', { date: formatDate(f.launchDate) })}</span></div>
      <div class="gauge-track" role="img" aria-label=${t(`portal.verdict.${f.verdict}`)}>
        <div class="gauge-fill" style=${styleMap({ width: `${width}%` })}></div>
        <span class="mark" style=${styleMap({ left: `${85 / 1.5}%` })}></span><span class="mark" style=${styleMap({ left: `${100 / 1.5}%` })}></span>
      </div>
      ${f.drop.length ? html`<p class="muted">${t('briefs.drop', { titles: f.drop.map((d) => d.requirement.title).join(', ') })}</p>` : nothing}
      ${f.earliestRealisticLaunch ? html`<p class="muted">${t('briefs.earliest', { date: formatDate(f.earliestRealisticLaunch) })}</p>` : nothing}
      ${f.launchAfterCommunicationPlan ? html`<p class="warn-text">${t('briefs.launchAfterPlan')}</p>` : nothing}
      ${suggestions}
    </div>`;
};

export /**
 * The feasibility the server computed for the unsaved edits (previewBriefFeasibility): the same rule as a
 * saved version, never worked out here (ADR 0060).
 */
const preview = (p) => {
  if (!p) return nothing;
  if (p.errors) return html`<p class="preview small muted" data-testid="feasibility-preview" aria-live="polite">${t('briefs.previewInvalid')}</p>`;
  const f = p.feasibility;
  return html`<div class="preview small" data-testid="feasibility-preview" aria-live="polite"><p>${t('briefs.preview', {
    scope: formatNumber(f.scopeDays, 1), ratio: f.ratio != null ? formatPercent(f.ratio) : '—' })}
    <span class="pill verdict-${f.verdict}">${t(`portal.verdict.${f.verdict}`)}</span></p>
    ${f.verdict !== 'REALISTIC' && f.drop.length ? html`<p class="muted" data-testid="preview-drop">${t('briefs.drop', { titles: f.drop.map((d) => d.requirement.title).join(', ') })}</p>` : nothing}
    ${f.verdict !== 'REALISTIC' && f.earliestRealisticLaunch ? html`<p class="muted" data-testid="preview-earliest">${t('briefs.earliest', { date: formatDate(f.earliestRealisticLaunch) })}</p>` : nothing}</div>`;
};

/** The feasibility's remedies as buttons: the server applies them to the draft (ADR 0060). */
/** The feasibility's remedies as buttons: the server applies them to the draft (ADR 0060). */
export function suggestions(view, v, editable) {
  const f = v.feasibility;
  if (!editable || !f || f.verdict === 'REALISTIC' || (!f.drop.length && !f.earliestRealisticLaunch)) return nothing;
  return html`<div class="row-actions suggestion-actions">
    ${f.drop.length ? html`<button type="button" class="small" data-testid="apply-drop" ?disabled=${view.busy}
      @click=${() => view.apply(v, 'DROP_REQUIREMENTS')}>${t('briefs.applyDrop', { titles: f.drop.map((d) => d.requirement.title).join(', ') })}</button>` : nothing}
    ${f.earliestRealisticLaunch ? html`<button type="button" class="small secondary" data-testid="apply-launch" ?disabled=${view.busy}
      @click=${() => view.apply(v, 'MOVE_LAUNCH')}>${t('briefs.applyLaunch', { date: formatDate(f.earliestRealisticLaunch) })}</button>` : nothing}
  </div>`;
}
