// The numbers behind a health component or an alert, with the names people read instead of the API's
// keys (`peakShare` → "Peak capacity share"). Names live in evidence.words.js under `evidence.<key>`; a key with
// no name yet is spelled out from its camelCase rather than hidden.
import { t, hasMessage, formatDate, formatMonth, formatMoney, formatNumber, formatPercent, addMessages } from './i18n.js';
import words from './evidence.words.js';

addMessages(words);

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

/** An amount of evidence ("12345.00 EUR") as money for the current language. */
const moneyOf = (value) => {
  const m = /^(-?\d+(?:\.\d+)?) ([A-Z]{3})$/.exec(value ?? '');
  return m ? formatMoney({ amount: m[1], currency: m[2] }) : '—';
};

/**
 * What to do about an alert, in the reader's language, its figures formatted by Intl (ADR 63): built from
 * the alert's kind and evidence, never from the API's English `suggestedAction` (kept for partners), which
 * prints raw values ("42.6667 % … in 2026-12"). A kind without words yet falls back to the API's sentence.
 */
export function alertAction(alert) {
  const e = Object.fromEntries((alert.evidence || []).map((i) => [i.name, i.value]));
  const num = (name, digits = 0) => (e[name] == null ? '—' : formatNumber(Number(e[name]), digits));
  const day = (name) => (e[name] ? formatDate(e[name]) : '—');
  const month = (name) => (e[name] ? formatMonth(e[name]) : '—');
  const share = (name, digits = 0) => (e[name] == null ? '—' : formatPercent(Number(e[name]), digits));
  switch (alert.kind) {
    case 'CAPACITY_CONCENTRATION':
      return t('alertAction.CAPACITY_CONCENTRATION', { share: share('peakShare', 1), month: month('peakMonth') });
    case 'CASH_RISK':
      return t('alertAction.CASH_RISK', { share: share('probabilityWithin13Weeks'), paths: num('paths') });
    case 'CASH_SHORTFALL':
      return t('alertAction.CASH_SHORTFALL', { week: num('weeksAhead'), date: day('firstWeekBelow') });
    case 'EXPOSURE_LIMIT':
      return t('alertAction.EXPOSURE_LIMIT', { peak: moneyOf(e.peakExposure), limit: moneyOf(e.limit) });
    case 'FUNDING_RISK':
      return t('alertAction.FUNDING_RISK', { date: day('lastExpectedPayment') });
    case 'LONG_TIME_TO_CASH':
      return t('alertAction.LONG_TIME_TO_CASH', { days: num('daysToFirstCash') });
    case 'OVERDUE_INVOICE':
      return t('alertAction.OVERDUE_INVOICE', { days: num('daysOverdue'), balance: moneyOf(e.balanceDue) });
    case 'PAYMENT_DRIFT':
      return t('alertAction.PAYMENT_DRIFT', { days: num('driftDays', 1) });
    case 'ENGAGEMENT_DROP':
      // the rule words a fall of the score as a warning, only slipped commitments as information
      return alert.severity === 'INFO'
        ? t('alertAction.ENGAGEMENT_DROP.slipped', { n: num('slippedCommitments') })
        : t('alertAction.ENGAGEMENT_DROP', { points: num('dropPoints'), date: day('highestScoreOn') });
    case 'UNREALISTIC_BRIEF':
      return Number(e.requirementsToDrop || 0) > 0
        ? t('alertAction.UNREALISTIC_BRIEF.drop', { n: num('requirementsToDrop') })
        : t('alertAction.UNREALISTIC_BRIEF');
    default:
      return alert.suggestedAction;
  }
}
