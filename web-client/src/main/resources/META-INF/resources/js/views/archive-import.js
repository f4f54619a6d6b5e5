import { html, nothing } from 'lit';
import { CordeeElement } from '../ui.js';
import { t, addMessages } from '../i18n.js';
import words from './archive-import.words.js';

addMessages(words);

/**
 * "Import an archive" (ADR 58): an agency.zip exported by Cordée, uploaded into this agency while it is empty.
 * The server checks the manifest, hashes and every row and answers with the counts written, or the reason.
 */
class CordeeArchiveImport extends CordeeElement {
  static properties = { busy: { state: true }, error: { state: true }, imported: { state: true } };

  async upload(event) {
    event.preventDefault();
    const file = this.renderRoot.querySelector('[data-testid=archive-file]').files[0];
    if (!file) { this.error = t('archive.noFile'); return; }
    this.busy = true; this.error = null; this.imported = null;
    try {
      const response = await fetch('/imports/agency-archive',
        { method: 'POST', headers: { 'Content-Type': 'application/zip' }, body: file, credentials: 'same-origin' });
      const body = await response.json();
      if (!response.ok) {
        const code = body.errors?.[0]?.extensions?.code;
        this.error = code === 'AGENCY_NOT_EMPTY' ? t('archive.notEmpty') : (body.errors?.[0]?.message || response.statusText);
        return;
      }
      this.imported = body.imported;
    } catch (e) {
      this.error = e.message;
    } finally {
      this.busy = false;
    }
  }

  render() {
    return html`<section class="card data-import" aria-labelledby="archive-title" data-testid="archive-import">
      <h2 id="archive-title">${t('archive.title')}</h2>
      <p class="muted small">${t('archive.hint')}</p>
      <form @submit=${this.upload}>
        <label for="archive-file">${t('archive.file')}</label>
        <input id="archive-file" type="file" accept=".zip,application/zip" data-testid="archive-file"
          aria-describedby=${this.error ? 'archive-error' : nothing}>
        <button type="submit" ?disabled=${this.busy} data-testid="archive-submit">${this.busy ? t('archive.sending') : t('archive.submit')}</button>
      </form>
      ${this.error ? html`<p id="archive-error" class="error" role="alert" data-testid="archive-error">${this.error}</p>` : nothing}
      ${this.imported ? html`<p class="success" role="status" data-testid="archive-done">${t('archive.done', this.imported)}</p>` : nothing}
    </section>`;
  }
}
customElements.define('cordee-archive-import', CordeeArchiveImport);
