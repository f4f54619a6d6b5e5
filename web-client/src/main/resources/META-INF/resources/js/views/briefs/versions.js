import { html, nothing } from 'lit';
import { t, formatDate, formatNumber, formatPercent } from '../../i18n.js';
import { LISTS, DATES, sameList } from './details.js';

// Part of the briefs view (ADR 0081): who signed which version, the versions, and a side-by-side comparison of two of them.

const signatureText = (s) => t('briefs.signedBy', { who: s.signedBy, date: formatDate(s.signedAt.slice(0, 10)) });

/** One requirement as read: priority, title, estimate, user story; the fields in `changed` marked. */
const requirementSummary = (r, changed = new Set()) => html`
  <span class=${changed.has('priority') ? 'diff' : ''}><span class="pill">${r.priority}</span></span>
  <span class=${changed.has('title') ? 'diff' : ''}>${r.title}</span>
  <span class="muted ${changed.has('estimateDays') ? 'diff' : ''}" data-testid="estimate">${t('portal.days', { n: r.estimateDays })}</span>
  ${r.userStory ? html`<span class="block muted small ${changed.has('userStory') ? 'diff' : ''}">${r.userStory}</span>` : nothing}`;

export function signOff(view, v) {
  const byParty = (party) => v.signatures.find((s) => s.party === party && s.versionNumber === v.number);
  const agency = byParty('AGENCY');
  const canSign = v.status === 'DRAFT' && !agency && view.canEdit;
  return html`
    <section aria-labelledby="sign-title" data-testid="sign-off">
      <h3 id="sign-title">${t('briefs.signOff', { n: v.number })}</h3>
      ${v.status === 'AGREED' ? html`<p class="ok-line">${t('briefs.agreedBoth', { n: v.number })}</p>`
        : html`<p class="muted small">${t('briefs.signHelp')}</p>`}
      <ul class="signatures">${['AGENCY', 'CLIENT'].map((party) => {
        const s = byParty(party);
        return html`<li data-party=${party} class=${s ? 'signed' : 'awaiting'}>
          <span class="party">${t(`briefs.party.${party}`)}</span>
          <span>${s ? html`<span aria-hidden="true">✓</span> ${signatureText(s)}` : t('briefs.awaiting')}</span>
          ${party === 'AGENCY' && canSign ? html`<button type="button" class="small" data-testid="sign-agency" ?disabled=${view.busy}
            @click=${() => view.sign(v)}>${t('briefs.signAgency', { n: v.number })}</button>` : nothing}</li>`;
      })}</ul>
    </section>`;
}

export function history(view, b) {
  const [from, to] = view.comparePair(b);
  const label = (x) => `${t('briefs.version', { n: x.number })} · ${t(`portal.brief.${x.status}`)}`;
  return html`
    <section aria-labelledby="history-title">
      <h3 id="history-title">${t('briefs.history')}</h3>
      <ol class="versions" data-testid="versions" reversed>${[...b.versions].reverse().map((x) => html`
        <li data-version=${x.number}><span class="pill brief-${x.status}">${label(x)}</span>
          ${x.id === b.currentVersion.id ? html`<span class="muted small">(${t('briefs.current')})</span>` : nothing}
          <span class="small">${x.signatures.length ? x.signatures.map((s) => t('briefs.partySigned', { party: t(`briefs.party.${s.party}`), signed: signatureText(s) })).join(' · ')
            : html`<span class="muted">${t('portal.noSignature')}</span>`}</span></li>`)}</ol>
      ${view.canEdit && (b.currentVersion.status === 'DRAFT' || b.currentVersion.status === 'AGREED') ? html`
        <p class="small"><button type="button" class="secondary small" data-testid="start-version" ?disabled=${view.busy}
          aria-describedby="start-version-help" @click=${() => view.startVersion(b.currentVersion)}>${t('briefs.startVersion', { n: b.currentVersion.number + 1 })}</button>
          <span class="muted" id="start-version-help">${t('briefs.startHelp', { n: b.currentVersion.number })}</span></p>` : nothing}
      ${b.versions.length < 2 ? html`<p class="muted small">${t('briefs.compareNeedsTwo')}</p>` : html`
        <form class="interaction-form" data-testid="compare-form" @submit=${(e) => { e.preventDefault(); view.compare(b); }}>
          <label>${t('briefs.compareFrom')}<select name="from" @change=${(e) => { view.compareFrom = e.target.value; }}>
            ${b.versions.map((x) => html`<option value=${x.id} ?selected=${x.id === from}>${label(x)}</option>`)}</select></label>
          <label>${t('briefs.compareTo')}<select name="to" @change=${(e) => { view.compareTo = e.target.value; }}>
            ${b.versions.map((x) => html`<option value=${x.id} ?selected=${x.id === to}>${label(x)}</option>`)}</select></label>
          <button type="submit" class="secondary" ?disabled=${view.comparing}>${t('briefs.compare')}</button>
        </form>
        ${view.compareError ? html`<p class="error" role="alert">${view.compareError}</p>` : nothing}
        ${view.comparison ? comparisonView(view, view.comparison) : nothing}`}
    </section>`;
}

export function comparisonView(view, c) {
  const before = new Map(c.from.requirements.map((r) => [r.key, r]));
  const after = new Map(c.to.requirements.map((r) => [r.key, r]));
  const fields = [...LISTS, ...DATES].filter((f) => (LISTS.includes(f) ? !sameList(c.from[f], c.to[f]) : c.from[f] !== c.to[f]));
  const unchanged = c.to.requirements.length - c.added.length - c.changed.length;
  const items = (mine, theirs, mark) => (mine.length ? html`<ul>${mine.map((x) => html`
    <li class=${theirs.includes(x) ? '' : mark}>${x}</li>`)}</ul>` : html`<span class="muted">${t('briefs.none')}</span>`);
  const value = (version, other, f, mark) => (LISTS.includes(f) ? items(version[f], other[f], mark)
    : html`<span class=${mark}>${formatDate(version[f])}</span>`);
  const empty = c.added.length + c.removed.length + c.changed.length + fields.length === 0;
  return html`
    <div class="scroll comparison" data-testid="comparison" aria-live="polite">
      ${empty ? html`<p class="muted">${t('briefs.noDifference')}</p>` : html`
      <table>
        <caption class="visually-hidden">${t('briefs.comparisonCaption', { from: c.from.number, to: c.to.number })}</caption>
        <thead><tr><th scope="col">${t('briefs.what')}</th>
          <th scope="col">${t('briefs.version', { n: c.from.number })} · ${t(`portal.brief.${c.from.status}`)}</th>
          <th scope="col">${t('briefs.version', { n: c.to.number })} · ${t(`portal.brief.${c.to.status}`)}</th></tr></thead>
        <tbody>
          ${c.from.feasibility && c.to.feasibility ? html`<tr data-change="feasibility"><th scope="row">${t('briefs.feasibility')}</th>
            ${[c.from, c.to].map((x) => html`<td class=${x === c.from ? 'from' : 'to'}><span class="pill verdict-${x.feasibility.verdict}">${t(`portal.verdict.${x.feasibility.verdict}`)}</span>
              ${t('portal.days', { n: formatNumber(x.feasibility.scopeDays, 1) })}${x.feasibility.ratio != null ? html` · ${formatPercent(x.feasibility.ratio)}` : nothing}</td>`)}</tr>` : nothing}
          ${c.changed.map((ch) => {
            const marked = new Set(ch.changes.map((x) => x.field));
            return html`<tr data-change="changed" data-key=${ch.key}><th scope="row">${t('briefs.change.changed')}</th>
              <td class="from">${requirementSummary(before.get(ch.key), marked)}</td>
              <td class="to">${requirementSummary(after.get(ch.key), marked)}</td></tr>`;
          })}
          ${c.removed.map((r) => html`<tr data-change="removed" data-key=${r.key}><th scope="row">${t('briefs.change.removed')}</th>
            <td class="from removed">${requirementSummary(r)}</td><td class="to muted">—</td></tr>`)}
          ${c.added.map((r) => html`<tr data-change="added" data-key=${r.key}><th scope="row">${t('briefs.change.added')}</th>
            <td class="from muted">—</td><td class="to added">${requirementSummary(r)}</td></tr>`)}
          ${fields.map((f) => html`<tr data-change="field" data-field=${f}><th scope="row">${t(`briefs.field.${f}`)}</th>
            <td class="from">${value(c.from, c.to, f, 'removed')}</td><td class="to">${value(c.to, c.from, f, 'added')}</td></tr>`)}
        </tbody>
      </table>`}
      <p class="muted small">${t('briefs.unchanged', { n: unchanged })}</p>
    </div>`;
}
