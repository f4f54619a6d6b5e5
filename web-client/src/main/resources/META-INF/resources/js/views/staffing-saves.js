// Part of the staffing timeline (staffing-timeline.js, which imports it): its saves, one after the other.

/**
 * The timeline's saves, in the order they were asked for, each after the one before has been answered, so no
 * change is dropped because another is on its way (a key pressed while the server is slow used to be ignored).
 * The dates asked for again on a bar before its save has left replace the first: one save, of the dates asked
 * for last. Each save sends the version the user saw, or the one the saves from here have brought since: a
 * change by someone else meanwhile is still refused as stale. `pending` counts the saves waiting or on their
 * way; the host is drawn again when it changes.
 */
export class Saves {
  constructor(host) {
    this.host = host;
    this.asked = new Map(); // id → { dates, version }: the dates asked for last and not yet answered
    this.queued = new Set(); // ids whose save waits for the saves before it
    this.saved = new Map(); // id → the allocation as saved from here, newer than the host's list until its reload
    this.last = Promise.resolve(); // the last save asked for: the next starts when it has ended
    this.pending = 0;
  }

  /** An allocation as last known here: the one saved from here, unless the list has caught up with it. */
  latest(a) {
    const saved = this.saved.get(a.id);
    return saved && saved.version > a.version ? saved : a;
  }

  /** The version to send for an allocation read at `version`: the one its saves from here brought since, if newer. */
  version(id, version) {
    const saved = this.saved.get(id);
    return saved && saved.version > version ? saved.version : version;
  }

  /** The dates asked for this allocation and not yet saved, if any. */
  unsaved(id) {
    return this.asked.get(id)?.dates;
  }

  /** An allocation saved from here another way (the edit dialog). */
  remember(allocation) {
    this.saved.set(allocation.id, allocation);
  }

  /**
   * Asks for new dates of `a`; `send(asked, version)` runs after the saves before it, with the dates asked for last.
   * A send that fails without an answer (it throws, at once or later) is a failed save: its dates are given up as a
   * refused one's, and `failed(error)` says so. Nothing stays drawn as on its way, no rejection is left unhandled.
   */
  ask(a, dates, send, failed) {
    const before = this.asked.get(a.id);
    // after dates of its own not yet saved, the version the user saw is the one that save brings (`version`)
    this.asked.set(a.id, { dates, version: before ? before.version : this.latest(a).version });
    if (this.queued.has(a.id)) return;
    this.queued.add(a.id);
    this.run(() => {
      this.queued.delete(a.id);
      const asked = this.asked.get(a.id);
      if (!asked) return undefined; // none: refused meanwhile
      // a promise around the call, so that a send throwing before it returns a promise is caught here too
      return new Promise((resolve) => resolve(send(asked, this.version(a.id, asked.version)))).catch((error) => {
        this.answered(a.id, asked, null);
        failed(error);
      });
    });
  }

  /** Runs `task` (a save, the edit dialog's save or delete) after the one before it has ended, however it ended. */
  run(task) {
    this.count(1);
    const run = this.last.then(task).finally(() => this.count(-1));
    this.last = run.catch(() => {});
    return run;
  }

  count(n) {
    this.pending += n;
    this.host.requestUpdate();
  }

  /**
   * The answer to `asked`: the allocation saved, or null (refused, failed). True when nothing is asked for it any
   * more: refused, the dates asked for after it, which started from it, are given up too.
   */
  answered(id, asked, allocation) {
    if (allocation) this.remember(allocation);
    if (allocation && this.asked.get(id) !== asked) return false;
    this.asked.delete(id);
    return true;
  }
}
