// Pieces of a client's story shown by several pages (the clients list, a client's page, the client
// portal): projects, invoices, commitments, the game plan, interactions. `staff` is the agency's view;
// without it, the client's own ("You" for their side). Money is rendered only when asked for.
import { html, nothing } from 'lit';
import { t, formatDate, formatMoney, addMessages } from '../i18n.js';
import { todayIso } from '../clock.js';
import words from './relationship-parts.words.js';

addMessages(words);

export const MONEY = 'amount amountMinor currency';
export const INTERACTION_FIELDS = 'id date kind summary agencyEnergy clientEnergy internal';
export const INTERACTIONS_PAGE = 10;
/** A page of a client's interactions, newest first. */
export const INTERACTIONS = `interactions(first: ${INTERACTIONS_PAGE}, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } nodes { ${INTERACTION_FIELDS} } }`;
export const MORE_INTERACTIONS = `query MoreInteractions($id: ID!, $after: String) {
  client(id: $id) { id ${INTERACTIONS} } }`;

export const projectsTable = (projects, { money = true, link = false } = {}) => (projects.length === 0
  ? html`<p class="muted">${t('clients.noProject')}</p>` : html`
  <div class="scroll"><table class="projects" data-testid="projects">
    <thead><tr><th>${t('project.name')}</th><th>${t('project.status')}</th><th>${t('project.start')}</th>
      <th>${t('project.launch')}</th>${money ? html`<th class="num">${t('project.fee')}</th>` : nothing}</tr></thead>
    <tbody>${projects.map((p) => html`
      <tr><td>${link ? html`<a href=${`#/projects/${encodeURIComponent(p.id)}`}>${p.name}</a>` : p.name}</td><td><span class="pill status-${p.status}">${t(`status.${p.status}`)}</span></td>
        <td>${formatDate(p.startDate)}</td><td>${formatDate(p.launchDate)}</td>
        ${money ? html`<td class="num">${formatMoney(p.feeBudget)}</td>` : nothing}</tr>`)}
    </tbody></table></div>`);

export const invoicesTable = (invoices, { staff }) => (invoices.length === 0 ? html`<p class="muted">${t('clients.noInvoice')}</p>` : html`
  <div class="scroll"><table class="invoices">
    <thead><tr><th>${t('invoice.label')}</th><th>${t('project.name')}</th><th>${t('invoice.status')}</th>
      <th>${t('invoice.due')}</th><th>${staff ? t('invoice.paidOrExpected') : t('invoice.paidOn')}</th>
      <th class="num">${t('invoice.amount')}</th><th class="num">${t('invoice.balance')}</th></tr></thead>
    <tbody>${invoices.map((i) => html`
      <tr><td>${i.label}</td><td>${i.project.name}</td>
        <td><span class="pill invoice-${i.status}">${t(`invoice.${i.status}`)}</span></td>
        <td>${formatDate(i.dueDate)}</td>
        <td>${staff && i.status !== 'PAID' && i.expectedPaymentDate
          ? html`<span class="muted">${formatDate(i.expectedPaymentDate)}</span>` : formatDate(i.paidDate)}</td>
        <td class="num">${formatMoney(i.amount, { cents: true })}</td>
        <td class="num">${formatMoney(i.balanceDue, { cents: true })}</td></tr>`)}
    </tbody></table></div>`);

/** What the client owes its projects, by due date; late ones highlighted with how late they are. */
export const commitmentsTable = (commitments, { testid = 'commitments', actions = null } = {}) => (commitments.length === 0
  ? html`<p class="muted">${t('portal.noCommitment')}</p>` : html`
  <div class="scroll"><table class="commitments" data-testid=${testid}>
    <thead><tr><th>${t('portal.commitment')}</th><th>${t('project.name')}</th><th>${t('portal.due')}</th>
      <th>${t('portal.delivered')}</th>${actions ? html`<th><span class="visually-hidden">${t('plan.actions')}</span></th>` : nothing}</tr></thead>
    <tbody>${commitments.map((c) => html`
      <tr class=${c.late ? 'late' : ''} data-late=${c.late ? 'true' : 'false'} data-title=${c.title}>
        <td>${c.title}${c.kind ? html` <span class="pill">${t(`commitment.${c.kind}`)}</span>` : nothing}</td>
        <td>${c.project?.name ?? '—'}</td><td>${formatDate(c.dueDate)}</td>
        <td>${c.deliveredDate ? formatDate(c.deliveredDate) : nothing}
          ${c.late ? html`<span class="pill late">${c.daysLate ? t('commitment.daysLate', { n: c.daysLate }) : t('portal.late')}</span>`
            : c.deliveredDate ? nothing : '—'}</td>${actions ? html`<td>${actions(c)}</td>` : nothing}</tr>`)}
    </tbody></table></div>`);

/** The game plan: what, whose side and who, by when, where it stands; a past-due open point stands out. */
export const agreementsList = (agreements, { staff = false, testid = 'agreements', actions = null } = {}) => (agreements.length === 0
  ? html`<p class="muted">${t('portal.noAgreement')}</p>` : html`
  <ul class="agreements" data-testid=${testid}>${agreements.map((a) => {
    const overdue = a.dueDate && a.dueDate < todayIso() && (a.status === 'PROPOSED' || a.status === 'AGREED');
    return html`
    <li class=${overdue ? 'overdue' : ''} data-what=${a.what}><span class="pill side-${a.ownerSide}">${t(`${staff ? 'client' : 'portal'}.side.${a.ownerSide}`)}</span>
      ${a.what}
      ${a.ownerName ? html`<span class="muted">· ${a.ownerName}</span>` : nothing}
      ${a.dueDate ? html`<span class=${overdue ? 'danger-text' : 'muted'}>· ${formatDate(a.dueDate)}</span>` : nothing}
      <span class="pill agreement-${a.status}">${t(`portal.agreement.${a.status}`)}</span>${actions ? actions(a) : nothing}</li>`;
  })}</ul>`);

/** Interactions, newest first; the agency's internal notes are marked (the API never sends them to a client user). */
export const interactionsList = (interactions, { testid = 'interactions', staff = true } = {}) => (interactions.length === 0
  ? html`<p class="muted">${t('clients.noInteraction')}</p>` : html`
  <ul class="interactions" data-testid=${testid}>${interactions.map((i) => html`
    <li class=${i.internal ? 'internal' : ''} data-internal=${i.internal ? 'true' : 'false'}>
      <span class="muted">${formatDate(i.date)} · ${t(`interaction.${i.kind}`)}</span> ${i.summary}
      <span class="muted">· ${t(staff ? 'clients.energy' : 'portal.energy', { agency: i.agencyEnergy ?? '—', client: i.clientEnergy ?? '—' })}</span>
      ${i.internal ? html`<span class="pill internal">${t('clients.internal')}</span>` : nothing}</li>`)}</ul>`);
