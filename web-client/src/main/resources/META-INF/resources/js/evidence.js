// The numbers behind a health component or an alert, with the names people read instead of the API's
// keys (`peakShare` → "Peak capacity share"). Names live in i18n.js under `evidence.<key>`; a key with
// no name yet is spelled out from its camelCase rather than hidden.
import { t, hasMessage, formatDate, formatMonth, formatMoney, formatNumber, formatPercent } from './i18n.js';

/** Shares between 0 and 1 shown as percentages; whole percentages (30) as well. */
const SHARES = new Set(['peakShare']);
const PERCENT_POINTS = new Set(['warningPercent']);
const ENUM_LABELS = { roundStatus: 'round' };

export function evidenceName(name) {
  const key = `evidence.${name}`;
  if (hasMessage(key)) return t(key);
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * An alert's evidence value, a string from the API: a day (2026-05-04), a month (2026-05), an amount
 * ("12345.00 EUR"), a number, or a label; each formatted for the current language.
 */
export function alertEvidenceValue(name, value) {
  if (value == null || value === '') return '—';
  if (ENUM_LABELS[name] && hasMessage(`${ENUM_LABELS[name]}.${value}`)) return t(`${ENUM_LABELS[name]}.${value}`);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  if (/^\d{4}-\d{2}$/.test(value)) return formatMonth(value);
  const money = /^(-?\d+(?:\.\d+)?) ([A-Z]{3})$/.exec(value);
  if (money) return formatMoney({ amount: money[1], currency: money[2] });
  if (/^-?\d+(\.\d+)?$/.test(value)) {
    const n = Number(value);
    if (SHARES.has(name)) return formatPercent(n);
    if (PERCENT_POINTS.has(name)) return formatPercent(n / 100);
    return formatNumber(n, 2);
  }
  return value;
}

/** A health component's evidence value: a number or null (no data). */
export function healthEvidenceValue(value) {
  return value == null ? '—' : formatNumber(value, 1);
}
