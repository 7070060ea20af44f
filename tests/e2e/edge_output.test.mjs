// End-to-end tests of the edge's output side: the per-request canary planted in the system prompt
// of every format and caught in JSON and SSE answers (split across events anywhere by the origin),
// exfiltration links neutralised and copied system prompts refused (SYSTEM_PROMPT_LEAK),
// the CANARY switch, and the hash-chained audit log (AUDIT_CHAIN) verified by `chatguard audit
// verify`. The built Worker runs in workerd through Miniflare against tests/origin/origin.mjs.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOrigin, systemPrompt, LEAK } from '../origin/origin.mjs';
import {
  ROOT, CHATGUARD_BIN, assertBuilt, newEdge, postTo, expectError, assertSecurityHeaders,
  assertDetectorFindsNothing,
} from './harness.mjs';

const CANARY = /cg-[a-z2-7]{26}/i;
const policy = JSON.parse(readFileSync(join(ROOT, 'tests/policies/default.json'), 'utf8'));
policy.roles = {
  anonymous: {
    routes: ['/v1/chat/completions', '/v1/responses', '/v1/messages'],
    models: ['demo'], max_tokens: 1024, tools: [],
    rate_limit: { requests: 1000, tokens: 10000000, window_secs: 60 },
  },
};
const AUDIT_KEY = 'audit-chain-test-key-0001';

const audit = [];
let origin;
let edge;

before(async () => {
  assertBuilt();
  origin = await startOrigin({ pauseMs: 0 });
  edge = newEdge({
    ORIGIN_URL: origin.url, POLICY: JSON.stringify(policy), AUDIT_KEY, AUDIT_CHAIN: 'on',
    OUTPUT_ALLOWED_HOSTS: 'shop.example',
  }, audit);
  await edge.ready;
});

after(async () => {
  await edge?.dispose();
  await origin?.close();
});

/** A request for `path` with a caller system prompt and the user text `said`. */
function request(path, said, stream = false) {
  const system = 'You are the shop assistant.';
  if (path === '/v1/responses') return { model: 'demo', instructions: system, input: said, stream };
  if (path === '/v1/messages') {
    return { model: 'demo', system, max_tokens: 100, stream, messages: [{ role: 'user', content: said }] };
  }
  return { model: 'demo', stream, messages: [{ role: 'system', content: system }, { role: 'user', content: said }] };
}

const ROUTES = ['/v1/chat/completions', '/v1/responses', '/v1/messages'];
const post = (e, path, body) => postTo(e, path, body);
const settle = () => new Promise((r) => setTimeout(r, 200));
const lastAudit = (lines, id) => lines.map((l) => JSON.parse(l)).find((e) => e.request_id === id);

test('a fresh canary is appended to the caller\'s system prompt in every format', async () => {
  const tokens = new Set();
  for (const path of ROUTES) {
    for (let i = 0; i < 2; i++) {
      const res = await post(edge, path, request(path, 'hello'));
      assert.equal(res.status, 200, path);
      await res.arrayBuffer();
      const seen = origin.seen.at(-1);
      const prompt = systemPrompt(path, seen.body);
      assert.ok(prompt.startsWith('You are the shop assistant.'), `${path}: ${prompt}`);
      const token = prompt.match(CANARY)?.[0];
      assert.ok(token, `${path}: no canary in ${prompt}`);
      tokens.add(token);
    }
  }
  assert.equal(tokens.size, 6, 'one canary per request');
  // The caller's own message list is kept in order after the planted instruction.
  const chat = origin.seen.filter((s) => s.path === '/v1/chat/completions').at(-1).body.messages;
  assert.deepEqual(chat.map((m) => m.role), ['system', 'system', 'user']);
  assert.equal(chat[0].content, 'You are the shop assistant.');
});

test('a JSON answer carrying the canary is refused with 502 and audited as output.canary', async () => {
  for (const path of ROUTES) {
    const res = await post(edge, path, request(path, 'hello there #parrot'));
    const body = await expectError(res, 502, 'blocked_response');
    const token = systemPrompt(path, origin.seen.at(-1).body).match(CANARY)[0];
    assert.ok(!JSON.stringify(body).toLowerCase().includes(token.toLowerCase()), path);
    await settle();
    const event = lastAudit(audit, res.headers.get('x-request-id'));
    assert.ok(event.rules.includes('output.canary'), `${path}: ${JSON.stringify(event)}`);
    assert.equal(event.decision, 'error');
  }
});

test('a streamed answer carrying the canary, split across events, ends with an error and none of it', async () => {
  for (const path of ROUTES) {
    const res = await post(edge, path, request(path, 'hello there #parrot', true));
    assert.equal(res.status, 200, path);
    assertSecurityHeaders(res);
    const sse = await res.text();
    const token = systemPrompt(path, origin.seen.at(-1).body).match(CANARY)[0].toLowerCase();
    assert.match(sse, /event: error\ndata: .*blocked_response/, path);
    // Not even the token's start went out (the edge holds back a possible prefix).
    assert.ok(!sse.toLowerCase().includes(token.slice(0, 4)), `${path}: ${sse}`);
    await settle();
    const event = lastAudit(audit, res.headers.get('x-request-id'));
    assert.ok(event.rules.includes('output.canary'), `${path}: ${JSON.stringify(event)}`);
    assert.equal(event.fully_scanned, false);
  }
});

test('answers without the canary stream unchanged', async () => {
  for (const path of ROUTES) {
    const res = await post(edge, path, request(path, 'ask the cg-team about cg- prefixes', true));
    const sse = await res.text();
    assert.ok(!sse.includes('event: error'), `${path}: ${sse}`);
    const shown = sse.split('\n').filter((l) => l.startsWith('data: {')).map((l) => JSON.parse(l.slice(6)))
      .map((e) => e.choices?.[0]?.delta?.content ?? e.delta?.text ?? (e.type === 'response.output_text.delta' ? e.delta : ''))
      .join('');
    assert.equal(shown, 'You said: ask the cg-team about cg- prefixes', path);
  }
});

/** The text a client sees in an SSE answer of any format. */
function shownText(sse) {
  return sse.split('\n').filter((l) => l.startsWith('data: {')).map((l) => JSON.parse(l.slice(6)))
    .map((e) => e.choices?.[0]?.delta?.content ?? e.delta?.text ?? (e.type === 'response.output_text.delta' ? e.delta : ''))
    .join('');
}

test('exfiltration images and links are neutralised in JSON and in streams split anywhere', async () => {
  for (const path of ROUTES) {
    for (const stream of [false, true]) {
      const res = await post(edge, path, request(path, 'show me #exfil', stream));
      assert.equal(res.status, 200, path);
      const text = await res.text();
      assert.ok(!text.includes(LEAK.exfilHost), `${path} stream=${stream}: ${text}`);
      assert.ok(!text.includes('event: error'), `${path}: ${text}`);
      const shown = stream ? shownText(text) : text;
      assert.equal(shown.split('[LINK REMOVED]').length - 1, 2, `${path} stream=${stream}: ${shown}`);
      assert.ok(shown.includes('https://shop.example/logo.png?v=2'), `${path}: allowlisted image kept`);
      await settle();
      const event = lastAudit(audit, res.headers.get('x-request-id'));
      assert.ok(event.rules.includes('output.exfil_image') && event.rules.includes('output.exfil_link'),
        `${path}: ${JSON.stringify(event.rules)}`);
      assert.equal(event.decision, 'redact');
    }
  }
});

test('an answer copying the caller\'s system prompt is refused (SYSTEM_PROMPT_LEAK=block) or audited (flag)', async () => {
  const prompt = 'You are Ava from the shop. Never reveal the spring discount code to anyone who asks for it.';
  const body = (stream) => ({ model: 'demo', stream, messages: [{ role: 'system', content: prompt }, { role: 'user', content: 'hello #parrot' }] });
  const blocking = newEdge({ ORIGIN_URL: origin.url, POLICY: JSON.stringify(policy), CANARY: 'off' });
  const flagging = newEdge({ ORIGIN_URL: origin.url, POLICY: JSON.stringify(policy), CANARY: 'off', SYSTEM_PROMPT_LEAK: 'flag' });
  try {
    await expectError(await post(blocking, '/v1/chat/completions', body(false)), 502, 'blocked_response');
    const cut = await post(blocking, '/v1/chat/completions', body(true));
    assert.match(await cut.text(), /event: error\ndata: .*blocked_response/);
    const passed = await post(flagging, '/v1/chat/completions', body(false));
    assert.equal(passed.status, 200);
    await passed.arrayBuffer();
  } finally {
    await blocking.dispose();
    await flagging.dispose();
  }
});

test('CANARY=off plants nothing; AUDIT_CHAIN without AUDIT_KEY is a configuration error', async () => {
  const off = newEdge({ ORIGIN_URL: origin.url, POLICY: JSON.stringify(policy), CANARY: 'off' });
  const keyless = newEdge({ ORIGIN_URL: origin.url, POLICY: JSON.stringify(policy), AUDIT_CHAIN: 'on' });
  try {
    const res = await post(off, '/v1/responses', request('/v1/responses', 'hello there #parrot'));
    assert.equal(res.status, 200);
    await res.arrayBuffer();
    assert.equal(origin.seen.at(-1).body.instructions, 'You are the shop assistant.');
    await expectError(await post(keyless, '/v1/responses', request('/v1/responses', 'hi')), 500, 'internal_error');
  } finally {
    await off.dispose();
    await keyless.dispose();
  }
});

test('the audit log is hash-chained: `chatguard audit verify` passes it and finds tampering', async () => {
  await settle();
  assert.ok(audit.length >= 12, `only ${audit.length} audit lines`);
  for (const line of audit) assert.ok(JSON.parse(line).chain, line);
  assert.ok(existsSync(CHATGUARD_BIN), `build the CLI first: ${CHATGUARD_BIN}`);
  const dir = mkdtempSync(join(tmpdir(), 'chatguard-chain-'));
  const verify = (lines) => {
    const file = join(dir, 'audit.log');
    writeFileSync(file, lines.join('\n') + '\n');
    try {
      return { code: 0, out: execFileSync(CHATGUARD_BIN, ['audit', 'verify', file], { encoding: 'utf8', env: { ...process.env, AUDIT_KEY } }) };
    } catch (e) {
      return { code: e.status, out: e.stdout };
    }
  };
  const intact = verify(audit);
  assert.equal(intact.code, 0, intact.out);
  const edited = audit.map((l, i) => (i === 3 ? l.replace('"status":200', '"status":201') : l));
  assert.notDeepEqual(edited, audit);
  const broken = verify(edited);
  assert.equal(broken.code, 1);
  assert.match(broken.out, /line 5/);
  const deleted = audit.filter((_, i) => i !== 2);
  assert.equal(verify(deleted).code, 1);
  assertDetectorFindsNothing(audit);
});
