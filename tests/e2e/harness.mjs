// Shared setup of the edge end-to-end tests (edge.test.mjs, edge_auth.test.mjs, ...): the built
// Worker (edge/build, `worker-build --release`) in workerd through Miniflare's Node API, the audit
// lines it writes and what its audit sinks receive, and the assertions every test uses on responses.

import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { Miniflare } from 'miniflare';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EDGE = join(ROOT, 'edge');
export const CHATGUARD_BIN = process.env.CHATGUARD_BIN ?? join(ROOT, 'target', 'debug', 'chatguard');

/** Miniflare options for the built Worker with these `[vars]`/secrets (plus `extra` options). */
export function workerOptions(bindings, extra = {}) {
  return {
    modules: true,
    scriptPath: join(EDGE, 'build/index.js'),
    modulesRules: [{ type: 'CompiledWasm', include: ['**/*.wasm'] }],
    compatibilityDate: '2026-04-01',
    cf: false,
    bindings,
    durableObjects: { RATE_LIMITER: 'RateLimiter' },
    ...extra,
  };
}

/** Fails clearly when the Worker has not been built. */
export function assertBuilt() {
  assert.ok(existsSync(join(EDGE, 'build/index.js')), 'build the Worker first: cd edge && worker-build --release');
}

/** The queue the `AUDIT_QUEUE` producer binding sends to in the tests. */
export const AUDIT_QUEUE_NAME = 'chatguard-audit';
const QUEUE_MARK = 'audit-queue-batch ';
const POINT_MARK = 'audit-analytics-point ';

/**
 * Stand-ins for the far ends of the audit sinks, run as extra workers next to the Worker:
 * `consumer` is a real queue consumer of AUDIT_QUEUE_NAME (Miniflare delivers the batches the
 * Worker's producer binding sent); `recorder` is a wrapped binding for AUDIT_ANALYTICS that logs
 * each data point (Miniflare's own Analytics Engine binding drops them); `failingQueue` and
 * `failingAnalytics` throw with an error text that carries synthetic personal data, which must
 * not reach the log.
 */
export const SINK_SCRIPTS = {
  consumer: `export default { async queue(batch) {
    console.log(${JSON.stringify(QUEUE_MARK)} + JSON.stringify({ queue: batch.queue, bodies: batch.messages.map((m) => m.body) }));
    batch.ackAll();
  } };`,
  recorder: `export default function () {
    return { writeDataPoint(point) { console.log(${JSON.stringify(POINT_MARK)} + JSON.stringify(point)); } };
  }`,
  failingQueue: `class WorkerQueue {
    async send() { throw new Error('queue down for jane.doe@example.com'); }
    async sendBatch() { throw new Error('queue down for jane.doe@example.com'); }
  }
  export default function () { return new WorkerQueue(); }`,
  failingAnalytics: `export default function () {
    return { writeDataPoint() { throw new Error('dataset down for jane.doe@example.com'); } };
  }`,
};

/**
 * Miniflare options for the Worker with audit sinks: `queue` is 'real' (a producer binding to
 * AUDIT_QUEUE_NAME, consumed by SINK_SCRIPTS.consumer), 'failing' or absent; `analytics` is
 * 'recorder', 'failing' or absent. Other bindings (e.g. a plain var named AUDIT_QUEUE) go in
 * `bindings`.
 */
export function sinkWorkers(bindings, { queue, analytics } = {}, shared = {}) {
  const { cf, ...options } = workerOptions(bindings);
  const edge = { name: 'edge', ...options };
  const workers = [edge];
  const script = (name, body, extra = {}) => workers.push({ name, modules: true, script: body, ...extra });
  if (queue === 'real') {
    edge.queueProducers = { AUDIT_QUEUE: AUDIT_QUEUE_NAME };
    script('audit-consumer', SINK_SCRIPTS.consumer, { compatibilityDate: edge.compatibilityDate, queueConsumers: { [AUDIT_QUEUE_NAME]: { maxBatchSize: 100, maxBatchTimeout: 1 } } });
  } else if (queue === 'failing') {
    edge.wrappedBindings = { ...edge.wrappedBindings, AUDIT_QUEUE: { scriptName: 'failing-queue' } };
    script('failing-queue', SINK_SCRIPTS.failingQueue);
  }
  if (analytics) {
    const name = analytics === 'recorder' ? 'analytics-recorder' : 'failing-analytics';
    edge.wrappedBindings = { ...edge.wrappedBindings, AUDIT_ANALYTICS: { scriptName: name } };
    script(name, analytics === 'recorder' ? SINK_SCRIPTS.recorder : SINK_SCRIPTS.failingAnalytics);
  }
  return { cf, ...shared, workers };
}

/**
 * What the Worker wrote, sorted by where it went: `audit` (log lines), and with `sinks` given,
 * `sinks.queued` (message bodies the queue consumer received), `sinks.points` (Analytics Engine
 * data points) and `sinks.errors` (audit_error lines); `sinks.all`, when given, gets every line.
 */
function collect(audit, sinks) {
  return (stdout, stderr) => {
    for (const stream of [stdout, stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        sinks?.all?.push(line);
        const queued = line.indexOf(QUEUE_MARK);
        const point = line.indexOf(POINT_MARK);
        const error = line.indexOf('{"audit_error"');
        if (sinks && queued >= 0) sinks.queued.push(...JSON.parse(line.slice(queued + QUEUE_MARK.length)).bodies);
        else if (sinks && point >= 0) sinks.points.push(JSON.parse(line.slice(point + POINT_MARK.length)));
        else if (sinks && error >= 0) sinks.errors.push(line.slice(error));
        else if (line.indexOf('{"ts"') >= 0) audit.push(line.slice(line.indexOf('{"ts"')));
      });
    }
  };
}

/**
 * A Miniflare running the Worker; every audit line it logs is pushed to `audit`. With `sinks`
 * ({ queued: [], points: [], errors: [], queue, analytics }, see sinkWorkers), the Worker also
 * has the audit sink bindings and what they receive is collected there.
 */
export function newEdge(bindings, audit = [], sinks) {
  const handleRuntimeStdio = collect(audit, sinks);
  if (sinks) return new Miniflare(sinkWorkers(bindings, sinks, { handleRuntimeStdio }));
  return new Miniflare(workerOptions(bindings, { handleRuntimeStdio }));
}

/** The audit line of a response (matched by X-Request-Id), parsed; the Worker's output is read asynchronously. */
export async function auditOf(audit, res) {
  const id = res.headers.get('x-request-id');
  for (let i = 0; i < 200; i++) {
    const line = audit.find((l) => JSON.parse(l).request_id === id);
    if (line) return JSON.parse(line);
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.fail(`no audit line for request ${id}`);
}

/** `sinks.queued` and `sinks.points` as lines, for assertDetectorFindsNothing. */
export function sinkLines(sinks) {
  return [...sinks.queued, ...sinks.points].map((v) => JSON.stringify(v));
}

/** Waits (bounded) until the queue consumer received a message for each of `requestIds`. */
export async function queueDelivered(sinks, requestIds, timeoutMs = 10_000) {
  const missing = () => requestIds.filter((id) => !sinks.queued.some((b) => b.request_id === id));
  for (let waited = 0; missing().length && waited < timeoutMs; waited += 50) {
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.deepEqual(missing(), [], 'audit events the queue consumer never received');
}

let ipCounter = 0;
/** A fresh client IP per call, so rate limits of one test do not touch another. */
export const freshIp = () => `198.51.100.${++ipCounter}`;

/** A minimal Chat Completions body. */
export function chat(content, extra = {}) {
  return { model: 'demo', messages: [{ role: 'user', content }], ...extra };
}

/** POSTs JSON to `path` on `edge` from a fresh client IP. */
export async function postTo(edge, path, body, { headers = {}, ip = freshIp(), raw } = {}) {
  return edge.dispatchFetch(`http://edge.test${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'cf-connecting-ip': ip, ...headers },
    body: raw ?? JSON.stringify(body),
  });
}

export function assertSecurityHeaders(res) {
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
  assert.equal(res.headers.get('cache-control'), 'no-store');
  assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/);
  assert.ok(res.headers.get('x-request-id'));
}

/** Asserts a JSON error with this status and code and returns its body. */
export async function expectError(res, status, code) {
  assert.equal(res.status, status);
  assert.match(res.headers.get('content-type') ?? '', /application\/json/);
  const body = await res.json();
  assert.equal(body.error.code, code);
  assert.equal(typeof body.error.message, 'string');
  assertSecurityHeaders(res);
  return body;
}

/** Runs the chatguard CLI detector over audit lines; it must find nothing (no text, tokens, PII). */
export function assertDetectorFindsNothing(lines) {
  assert.ok(existsSync(CHATGUARD_BIN), `build the CLI first (cargo build -p chatguard-cli): ${CHATGUARD_BIN}`);
  const file = join(mkdtempSync(join(tmpdir(), 'chatguard-audit-')), 'audit.log');
  writeFileSync(file, lines.join('\n') + '\n');
  let findings = '';
  try {
    findings = execFileSync(CHATGUARD_BIN, ['scan', '--fail-on-findings', file], { encoding: 'utf8' });
  } catch (e) {
    assert.fail(`the detector found something in the audit log:\n${e.stdout}`);
  }
  assert.equal(findings.trim(), '');
}
