// The agency's live alert feed (ADR 22, 68): ONE WebSocket subscription to alertChanged shared by every part
// of the page that listens (the bell in the top bar, the alerts page), opened with the first listener and
// closed with the last, so opening the alerts page does not open a second one. Acknowledgements and snoozes
// come through it too, whoever made them (ADR 75).
import { subscribe } from './graphql.js';

const CHANGED = 'subscription { alertChanged { type alert { id } } }';

const listeners = new Set();
let stop = null;
let live = false;

/**
 * Calls onChange(data) on every change of the agency's alerts and onLive(boolean) when the feed goes on or
 * off (at once with its current state). Returns the function that stops listening.
 */
export function watchAlerts(onChange, onLive = () => {}) {
  const listener = { onChange, onLive };
  listeners.add(listener);
  onLive(live);
  if (!stop) {
    stop = subscribe(CHANGED, (data) => listeners.forEach((l) => l.onChange(data)), (on) => {
      live = on;
      listeners.forEach((l) => l.onLive(on));
    });
  }
  const stopListening = () => {
    listeners.delete(listener);
    if (!listeners.size && stop) {
      stop();
      stop = null;
      live = false;
    }
  };
  listener.stop = stopListening;
  return stopListening;
}

