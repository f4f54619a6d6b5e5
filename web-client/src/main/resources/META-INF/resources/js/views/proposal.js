import { html, nothing } from 'lit';
import { gql } from '../graphql.js';
import { CordeeElement, loading, failure, fieldErrors, stylesheet } from '../ui.js';
import { t, formatDate, formatMoney, currentLocale, addMessages } from '../i18n.js';
import { todayIso } from '../clock.js';
import words from './proposal.words.js';

addMessages(words);
await stylesheet('/js/views/proposal.css');

// A client's renegotiation proposal from start to end (ADR 65): choose the options, read the letter as a document,
// print it, mark it sent (date, channel), record the client's answer; an accepted option becomes the billing
// plan of the client's running projects in the same step (ADR 11), and the new planned invoices are shown.
const CANDIDATES = [
  { key: 'deposit-monthly', option: { depositPercent: 30, monthlyInArrears: true } },
  { key: 'deposit', option: { depositPercent: 30, monthlyInArrears: false } },
  { key: 'monthly', option: { monthlyInArrears: true } },
  { key: 'terms', option: { paymentTermsDays: 30, monthlyInArrears: false } },
];
const CHANNELS = ['EMAIL', 'POST', 'MEETING', 'PHONE', 'PORTAL', 'OTHER'];
const PREVIEW = `query ProposalPreview($clientId: ID!, $options: [ProposalOptionInput!], $language: ProposalLanguage!) {
  renegotiationProposal(clientId: $clientId, options: $options) {
    client { id name }
    facts { peakExposure { amount currency } peakWeek }
    options { number description(language: $language) lowestBalanceLift { amount currency }
      peakExposureChange { amount currency } }
    letter(language: $language, format: HTML) } }`;
const SENT_FIELDS = `id version sentOn channel language answer acceptedOption answeredOn answerNote
  options { number description }`;
const SENT = `query SentProposals($clientId: ID) { proposals(clientId: $clientId, first: 20) { nodes { ${SENT_FIELDS} } } }`;
const RECORD_SENT = `mutation($input: RecordProposalSentInput!) { recordProposalSent(input: $input) {
  proposal { ${SENT_FIELDS} } userErrors { field message code } } }`;
const RECORD_ANSWER = `mutation($input: RecordProposalAnswerInput!) { recordProposalAnswer(input: $input) {
  proposal { ${SENT_FIELDS} } userErrors { field message code } } }`;
const PLANNED = `query PlannedInvoices($clientId: ID) { invoices(clientId: $clientId, status: [PLANNED], first: 100) {
  nodes { id label dueDate amount { amount currency } project { id name } } } }`;

/** The tags a letter is made of (ProposalLetter): anything else is dropped, text is kept as text. */
const LETTER_TAGS = new Set(['H1', 'H2', 'H3', 'P', 'UL', 'LI', 'STRONG', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD']);

/**
 * The server's HTML letter (every value escaped there) rebuilt from its text and its few known tags only, so that
 * no attribute, script or style of the string can reach the page, whatever a client's name holds.
 */
export function letterNodes(letterHtml) {
  const source = new DOMParser().parseFromString(letterHtml, 'text/html');
  const copy = (from, to) => {
    for (const node of from.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) {
        to.append(document.createTextNode(node.textContent));
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        if (LETTER_TAGS.has(node.tagName)) {
          // the page's title is the h1; the letter's own headings step down one level below it
          const tag = { H1: 'h2', H2: 'h3', H3: 'h4' }[node.tagName] || node.tagName.toLowerCase();
          const element = document.createElement(tag);
          // the one attribute kept: a header cell's scope, from a fixed list
          if (node.tagName === 'TH' && ['col', 'row'].includes(node.getAttribute('scope'))) {
            element.setAttribute('scope', node.getAttribute('scope'));
          }
          copy(node, element);
          to.append(element);
        } else {
          const keepClass = node.classList.contains('date');
          const element = document.createElement(keepClass ? 'p' : 'div');
          if (keepClass) element.className = 'letter-date';
          copy(node, element);
          to.append(element);
        }
      }
    }
  };
  const article = document.createElement('article');
  copy(source.querySelector('article') || source.body, article);
  return article;
}

class ProposalView extends CordeeElement {
  static properties = {
    clientId: {}, chosen: { state: true }, language: { state: true }, preview: { state: true }, error: { state: true },
    sent: { state: true }, sendForm: { state: true }, answers: { state: true }, notice: { state: true },
    planned: { state: true }, busy: { state: true },
  };

  constructor() {
    super();
    this.chosen = new Set(['deposit-monthly', 'deposit']);
    this.language = currentLocale() === 'fr' ? 'FR' : 'EN';
    this.sendForm = { sentOn: todayIso(), channel: 'EMAIL' };
    this.answers = {};
  }

  connectedCallback() {
    super.connectedCallback();
    if (this.clientId) this.load();
  }

  options() {
    return CANDIDATES.filter((c) => this.chosen.has(c.key)).map((c) => c.option);
  }

  async load() {
    this.error = null;
    this.preview = null;
    try {
      const [{ renegotiationProposal }, { proposals }] = await Promise.all([
        gql(PREVIEW, { clientId: this.clientId, options: this.options(), language: this.language }),
        gql(SENT, { clientId: this.clientId })]);
      this.preview = renegotiationProposal;
      this.sent = proposals.nodes;
    } catch (e) {
      this.error = e.message;
    }
  }

  toggle(key, on) {
    const next = new Set(this.chosen);
    if (on) next.add(key); else next.delete(key);
    this.chosen = next;
    if (next.size) this.load();
  }

  async markSent(e) {
    e.preventDefault();
    if (this.busy) return;
    this.busy = true;
    this.notice = null;
    try {
      const { recordProposalSent: r } = await gql(RECORD_SENT, { input: { clientId: this.clientId,
        options: this.options(), language: this.language, sentOn: this.sendForm.sentOn || null,
        channel: this.sendForm.channel } });
      if (r.userErrors.length) {
        this.sendForm = { ...this.sendForm, errors: r.userErrors };
      } else {
        this.sendForm = { sentOn: this.sendForm.sentOn, channel: this.sendForm.channel };
        this.sent = [r.proposal, ...(this.sent || [])];
        this.notice = t('proposalPage.sentDone', { date: formatDate(r.proposal.sentOn) });
      }
    } catch (err) {
      this.sendForm = { ...this.sendForm, errors: [{ field: ['clientId'], message: err.message }] };
    } finally {
      this.busy = false;
    }
  }

  answer(id) {
    return this.answers[id] || { answer: 'ACCEPTED', option: '1', note: '' };
  }

  editAnswer(id, change) {
    this.answers = { ...this.answers, [id]: { ...this.answer(id), ...change } };
  }

  async recordAnswer(e, p) {
    e.preventDefault();
    const a = this.answer(p.id);
    if (a.busy) return;
    this.editAnswer(p.id, { busy: true, errors: null });
    this.notice = null;
    try {
      const { recordProposalAnswer: r } = await gql(RECORD_ANSWER, { input: { proposalId: p.id, version: p.version,
        answer: a.answer, acceptedOption: a.answer === 'ACCEPTED' ? Number(a.option) : null, note: a.note || null } });
      if (r.userErrors.length) {
        const stale = r.userErrors.some((u) => u.code === 'CONFLICT' || u.code === 'STALE_VERSION');
        this.editAnswer(p.id, { busy: false, errors: stale
          ? [{ field: ['version'], message: t('proposalPage.stale') }] : r.userErrors });
        return;
      }
      this.sent = this.sent.map((s) => (s.id === p.id ? r.proposal : s));
      this.editAnswer(p.id, { busy: false });
      this.notice = t(`proposalPage.answered.${r.proposal.answer}`, { option: r.proposal.acceptedOption });
      if (r.proposal.answer === 'ACCEPTED') {
        const { invoices } = await gql(PLANNED, { clientId: this.clientId });
        this.planned = invoices.nodes;
      }
    } catch (err) {
      this.editAnswer(p.id, { busy: false, errors: [{ field: ['answer'], message: err.message }] });
    }
  }

  render() {
    if (!this.clientId) return html`<p class="card muted">${t('proposalPage.fromAlert')} <a href="#/alerts">${t('nav.alerts')}</a></p>`;
    if (this.error) return failure(this.error, () => this.load());
    if (!this.preview) return loading();
    const p = this.preview;
    return html`
      <h1 data-testid="proposal-title">${t('proposalPage.title', { client: p.client.name })}</h1>
      ${this.notice ? html`<p class="notice no-print" role="status" data-testid="proposal-notice">${this.notice}</p>` : nothing}
      <section class="card no-print" aria-labelledby="proposal-options-h">
        <h2 id="proposal-options-h">${t('proposalPage.choose')}</h2>
        <fieldset class="proposal-choices"><legend>${t('proposalPage.optionsLegend')}</legend>
          ${CANDIDATES.map((c) => html`<label><input type="checkbox" data-candidate=${c.key} .checked=${this.chosen.has(c.key)}
            @change=${(e) => this.toggle(c.key, e.target.checked)}> ${t(`proposalPage.candidate.${c.key}`)}</label>`)}
        </fieldset>
        <label>${t('proposalPage.language')}
          <select data-testid="proposal-language" .value=${this.language}
            @change=${(e) => { this.language = e.target.value; this.load(); }}>
            <option value="FR" ?selected=${this.language === 'FR'}>Français</option>
            <option value="EN" ?selected=${this.language === 'EN'}>English</option></select></label>
        <p>${t('proposalPage.peak', { amount: formatMoney(p.facts.peakExposure) })}</p>
        <ol class="proposal-options" data-testid="proposal-options">
          ${p.options.map((o) => html`<li data-option=${o.number}><strong>${o.description}</strong> —
            ${t('proposal.optionLift', { lift: formatMoney(o.lowestBalanceLift) })}</li>`)}
        </ol>
        <button type="button" data-testid="print-letter" @click=${() => window.print()}>${t('proposalPage.print')}</button>
      </section>
      <section class="letter-doc card" data-testid="letter-doc" lang=${this.language.toLowerCase()}
        aria-label=${t('proposalPage.letter')}>${letterNodes(p.letter)}</section>
      <form class="card no-print" data-testid="send-form" @submit=${(e) => this.markSent(e)}>
        <h2>${t('proposalPage.markSent')}</h2>
        <label>${t('proposalPage.sentOn')}
          <input type="date" name="sentOn" required .value=${this.sendForm.sentOn} aria-describedby="sent-on-error"
            @input=${(e) => { this.sendForm = { ...this.sendForm, sentOn: e.target.value }; }}></label>
        ${fieldErrors(this.sendForm.errors, 'sentOn', 'sent-on-error')}
        <label>${t('proposalPage.channel')}
          <select name="channel" .value=${this.sendForm.channel}
            @change=${(e) => { this.sendForm = { ...this.sendForm, channel: e.target.value }; }}>
            ${CHANNELS.map((c) => html`<option value=${c} ?selected=${this.sendForm.channel === c}>${t(`proposalPage.channel.${c}`)}</option>`)}
          </select></label>
        ${fieldErrors(this.sendForm.errors, 'options', 'options-error')}
        ${fieldErrors(this.sendForm.errors, 'clientId', 'client-error')}
        <button type="submit" ?disabled=${this.busy || this.chosen.size === 0}>${this.busy ? t('proposalPage.sending') : t('proposalPage.markSentButton')}</button>
      </form>
      <section class="no-print" aria-labelledby="sent-h">
        <h2 id="sent-h">${t('proposalPage.sentList')}</h2>
        ${(this.sent || []).length === 0 ? html`<p class="muted">${t('proposalPage.noneSent')}</p>` : html`
          <ul class="sent-proposals" data-testid="sent-proposals">${this.sent.map((s) => this.sentCard(s))}</ul>`}
      </section>
      ${this.planned ? html`<section class="card no-print" data-testid="planned-invoices">
        <h2>${t('proposalPage.planned')}</h2>
        <div class="scroll"><table><thead><tr><th scope="col">${t('proposalPage.project')}</th>
          <th scope="col">${t('proposalPage.invoice')}</th><th scope="col">${t('proposalPage.due')}</th>
          <th scope="col">${t('proposalPage.amount')}</th></tr></thead>
        <tbody>${this.planned.map((i) => html`<tr data-due=${i.dueDate} data-amount=${i.amount.amount}>
          <td><a href=${`#/projects/${i.project.id}`}>${i.project.name}</a></td><td>${i.label}</td>
          <td>${formatDate(i.dueDate)}</td><td>${formatMoney(i.amount, { cents: true })}</td></tr>`)}</tbody></table></div>
      </section>` : nothing}`;
  }

  sentCard(s) {
    const a = this.answer(s.id);
    return html`<li class="card" data-proposal=${s.id} data-answer=${s.answer || ''}>
      <p><strong>${t('proposalPage.sentOnLine', { date: formatDate(s.sentOn) })}</strong>
        ${s.channel ? html` · ${t(`proposalPage.channel.${s.channel}`)}` : nothing} · ${s.language}
        · <a href=${`/exports/proposals/${encodeURIComponent(s.id)}/letter.pdf`} data-testid="letter-pdf" download>${t('proposalPage.pdf')}</a></p>
      ${s.answer ? html`<p data-testid="answer-line">${t(`proposalPage.answer.${s.answer}`)}
        ${s.acceptedOption ? html` — ${s.options[s.acceptedOption - 1].description}` : nothing}
        (${formatDate(s.answeredOn)})${s.answerNote ? html` — “${s.answerNote}”` : nothing}</p>` : nothing}
      ${s.answer === 'ACCEPTED' ? nothing : html`
        <form class="answer-form" data-testid="answer-form" @submit=${(e) => this.recordAnswer(e, s)}>
          <fieldset><legend>${t('proposalPage.clientAnswer')}</legend>
            ${['ACCEPTED', 'DECLINED', 'COUNTERED'].map((v) => html`<label><input type="radio" name=${`answer-${s.id}`}
              value=${v} .checked=${a.answer === v} @change=${() => this.editAnswer(s.id, { answer: v })}>
              ${t(`proposalPage.answer.${v}`)}</label>`)}
          </fieldset>
          ${a.answer === 'ACCEPTED' ? html`<label>${t('proposalPage.acceptedOption')}
            <select name="acceptedOption" .value=${a.option} aria-describedby=${`accepted-${s.id}`}
              @change=${(e) => this.editAnswer(s.id, { option: e.target.value })}>
              ${s.options.map((o) => html`<option value=${o.number} ?selected=${String(o.number) === a.option}>${o.number}. ${o.description}</option>`)}
            </select></label>${fieldErrors(a.errors, 'acceptedOption', `accepted-${s.id}`)}` : nothing}
          <label>${t('proposalPage.note')}
            <textarea name="note" maxlength="2000" .value=${a.note} aria-describedby=${`note-${s.id}`}
              @input=${(e) => this.editAnswer(s.id, { note: e.target.value })}></textarea></label>
          ${fieldErrors(a.errors, 'note', `note-${s.id}`)}
          ${fieldErrors(a.errors, 'answer', `answer-${s.id}-error`)}
          ${fieldErrors(a.errors, 'version', `version-${s.id}`)}
          <button type="submit" ?disabled=${a.busy}>${a.answer === 'ACCEPTED' ? t('proposalPage.acceptApply')
            : t('proposalPage.recordAnswer')}</button>
        </form>`}
    </li>`;
  }
}

customElements.define('cordee-proposal', ProposalView);
