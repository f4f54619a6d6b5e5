// A small closed-loop load driver for bench/postgraphile-comparison.sh: `concurrency` workers each POST
// one GraphQL body after another (round-robin over `bodies`) to `url` over kept-alive loopback
// connections, for `warmup` seconds unmeasured and then `seconds` measured. Bounded in time; loopback only.
// Usage: node driver.mjs '{"url":"http://127.0.0.1:8080/graphql","headers":{},"bodies":["{...}"],
//                          "concurrency":8,"seconds":10,"warmup":2}'
// Optional "headerSets": a list of header objects taken in turn with the bodies (request i gets
// bodies[i % n] and headerSets[i % m]), e.g. one session cookie per agency for bench/scale.sh's mix.
// Optional "rate": an open loop, as users arrive: requests sent on a fixed schedule, `rate` a second whatever the
// answers, over at most `concurrency` connections; each is timed from its scheduled start, so a server that falls
// behind is charged for the wait (no coordinated omission). Without it, a closed loop: each worker sends its next
// request as soon as its last answer arrives, which keeps the server (and, on one machine, every core) busy.
// Optional "trace": a file to which every measured request's latency (ms) is written, one per line, so that a caller
// can pool several windows' requests into one distribution (bench/scale.sh's rounds).
// Prints one JSON line: requests (measured), total (warm-up included), errors (any, warm-up included), firstError, rps, p50Ms, p99Ms, maxMs.
import fs from 'node:fs';
import http from 'node:http';

const cfg = JSON.parse(process.argv[2]);
const url = new URL(cfg.url);
if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) throw new Error('loopback only: ' + url.hostname);
const agent = new http.Agent({ keepAlive: true, maxSockets: cfg.concurrency });
const bodies = cfg.bodies.map((b) => Buffer.from(b));

function post(body, extra) {
  return new Promise((resolve) => {
    const req = http.request({ agent, host: url.hostname, port: url.port, path: url.pathname, method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': body.length, ...cfg.headers, ...extra } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        // an answer with errors (or without data) is an error: the two servers must answer the same question
        const ok = res.statusCode === 200 && text.startsWith('{"data"') && !text.includes('"errors"');
        resolve(ok ? null : `${res.statusCode} ${text.slice(0, 300)}`);
      });
    });
    req.on('error', (e) => resolve(String(e)));
    req.end(body);
  });
}

const warmupEnd = Date.now() + cfg.warmup * 1000;
const end = warmupEnd + cfg.seconds * 1000;
const times = [];
let errors = 0;
let total = 0; // every request sent, warm-up included: the server's CPU and statements are divided by it
let firstError = null;
let next = 0;
async function worker() {
  while (Date.now() < end) {
    const i = next++;
    const body = bodies[i % bodies.length];
    const extra = cfg.headerSets ? cfg.headerSets[i % cfg.headerSets.length] : {};
    const t0 = process.hrtime.bigint();
    const error = await post(body, extra);
    const t1 = process.hrtime.bigint();
    const now = Date.now();
    total++;
    if (error) { errors++; firstError ??= error; } else if (now >= warmupEnd && now <= end) times.push(Number(t1 - t0) / 1e6);
  }
}
async function scheduled() {
  const start = process.hrtime.bigint();
  const interval = 1e9 / cfg.rate;
  const pending = new Set();
  for (let i = 0; Date.now() < end; i++) {
    const due = start + BigInt(Math.round(i * interval));
    const wait = Number(due - process.hrtime.bigint()) / 1e6;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const body = bodies[i % bodies.length];
    const extra = cfg.headerSets ? cfg.headerSets[i % cfg.headerSets.length] : {};
    const request = post(body, extra).then((error) => {
      const t1 = process.hrtime.bigint();
      const now = Date.now();
      total++;
      if (error) { errors++; firstError ??= error; } else if (now >= warmupEnd && now <= end) times.push(Number(t1 - due) / 1e6);
      pending.delete(request);
    });
    pending.add(request);
  }
  await Promise.all(pending);
}
// latencies and requests/s: the requests that ended inside the measured window (wall clock)
const started = Date.now();
await (cfg.rate ? scheduled() : Promise.all(Array.from({ length: cfg.concurrency }, worker)));
agent.destroy();
if (cfg.trace) fs.writeFileSync(cfg.trace, times.map((t) => t.toFixed(3)).join('\n') + '\n');
times.sort((a, b) => a - b);
const q = (p) => (times.length ? times[Math.min(times.length - 1, Math.floor(p * times.length))] : NaN);
console.log(JSON.stringify({ requests: times.length, total, errors, firstError, rps: times.length / cfg.seconds,
  p50Ms: q(0.5), p99Ms: q(0.99), maxMs: times.length ? times[times.length - 1] : NaN,
  wallSeconds: (Date.now() - started) / 1000 }));
