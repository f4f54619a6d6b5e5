// The top bar's search box and alert bell (issue 19 point 7, ADR 68). Loaded by the shell once someone is
// signed in (a dynamic import, ADR 41): the sign-in page does not download it.
import { html, nothing } from 'lit';
import { gql } from '../graphql.js';
import { watchAlerts } from '../live-alerts.js';
import { CordeeElement } from '../ui.js';
import { t } from '../i18n.js';

const SEARCH = `query Search($text: String!, $first: Int) { search(text: $text, first: $first) {
  hits { kind id title subtitle path } } }`;
const OPEN_ALERTS = `query OpenAlerts($first: Int) { alerts(first: $first, filter: { status: [OPEN] }) {
  totalCount nodes { id kind severity client { name } project { name } brief { title } } } }`;

const DEBOUNCE_MS = 150;
const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/**
 * A button in the top bar and Ctrl-K / Cmd-K open a modal dialog holding an ARIA combobox: typing asks the
 * server (debounced; an older answer never replaces a newer one), the arrows move through the hits, Enter
 * (or a click) opens the hit's page, Escape closes and gives the focus back.
 */
class SearchBox extends CordeeElement {
  static properties = {
    text: { state: true }, hits: { state: true }, active: { state: true }, error: { state: true }, busy: { state: true },
  };

  constructor() {
    super();
    this.text = '';
    this.hits = [];
    this.active = -1;
    this.asked = 0;
    this.onKey = (e) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key?.toLowerCase() === 'k') {
        e.preventDefault();
        this.open();
      }
    };
  }

  connectedCallback() {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKey);
  }

  disconnectedCallback() {
    window.removeEventListener('keydown', this.onKey);
    clearTimeout(this.timer);
    super.disconnectedCallback();
  }

  get dialog() {
    return this.querySelector('dialog');
  }

  open() {
    if (this.dialog.open) {
      this.querySelector('input').select();
      return;
    }
    this.dialog.showModal();
    this.querySelector('input').focus();
  }

  close() {
    if (this.dialog.open) this.dialog.close();
  }

  typed(value) {
    this.text = value;
    clearTimeout(this.timer);
    if (!value.trim()) {
      this.asked += 1; // an answer still on its way is now stale
      this.hits = [];
      this.active = -1;
      this.error = null;
      this.busy = false;
      return;
    }
    this.busy = true;
    this.timer = setTimeout(() => this.ask(value), DEBOUNCE_MS);
  }

  async ask(value) {
    const asked = ++this.asked;
    try {
      const { search } = await gql(SEARCH, { text: value, first: 10 });
      if (asked !== this.asked) return;
      this.hits = search.hits;
      this.active = search.hits.length ? 0 : -1;
      this.error = null;
    } catch (e) {
      if (asked !== this.asked) return;
      this.hits = [];
      this.active = -1;
      this.error = e.message;
    } finally {
      if (asked === this.asked) this.busy = false;
    }
  }

  key(e) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!this.hits.length) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + step + this.hits.length) % this.hits.length;
      this.updateComplete.then(() => this.querySelector(`#search-hit-${this.active}`)?.scrollIntoView({ block: 'nearest' }));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (this.hits[this.active]) this.go(this.hits[this.active]);
    }
  }

  go(hit) {
    this.close();
    location.hash = `#${hit.path}`;
  }

  reset() {
    // the dialog closed (Escape, a hit opened, the close button): next time it opens empty
    this.text = '';
    this.hits = [];
    this.active = -1;
    this.error = null;
    this.busy = false;
    this.asked += 1;
    this.querySelector('.search-open')?.focus();
  }

  render() {
    const shortcut = isMac() ? '⌘K' : 'Ctrl K';
    const expanded = this.hits.length > 0;
    const none = !this.busy && !this.error && this.text.trim() && !this.hits.length;
    return html`
      <button type="button" class="search-open secondary" data-testid="search-open" aria-haspopup="dialog"
        aria-keyshortcuts="Control+K Meta+K" title=${`${t('search.open')} (${shortcut})`} @click=${() => this.open()}>
        <span aria-hidden="true">⌕</span> <span class="search-label">${t('search.open')}</span>
        <kbd aria-hidden="true">${shortcut}</kbd></button>
      <dialog class="search-dialog" aria-labelledby="search-title" data-testid="search-dialog" @close=${() => this.reset()}
        @click=${(e) => { if (e.target === this.dialog) this.close(); }}>
        <div class="search-panel">
          <h2 id="search-title" class="visually-hidden">${t('search.title')}</h2>
          <div class="search-field">
            <input type="text" role="combobox" aria-autocomplete="list" aria-expanded=${expanded ? 'true' : 'false'}
              aria-controls="search-hits" aria-activedescendant=${this.active >= 0 ? `search-hit-${this.active}` : nothing}
              aria-label=${t('search.label')} aria-describedby="search-help" placeholder=${t('search.placeholder')}
              maxlength="100" autocomplete="off" spellcheck="false" data-testid="search-input"
              .value=${this.text} @input=${(e) => this.typed(e.target.value)} @keydown=${(e) => this.key(e)}>
            <button type="button" class="secondary" data-testid="search-close" @click=${() => this.close()}>${t('search.close')}</button>
          </div>
          <p id="search-help" class="muted small">${t('search.help')}</p>
          ${this.error ? html`<p class="field-error" role="alert" data-testid="search-error">${this.error}</p>` : nothing}
          <ul id="search-hits" role="listbox" aria-label=${t('search.results')} class="search-hits" data-testid="search-hits">
            ${this.hits.map((hit, i) => html`<li id=${`search-hit-${i}`} role="option" aria-selected=${i === this.active ? 'true' : 'false'}
              data-kind=${hit.kind} @mousemove=${() => { this.active = i; }} @click=${() => this.go(hit)}>
              <span class="pill">${t(`search.kind.${hit.kind}`)}</span>
              <span class="search-title">${hit.title}</span>
              ${hit.subtitle ? html`<span class="muted small search-subtitle">${hit.subtitle}</span>` : nothing}</li>`)}
          </ul>
          <p class="muted small" role="status" data-testid="search-status">${this.busy ? t('search.searching')
            : none ? t('search.none') : expanded ? t('search.count', { count: this.hits.length }) : ''}</p>
        </div>
      </dialog>`;
  }
}

/**
 * The count of the agency's open alerts in the top bar, kept true by the live alert feed (one query per
 * change, the same subscription as the alerts page); it opens a short list of them with a link to the page.
 */
class AlertBell extends CordeeElement {
  static properties = { count: { state: true }, alerts: { state: true }, expanded: { state: true }, live: { state: true } };

  constructor() {
    super();
    this.count = null;
    this.alerts = [];
    this.onOutside = (e) => {
      if (this.expanded && !this.contains(e.target)) this.expanded = false;
    };
    this.onHash = () => { this.expanded = false; };
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
    this.stop = watchAlerts(() => this.load(), (live) => { this.live = live; });
    document.addEventListener('click', this.onOutside);
    window.addEventListener('hashchange', this.onHash);
  }

  disconnectedCallback() {
    this.stop?.();
    document.removeEventListener('click', this.onOutside);
    window.removeEventListener('hashchange', this.onHash);
    super.disconnectedCallback();
  }

  async load() {
    try {
      const { alerts } = await gql(OPEN_ALERTS, { first: 5 });
      this.count = alerts.totalCount;
      this.alerts = alerts.nodes;
    } catch (e) {
      this.count = null; // the bell shows no number rather than a wrong one
    }
  }

  toggle() {
    this.expanded = !this.expanded;
  }

  render() {
    const subject = (a) => a.client?.name ?? a.project?.name ?? a.brief?.title ?? t('alerts.agencyWide');
    const label = this.count === null ? t('bell.label') : t('bell.count', { count: this.count });
    return html`
      <button type="button" class="bell secondary" data-testid="bell" aria-expanded=${this.expanded ? 'true' : 'false'}
        aria-controls="bell-list" aria-label=${label} title=${label} @click=${() => this.toggle()}
        @keydown=${(e) => { if (e.key === 'Escape') this.expanded = false; }}>
        <svg class="bell-icon" aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" fill="none"
          stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
          <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9"/><path d="M13.7 21a2 2 0 0 1-3.4 0"/></svg>
        ${this.count ? html`<span class="bell-count" data-testid="bell-count" aria-hidden="true">${this.count}</span>` : nothing}
      </button>
      <div id="bell-list" class="bell-list card" ?hidden=${!this.expanded} data-testid="bell-list"
        @keydown=${(e) => { if (e.key === 'Escape') { this.expanded = false; this.querySelector('.bell').focus(); } }}>
        <p><strong>${label}</strong>${this.live ? html` <span class="live small">● ${t('alerts.live')}</span>` : nothing}</p>
        ${this.alerts.length ? html`<ul>${this.alerts.map((a) => html`<li class=${`severity-${a.severity}`}>
          <a href=${`#/alerts`}>${t(`alerts.kind.${a.kind}`)} · ${subject(a)}</a></li>`)}</ul>`
          : html`<p class="muted">${t('bell.none')}</p>`}
        <a href="#/alerts" data-testid="bell-all">${t('bell.all')}</a>
      </div>`;
  }
}

customElements.define('cordee-search', SearchBox);
customElements.define('cordee-bell', AlertBell);
