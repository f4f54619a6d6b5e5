/**
 * "Today" as the server counts it (docs/adr/0026-strict-input-and-the-operations-surface.md): the agency's
 * date in its time zone by the server's clock, never the computer's date. Around midnight a browser in
 * another time zone (or with a clock that is off) would otherwise ask for another day or month than the
 * one the forecast, the alerts and the API's checks use. Set from the viewer (`agency { now timeZone }`);
 * the gap between the two clocks is kept, so a page left open past midnight moves on with the server.
 */
let skewMs = 0;
let zone = 'UTC';

export function setServerClock({ now, timeZone }) {
  if (now) skewMs = Date.parse(now) - Date.now();
  if (timeZone) zone = timeZone;
}

/** The agency's date today, e.g. "2026-11-30". */
export function todayIso() {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date(Date.now() + skewMs));
  const part = (type) => parts.find((p) => p.type === type).value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The agency's month today, e.g. "2026-11". */
export const thisMonthIso = () => todayIso().slice(0, 7);

/** The last day of the month `months` after "2026-11" (0: November's own), e.g. "2026-11-30"; calendar arithmetic only. */
export function lastDayIso(yearMonth, months = 0) {
  const [y, m] = yearMonth.split('-').map(Number);
  const last = new Date(Date.UTC(y, m + months, 0)); // day 0 of the next month, in UTC: no time zone involved
  return last.toISOString().slice(0, 10);
}
