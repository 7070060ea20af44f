// End-to-end tests of the audit sinks: besides the Workers log line, the built Worker (in workerd
// through Miniflare) sends each audit event to the Queue producer binding AUDIT_QUEUE — received
// here by a real queue consumer worker — and to the Analytics Engine binding AUDIT_ANALYTICS,
// here a recording stand-in (Miniflare 4.20260426's own Analytics Engine binding is a no-op:
// what Cloudflare stores, its limits and the SQL API cannot be checked locally). A sink that
// fails or is misconfigured must not change the answer, must not leak, and must show up as an
// audit_error line. Personal data here is synthetic.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOrigin } from '../origin/origin.mjs';
import {
  ROOT, CHATGUARD_BIN, assertBuilt, newEdge, chat, postTo, freshIp, assertDetectorFindsNothing, sinkLines, queueDelivered,
} from './harness.mjs';

const EMAIL = 'jane.doe@example.com';
const CARD = '4111 1111 1111 1111';
const AUDIT_KEY = 'audit-sinks-test-key-0001';

const policy = JSON.parse(readFileSync(join(ROOT, 'tests/policies/default.json'), 'utf8'));
policy.roles = {
  anonymous: {
    routes: ['/v1/chat/completions', '/v1/messages'],
    models: ['demo'],
    max_tokens: 512,
    tools: [],
    unredacted: [],
    rate_limit: { requests: 50, tokens: 100000, window_secs: 60 },
  },
};

let origin;
before(async () => {
  assertBuilt();
  origin = await startOrigin({ pauseMs: 1 });
});
after(async () => {
  await origin?.close();
});

/** A Worker with these sinks; `bindings` may add vars. Resolves { edge, audit, sinks }. */
async function edgeWith(sinkKinds, bindings = {}) {
  const audit = [];
  const sinks = { queued: [], points: [], errors: [], all: [], ...sinkKinds };
  const edge = newEdge({ ORIGIN_URL: origin.url, POLICY: JSON.stringify(policy), AUDIT_KEY, ...bindings }, audit, sinks);
  await edge.ready;
  return { edge, audit, sinks };
}

/** Polls (bounded) until `list` holds an entry `match` accepts. */
async function eventually(list, match, what) {
  for (let i = 0; i < 200; i++) {
    const hit = list.find(match);
    if (hit) return hit;
    await new Promise((r) => setTimeout(r, 25));
  }
  assert.fail(`never seen: ${what}`);
}

const lineOf = (audit, id) => eventually(audit, (l) => JSON.parse(l).request_id === id, `audit line ${id}`).then(JSON.parse);

test('the queue consumer receives every audit event exactly as logged; Analytics Engine gets its projection', async () => {
  const { edge, audit, sinks } = await edgeWith({ queue: 'real', analytics: 'recorder' });
  try {
    const ip = freshIp();
    const responses = [
      await postTo(edge, '/v1/chat/completions', chat(`mail ${EMAIL}, card ${CARD} #leak`), { ip }),
      await postTo(edge, '/v1/chat/completions', chat(`stream ${EMAIL}`, { stream: true }), { ip }),
      await postTo(edge, '/v1/responses', { model: 'demo', input: 'hi' }, { ip }),
      await postTo(edge, '/v1/chat/completions', chat('hi', { model: 'other' }), { ip }),
      await edge.dispatchFetch(`http://edge.test/v1/${encodeURIComponent(EMAIL)}`),
      await postTo(edge, '/v1/chat/completions', chat('x'), { headers: { 'x-api-key': 'sk-test-not-a-key' }, ip }),
    ];
    assert.deepEqual(responses.map((r) => r.status), [200, 200, 403, 403, 404, 401]);
    const ids = [];
    for (const r of responses) {
      await r.arrayBuffer(); // read streams to their end, so their audit events are written
      ids.push(r.headers.get('x-request-id'));
    }
    await queueDelivered(sinks, ids);
    assert.deepEqual(sinks.errors, []);
    for (const id of ids) {
      const logged = await lineOf(audit, id);
      const queued = sinks.queued.filter((b) => b.request_id === id);
      assert.equal(queued.length, 1, `one queue message for ${id}`);
      assert.deepEqual(queued[0], logged, 'the queue message is the audit line');
      // Data points carry no request id: the one with exactly the line's projection must exist.
      const kinds = Object.entries(logged.kinds).map(([k, n]) => `${k}=${n}`).join(',');
      const want = JSON.stringify({
        indexes: [logged.principal ?? ''],
        doubles: [logged.latency_ms, logged.bytes_in, logged.bytes_out, logged.injection ?? -1, logged.status],
        blobs: [logged.route, logged.role ?? '', logged.decision, kinds, logged.rules.join(',')],
      });
      await eventually(sinks.points, (p) => JSON.stringify(p) === want, `data point ${want}`);
    }
    const first = await lineOf(audit, ids[0]);
    assert.ok(first.kinds.email >= 1 && first.kinds.credit_card >= 1, JSON.stringify(first.kinds));
    assert.match(first.principal, /^[a-z2-7]{16}$/);
    assert.equal((await lineOf(audit, ids[1])).stream, true);
    assert.equal((await lineOf(audit, ids[4])).route, 'other', 'a path the edge does not serve is not logged');
    assert.equal(sinks.points.length, audit.length, 'one data point per audit line');
    // What the sinks received is as free of text, tokens and personal data as the log.
    const everything = [...audit, ...sinkLines(sinks)];
    assert.ok(!everything.some((l) => l.includes(EMAIL) || l.includes('sk-test') || l.includes('198.51.100.')));
    assertDetectorFindsNothing(everything);
  } finally {
    await edge.dispose();
  }
});

test('with AUDIT_CHAIN=on, the queued events, put in chain order, pass `chatguard audit verify`', async () => {
  const { edge, sinks } = await edgeWith({ queue: 'real' }, { AUDIT_CHAIN: 'on' });
  try {
    const ids = [];
    for (let i = 0; i < 5; i++) {
      const res = await postTo(edge, '/v1/chat/completions', chat(`hello ${i}`));
      await res.arrayBuffer();
      ids.push(res.headers.get('x-request-id'));
    }
    await queueDelivered(sinks, ids);
    const chained = sinks.queued.filter((b) => ids.includes(b.request_id)).sort((a, b) => a.chain.seq - b.chain.seq);
    assert.equal(new Set(chained.map((b) => b.chain.id)).size, 1, 'one isolate, one chain');
    const file = join(mkdtempSync(join(tmpdir(), 'chatguard-queued-')), 'audit.log');
    const verify = (bodies) => {
      writeFileSync(file, bodies.map((b) => JSON.stringify(b)).join('\n') + '\n');
      try {
        execFileSync(CHATGUARD_BIN, ['audit', 'verify', file], { encoding: 'utf8', env: { ...process.env, AUDIT_KEY } });
        return 0;
      } catch (e) {
        return e.status;
      }
    };
    assert.equal(verify(chained), 0, 'a consumer can check the chain of what it received');
    assert.equal(verify(chained.filter((_, i) => i !== 2)), 1, 'a lost message shows');
  } finally {
    await edge.dispose();
  }
});

test('failing sinks change nothing for the caller, leak nothing, and are logged as audit errors', async () => {
  const { edge, audit, sinks } = await edgeWith({ queue: 'failing', analytics: 'failing' });
  try {
    const res = await postTo(edge, '/v1/chat/completions', chat(`mail ${EMAIL}`));
    assert.equal(res.status, 200);
    assert.match((await res.json()).choices[0].message.content, /^You said: mail /);
    const id = res.headers.get('x-request-id');
    const logged = await lineOf(audit, id);
    assert.equal(logged.status, 200);
    for (const sink of ['AUDIT_QUEUE', 'AUDIT_ANALYTICS']) {
      const line = await eventually(sinks.errors, (l) => l.includes(`"${sink}"`), `audit_error for ${sink}`);
      assert.deepEqual(JSON.parse(line), { audit_error: { sink, request_id: id, reason: 'send_failed' } });
    }
    await new Promise((r) => setTimeout(r, 200));
    assert.ok(!sinks.all.some((l) => l.includes('jane.doe') || l.includes('down for')), 'the sink\'s error text is not logged');
    assertDetectorFindsNothing([...audit, ...sinks.errors]);
  } finally {
    await edge.dispose();
  }
});

test('bindings of the wrong type are audit errors (binding_invalid), and the request still passes', async () => {
  const { edge, audit, sinks } = await edgeWith({}, { AUDIT_QUEUE: 'not-a-queue', AUDIT_ANALYTICS: 'not-a-dataset' });
  try {
    const res = await postTo(edge, '/v1/chat/completions', chat('hello'));
    assert.equal(res.status, 200);
    const id = res.headers.get('x-request-id');
    await lineOf(audit, id);
    for (const sink of ['AUDIT_QUEUE', 'AUDIT_ANALYTICS']) {
      const line = await eventually(sinks.errors, (l) => l.includes(`"${sink}"`), `audit_error for ${sink}`);
      assert.deepEqual(JSON.parse(line), { audit_error: { sink, request_id: id, reason: 'binding_invalid' } });
    }
  } finally {
    await edge.dispose();
  }
});

test('without sink bindings there are no sink messages and no audit errors', async () => {
  const { edge, audit, sinks } = await edgeWith({});
  try {
    const res = await postTo(edge, '/v1/chat/completions', chat('hello'));
    assert.equal(res.status, 200);
    await lineOf(audit, res.headers.get('x-request-id'));
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual([sinks.errors, sinks.queued, sinks.points], [[], [], []]);
  } finally {
    await edge.dispose();
  }
});
