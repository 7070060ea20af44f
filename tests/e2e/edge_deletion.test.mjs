// End-to-end tests of the conversation deletion route, DELETE /v1/conversations/{id}, in the built
// Worker (workerd through Miniflare) in front of the loopback origin (tests/origin/origin.mjs
// keeps the conversation ids chat requests name and deletes them): authenticated, role-gated and
// rate-limited like the chat routes, the id validated, the deletion forwarded with the origin
// credential and answered only when the origin confirmed it, audited with a keyed hash of the id
// (in the log and in what the audit sinks receive). Personal data here is synthetic.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startOrigin } from '../origin/origin.mjs';
import {
  ROOT, assertBuilt, newEdge, chat, postTo, freshIp, expectError, assertSecurityHeaders,
  assertDetectorFindsNothing, sinkLines, queueDelivered, auditOf as auditLine,
} from './harness.mjs';

const ORIGIN_KEY = 'origin-test-key-deletion-0001';
const AUDIT_KEY = 'audit-test-key-deletion-0001';
const SUPPORT_KEY = 'support-api-key-deletion-0001';
const LIMITED_KEY = 'limited-api-key-deletion-0001';
const ALLOWED_ORIGIN = 'https://shop.example';
const EMAIL = 'jane.doe@example.com';
const DELETION = '/v1/conversations/{id}';

const sha256 = (text) => createHash('sha256').update(text).digest('hex');
const policy = JSON.parse(readFileSync(join(ROOT, 'tests/policies/default.json'), 'utf8'));
const role = (routes, requests) => ({
  routes, models: ['demo'], max_tokens: 256, tools: [], unredacted: [],
  rate_limit: { requests, tokens: 100000, window_secs: 60 },
});
policy.roles = {
  anonymous: role(['/v1/chat/completions'], 100),
  support: role(['/v1/chat/completions', DELETION], 100),
  limited: role([DELETION], 2),
};

const audit = [];
const downAudit = []; // the edge whose origin is down has no sinks
const sinks = { queued: [], points: [], errors: [], queue: 'real', analytics: 'recorder' };
const ids = []; // every conversation id sent, to check that none reaches the audit trail
let origin;
let edge;

before(async () => {
  assertBuilt();
  origin = await startOrigin({ pauseMs: 1 });
  edge = newEdge({
    ORIGIN_URL: origin.url,
    POLICY: JSON.stringify(policy),
    ORIGIN_API_KEY: ORIGIN_KEY,
    AUDIT_KEY,
    ALLOWED_ORIGINS: ALLOWED_ORIGIN,
    ORIGIN_TIMEOUT_MS: '1000',
    API_KEYS: JSON.stringify([{ sha256: sha256(SUPPORT_KEY), role: 'support' }, { sha256: sha256(LIMITED_KEY), role: 'limited' }]),
  }, audit, sinks);
  await edge.ready;
});

after(async () => {
  await edge?.dispose();
  await origin?.close();
});

/** A fresh conversation id (a UUID, as the widget makes). */
function newId(prefix = '') {
  const id = prefix + crypto.randomUUID();
  ids.push(id);
  return id;
}

/** DELETE /v1/conversations/<rawId> (rawId goes into the path as given). */
function del(rawId, { key = SUPPORT_KEY, headers = {}, on = edge } = {}) {
  return on.dispatchFetch(`http://edge.test/v1/conversations/${rawId}`, {
    method: 'DELETE',
    headers: { 'cf-connecting-ip': freshIp(), ...(key ? { 'x-api-key': key } : {}), ...headers },
  });
}

const deletesSeen = () => origin.seen.filter((r) => r.method === 'DELETE');

const auditOf = (res) => auditLine(audit, res);

test('a confirmed deletion: forwarded with the origin credential, answered 200, audited with a keyed hash', async () => {
  const id = newId();
  const chatted = await postTo(edge, '/v1/chat/completions', chat('hello'), {
    headers: { 'x-api-key': SUPPORT_KEY, 'x-chatguard-conversation': id },
  });
  assert.equal(chatted.status, 200);
  assert.ok(origin.conversations.has(id), 'the chat request named its conversation to the origin');
  const before = deletesSeen().length;
  const res = await del(id);
  assert.equal(res.status, 200, await res.clone().text());
  assertSecurityHeaders(res);
  assert.match(res.headers.get('content-type'), /application\/json/);
  assert.deepEqual(await res.json(), { id, object: 'conversation.deleted', deleted: true });
  assert.ok(!origin.conversations.has(id), 'the origin deleted it');
  const seen = deletesSeen().slice(before);
  assert.equal(seen.length, 1);
  assert.equal(seen[0].path, `/v1/conversations/${id}`);
  assert.equal(seen[0].headers.authorization, `Bearer ${ORIGIN_KEY}`);
  assert.equal(seen[0].headers['x-request-id'], res.headers.get('x-request-id'));
  assert.equal(seen[0].headers['x-api-key'], undefined, 'the client credential stays at the edge');
  const event = await auditOf(res);
  assert.equal(event.route, DELETION);
  assert.equal(event.role, 'support');
  assert.equal(event.decision, 'allow');
  assert.equal(event.status, 200);
  assert.ok(event.rules.includes('conversation.deleted'));
  assert.match(event.conversation, /^[a-z2-7]{16}$/);
  assert.match(event.principal, /^[a-z2-7]{16}$/);
  // Deleting again: the origin has nothing (404), which is what was asked for.
  const again = await del(id);
  assert.equal(again.status, 200);
  assert.equal((await auditOf(again)).conversation, event.conversation, 'the same id hashes the same');
});

test('authentication failure is 401 and nothing reaches the origin', async () => {
  const before = deletesSeen().length;
  const res = await del(newId(), { key: 'not-a-valid-key-0000' });
  const body = await expectError(res, 401, 'unauthorized');
  assert.ok(!JSON.stringify(body).includes('not-a-valid-key'));
  assert.equal(deletesSeen().length, before);
  assert.equal((await auditOf(res)).route, DELETION);
});

test('a role without the route is refused with 403 (RBAC); nothing reaches the origin', async () => {
  const before = deletesSeen().length;
  const res = await del(newId(), { key: null }); // the anonymous tier: chat only
  await expectError(res, 403, 'forbidden_route');
  const event = await auditOf(res);
  assert.equal(event.role, 'anonymous');
  assert.equal(event.decision, 'deny');
  assert.equal(event.conversation, undefined, 'no id is recorded for a refused request');
  assert.equal(deletesSeen().length, before);
});

test('a malformed id is 400 and never reaches the origin or the audit trail', async () => {
  const before = deletesSeen().length;
  const bad = ['', 'a.b', '%2e%2e%2fadmin', 'a%2Fb', 'x'.repeat(129), encodeURIComponent(EMAIL), EMAIL, 'a b', 'conv%00'];
  for (const raw of bad) {
    ids.push(raw, decodeURIComponent(raw));
    const res = await del(raw);
    await expectError(res, 400, 'invalid_conversation_id');
    assert.equal((await auditOf(res)).route, DELETION, raw);
  }
  assert.equal(deletesSeen().length, before);
});

test('other methods are 405; a preflight from an allowed origin offers DELETE', async () => {
  for (const method of ['GET', 'POST', 'PUT']) {
    const res = await edge.dispatchFetch(`http://edge.test/v1/conversations/${newId()}`, { method, headers: { 'x-api-key': SUPPORT_KEY } });
    await expectError(res, 405, 'method_not_allowed');
  }
  await expectError(await edge.dispatchFetch('http://edge.test/v1/conversations', { method: 'DELETE' }), 404, 'not_found');
  const pre = await edge.dispatchFetch(`http://edge.test/v1/conversations/${newId()}`, {
    method: 'OPTIONS',
    headers: { origin: ALLOWED_ORIGIN, 'access-control-request-method': 'DELETE', 'access-control-request-headers': 'x-chatguard-conversation' },
  });
  assert.equal(pre.status, 204);
  assert.match(pre.headers.get('access-control-allow-methods'), /\bDELETE\b/);
  assert.match(pre.headers.get('access-control-allow-headers'), /x-chatguard-conversation/);
  assert.equal(pre.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
});

test('deletions are rate-limited per principal like the chat routes (429 with Retry-After)', async () => {
  const statuses = [];
  let last;
  for (let i = 0; i < 3; i++) {
    last = await del(newId(), { key: LIMITED_KEY });
    statuses.push(last.status);
  }
  assert.deepEqual(statuses, [200, 200, 429]);
  assert.ok(Number(last.headers.get('retry-after')) >= 1);
  await expectError(last, 429, 'rate_limited');
});

test('the origin failing closes the deletion: 502 when down, erroring or refusing; 504 when it hangs', async () => {
  for (const [prefix, status, code] of [['fail', 502, 'origin_error'], ['refuse', 502, 'origin_refused'], ['hang', 504, 'origin_timeout']]) {
    const res = await del(newId(prefix));
    const body = await expectError(res, status, code);
    assert.ok(!JSON.stringify(body).includes('storage down'), 'the origin\'s body is not passed on');
    const event = await auditOf(res);
    assert.equal(event.decision, 'error');
    assert.ok(!event.rules.includes('conversation.deleted'));
  }
  const down = newEdge({ ORIGIN_URL: 'http://127.0.0.1:9', POLICY: JSON.stringify(policy), AUDIT_KEY,
    API_KEYS: JSON.stringify([{ sha256: sha256(SUPPORT_KEY), role: 'support' }]) }, downAudit);
  try {
    await down.ready;
    const res = await del(newId(), { on: down });
    await expectError(res, 502, 'origin_unreachable');
    for (let i = 0; i < 100 && !downAudit.length; i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(JSON.parse(downAudit[0]).request_id, res.headers.get('x-request-id'));
  } finally {
    await down.dispose();
  }
});

test('a chat request\'s conversation id is validated (400) before anything is forwarded', async () => {
  const before = origin.seen.length;
  const res = await postTo(edge, '/v1/chat/completions', chat('hello'), {
    headers: { 'x-api-key': SUPPORT_KEY, 'x-chatguard-conversation': `${EMAIL}` },
  });
  await expectError(res, 400, 'invalid_conversation_id');
  assert.equal(origin.seen.length, before);
});

test('no audit line or sink message holds a conversation id, text or PII (checked by the core detector)', async () => {
  await new Promise((r) => setTimeout(r, 200));
  const requestIds = audit.map((l) => JSON.parse(l).request_id);
  assert.ok(requestIds.length >= 20, `only ${requestIds.length} audit lines`);
  await queueDelivered(sinks, requestIds);
  assert.deepEqual(sinks.errors, []);
  const everything = [...audit, ...downAudit, ...sinkLines(sinks)];
  for (const line of everything) {
    for (const id of ids.filter((i) => i.length >= 3)) assert.ok(!line.includes(id), `a conversation id in ${line}`);
    assert.ok(!line.includes(SUPPORT_KEY) && !line.includes(ORIGIN_KEY), line);
  }
  assertDetectorFindsNothing(everything);
});
