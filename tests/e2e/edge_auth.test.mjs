// End-to-end tests of the edge's authentication step in the real runtime (workerd through
// Miniflare, see harness.mjs): tokens are made live by an independent implementation (`jose`,
// plus `node:crypto` for the hand-built attack tokens jose refuses to produce); the JWKS and the
// Cloudflare Access certs are served by a loopback server that counts its fetches. Every key
// and identity here is synthetic, generated for this run.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { b64, b64json, pair, joseSign, rawSign } from '../jwt/tokens.mjs';
import { startOrigin } from '../origin/origin.mjs';
import {
  ROOT, assertBuilt, newEdge, chat, postTo, expectError, assertDetectorFindsNothing, auditOf as auditLine,
} from './harness.mjs';

const ISSUER = 'https://issuer.example.com';
const AUDIENCE = 'chatguard-edge';
const HS_SECRET = 'synthetic-hs256-secret-for-edge-tests-0123456789';
const ACCESS_TEAM = 'example-team.cloudflareaccess.com';
const ACCESS_AUD = '4714c1358e65fe4b408ad6d432a5f878f08194bdb4752441fd56faefa9b2b6f2';
const API_KEY = 'sk-synthetic-support-key-0001';
const AUDIT_KEY = 'audit-test-key-auth-0001';
const SKEW = 60;

const policy = JSON.parse(readFileSync(join(ROOT, 'tests/policies/default.json'), 'utf8'));
const role = (routes) => ({
  routes, models: ['demo', 'echo'], max_tokens: 1024, tools: [],
  rate_limit: { requests: 1000, tokens: 1_000_000, window_secs: 60 },
});
policy.roles = {
  anonymous: role(['/v1/chat/completions']),
  support: role(['/v1/chat/completions']),
  admin: role(['/v1/chat/completions', '/v1/messages']),
};

const audit = [];
const fetches = { jwks: 0, access: 0, slow: 0 };
let jwksUrl;
let keys;
let jwksServer;
let origin;
let edge;
let now;

function claims(extra = {}) {
  return { iss: ISSUER, aud: AUDIENCE, sub: 'user-123', iat: now - 30, exp: now + 600, ...extra };
}
const accessClaims = (extra = {}) => ({
  iss: `https://${ACCESS_TEAM}`, aud: [ACCESS_AUD], sub: 'access-user-1', iat: now - 5, exp: now + 3600,
  type: 'app', ...extra,
});

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`)));
}

before(async () => {
  assertBuilt();
  now = Math.floor(Date.now() / 1000);
  keys = {
    rsa: await pair('RS256'), rsaOther: await pair('RS256'), ec: await pair('ES256'),
    ed: await pair('EdDSA', { crv: 'Ed25519' }), attacker: await pair('RS256'), access: await pair('RS256'),
  };
  const jwks = { keys: [
    { ...keys.rsa.jwk, kid: 'rsa-1', alg: 'RS256', use: 'sig' },
    { ...keys.ec.jwk, kid: 'ec-1', alg: 'ES256', use: 'sig' },
    { ...keys.ed.jwk, kid: 'ed-1', alg: 'EdDSA', use: 'sig' },
  ] };
  const certs = { keys: [{ ...keys.access.jwk, kid: 'access-1', alg: 'RS256', use: 'sig' }] };
  // /jwks.json and /access/certs answer at once; /slow/jwks.json after 300 ms.
  const documents = { '/jwks.json': ['jwks', jwks], '/access/certs': ['access', certs], '/slow/jwks.json': ['slow', jwks] };
  jwksServer = http.createServer((req, res) => {
    const [counter, doc] = documents[req.url] ?? [];
    if (!doc) { res.writeHead(404).end(); return; }
    fetches[counter] += 1;
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'public, max-age=600' });
      res.end(JSON.stringify(doc));
    }, counter === 'slow' ? 300 : 0);
  });
  jwksUrl = await listen(jwksServer);
  origin = await startOrigin({ pauseMs: 1 });
  edge = newEdge({
    ORIGIN_URL: origin.url,
    POLICY: JSON.stringify(policy),
    AUDIT_KEY,
    JWT_SECRET: HS_SECRET,
    JWKS_URL: `${jwksUrl}/jwks.json`,
    JWT_ISSUER: ISSUER,
    JWT_AUDIENCE: AUDIENCE,
    JWT_SKEW_SECONDS: String(SKEW),
    ACCESS_TEAM_DOMAIN: ACCESS_TEAM,
    ACCESS_AUD,
    ACCESS_CERTS_URL: `${jwksUrl}/access/certs`,
    API_KEYS: JSON.stringify([{ sha256: createHash('sha256').update(API_KEY).digest('hex'), role: 'support' }]),
  }, audit);
  await edge.ready;
});

after(async () => {
  await edge?.dispose();
  await origin?.close();
  await new Promise((resolve) => jwksServer?.close(resolve));
});

const post = (headers, path = '/v1/chat/completions') => postTo(edge, path, chat('hello'), { headers });
const bearer = (token) => ({ authorization: `Bearer ${token}` });

const auditOf = (res) => auditLine(audit, res);

async function expectAccepted(res, wantRole) {
  assert.equal(res.status, 200, await res.clone().text());
  const body = await res.json();
  assert.equal(body.choices[0].message.content, 'You said: hello');
  const event = await auditOf(res);
  assert.equal(event.role, wantRole);
  assert.match(event.principal, /^[a-z2-7]{16}$/, 'the principal is recorded only as its keyed hash');
  return event;
}

/** 401, a body that does not echo the credential, and the failure code in the audit line. */
async function expectRefused(res, credential, rule) {
  const body = await expectError(res, 401, 'unauthorized');
  assert.equal(res.headers.get('www-authenticate'), 'Bearer');
  const text = JSON.stringify(body);
  for (const part of credential.split('.').filter((p) => p.length >= 8)) {
    assert.ok(!text.includes(part), 'the error echoes the credential');
  }
  const event = await auditOf(res);
  if (rule) assert.ok(event.rules.includes(`auth.${rule}`), `${rule} not in ${event.rules}`);
  assert.ok(event.rules.some((r) => r.startsWith('auth.')), `no auth rule in ${event.rules}`);
  assert.ok(!JSON.stringify(event).includes(credential.slice(0, 20)));
}

test('valid RS256, ES256, EdDSA and HS256 tokens are accepted with their role', async () => {
  const cases = [
    [await joseSign(claims({ role: 'admin' }), { alg: 'RS256', kid: 'rsa-1', typ: 'JWT' }, keys.rsa.privateKey), 'admin'],
    [await joseSign(claims({ roles: ['viewer', 'support'] }), { alg: 'ES256', kid: 'ec-1' }, keys.ec.privateKey), 'support'],
    [await joseSign(claims({ role: 'support' }), { alg: 'EdDSA', kid: 'ed-1' }, keys.ed.privateKey), 'support'],
    [await joseSign(claims({ role: 'admin' }), { alg: 'HS256' }, new TextEncoder().encode(HS_SECRET)), 'admin'],
    [await joseSign(claims({ aud: ['other', AUDIENCE] }), { alg: 'RS256', kid: 'rsa-1' }, keys.rsa.privateKey), 'anonymous'],
    [await joseSign(claims({ exp: now - SKEW + 5, role: 'support' }), { alg: 'ES256', kid: 'ec-1' }, keys.ec.privateKey), 'support'],
  ];
  const principals = new Set();
  for (const [token, wantRole] of cases) {
    const event = await expectAccepted(await post(bearer(token)), wantRole);
    principals.add(event.principal);
  }
  assert.equal(principals.size, 1, 'the same subject is the same principal whatever the algorithm');
  // The role decides what passes: /v1/messages is for admins only.
  const admin = await joseSign(claims({ role: 'admin' }), { alg: 'EdDSA', kid: 'ed-1' }, keys.ed.privateKey);
  const support = await joseSign(claims({ role: 'support' }), { alg: 'EdDSA', kid: 'ed-1' }, keys.ed.privateKey);
  const messages = (token) => postTo(edge, '/v1/messages', { ...chat('hello'), max_tokens: 10 }, { headers: bearer(token) });
  assert.equal((await messages(admin)).status, 200);
  await expectError(await messages(support), 403, 'forbidden_route');
});

test('at least 40 forged, broken and out-of-policy tokens are all refused with 401', async () => {
  const hsKey = new TextEncoder().encode(HS_SECRET);
  const { rsa, rsaOther, ec, ed, attacker } = keys;
  const good = await joseSign(claims(), { alg: 'RS256', kid: 'rsa-1' }, rsa.privateKey);
  const [h, p, s] = good.split('.');
  const flip = (text, i) => text.slice(0, i) + (text[i] === 'A' ? 'B' : 'A') + text.slice(i + 1);
  const rsaJwkJson = JSON.stringify({ ...rsa.jwk, kid: 'rsa-1', alg: 'RS256', use: 'sig' });
  const vectors = [
    // alg none in every casing, and with a signature or a kid
    ...['none', 'None', 'NONE', 'nOnE'].map((alg) => [`alg-${alg}`, rawSign({ alg, typ: 'JWT' }, claims({ role: 'admin' }), 'none'), 'alg_none']),
    ['alg-none-signed', rawSign({ alg: 'none' }, claims(), 'HS256', HS_SECRET), 'alg_none'],
    ['alg-none-kid', rawSign({ alg: 'none', kid: 'rsa-1' }, claims(), 'none'), 'alg_none'],
    // RS→HS confusion: the public key as the HMAC secret
    ['rs-hs-pem-kid', rawSign({ alg: 'HS256', kid: 'rsa-1' }, claims({ role: 'admin' }), 'HS256', rsa.spki), 'alg_mismatch'],
    ['rs-hs-pem-no-kid', rawSign({ alg: 'HS256' }, claims({ role: 'admin' }), 'HS256', rsa.spki), 'signature_invalid'],
    ['rs-hs-jwk-json', rawSign({ alg: 'HS256', kid: 'rsa-1' }, claims(), 'HS256', rsaJwkJson), 'alg_mismatch'],
    ['rs-hs-modulus', rawSign({ alg: 'HS256' }, claims(), 'HS256', Buffer.from(rsa.jwk.n, 'base64url')), 'signature_invalid'],
    // wrong key type for the kid, wrong key, algorithms not allowed
    ['es256-on-rsa-kid', await joseSign(claims(), { alg: 'ES256', kid: 'rsa-1' }, ec.privateKey), 'alg_mismatch'],
    ['rs256-on-ec-kid', await joseSign(claims(), { alg: 'RS256', kid: 'ec-1' }, rsa.privateKey), 'alg_mismatch'],
    ['eddsa-on-rsa-kid', await joseSign(claims(), { alg: 'EdDSA', kid: 'rsa-1' }, ed.privateKey), 'alg_mismatch'],
    ['signed-by-another-rsa-key', await joseSign(claims(), { alg: 'RS256', kid: 'rsa-1' }, rsaOther.privateKey), 'signature_invalid'],
    ['hs256-wrong-secret', await joseSign(claims(), { alg: 'HS256' }, new TextEncoder().encode('another-synthetic-secret-0123456789abcdef')), 'signature_invalid'],
    ['alg-hs512', await joseSign(claims(), { alg: 'HS512' }, new TextEncoder().encode(HS_SECRET + HS_SECRET)), 'alg_unsupported'],
    ['alg-lowercase', rawSign({ alg: 'rs256', kid: 'rsa-1' }, claims(), 'RS256', rsa.privateKey), 'alg_unsupported'],
    ['alg-missing', rawSign({ kid: 'rsa-1' }, claims(), 'RS256', rsa.privateKey), 'header_invalid'],
    // kid: unknown, traversal, SQL-ish, URL, case variant
    ['kid-unknown', await joseSign(claims(), { alg: 'RS256', kid: 'rsa-9' }, rsa.privateKey), 'kid_unknown'],
    ['kid-traversal', await joseSign(claims(), { alg: 'RS256', kid: '../../etc/passwd' }, rsa.privateKey), 'kid_unknown'],
    ['kid-traversal-dev-null-hs', rawSign({ alg: 'HS256', kid: '../../../../dev/null' }, claims(), 'HS256', ''), 'kid_unknown'],
    ['kid-sql', await joseSign(claims(), { alg: 'RS256', kid: "x' UNION SELECT 'secret' --" }, rsa.privateKey), 'kid_unknown'],
    ['kid-url', await joseSign(claims(), { alg: 'RS256', kid: 'https://attacker.example.invalid/key.pem' }, rsa.privateKey), 'kid_unknown'],
    ['kid-case', await joseSign(claims(), { alg: 'RS256', kid: 'RSA-1' }, rsa.privateKey), 'kid_unknown'],
    // keys named by the header, signed by the attacker
    ['jku', await joseSign(claims(), { alg: 'RS256', kid: 'rsa-1', jku: 'https://attacker.example.invalid/jwks.json' }, attacker.privateKey), 'signature_invalid'],
    ['x5u', await joseSign(claims(), { alg: 'RS256', kid: 'rsa-1', x5u: 'https://attacker.example.invalid/cert.pem' }, attacker.privateKey), 'signature_invalid'],
    ['embedded-jwk', await joseSign(claims(), { alg: 'RS256', jwk: attacker.jwk }, attacker.privateKey), 'signature_invalid'],
    ['embedded-jwk-kid', await joseSign(claims(), { alg: 'RS256', kid: 'rsa-1', jwk: attacker.jwk }, attacker.privateKey), 'signature_invalid'],
    // crit
    ['crit-unknown', rawSign({ alg: 'RS256', kid: 'rsa-1', crit: ['http://example.invalid/ext'], 'http://example.invalid/ext': true }, claims(), 'RS256', rsa.privateKey), 'crit_unsupported'],
    ['crit-b64', rawSign({ alg: 'HS256', crit: ['b64'], b64: false }, claims(), 'HS256', HS_SECRET), 'crit_unsupported'],
    // time
    ['expired', await joseSign(claims({ exp: now - 3600 }), { alg: 'RS256', kid: 'rsa-1' }, rsa.privateKey), 'token_expired'],
    ['expired-beyond-skew', await joseSign(claims({ exp: now - SKEW - 5 }), { alg: 'ES256', kid: 'ec-1' }, ec.privateKey), 'token_expired'],
    ['not-yet-valid', await joseSign(claims({ nbf: now + 3600 }), { alg: 'RS256', kid: 'rsa-1' }, rsa.privateKey), 'token_not_yet_valid'],
    ['iat-in-future', await joseSign(claims({ iat: now + 3600 }), { alg: 'EdDSA', kid: 'ed-1' }, ed.privateKey), 'token_issued_in_future'],
    // iss / aud / required claims
    ['wrong-iss', await joseSign(claims({ iss: 'https://attacker.example.invalid' }), { alg: 'RS256', kid: 'rsa-1' }, rsa.privateKey), 'issuer_mismatch'],
    ['wrong-aud', await joseSign(claims({ aud: 'another-service' }), { alg: 'RS256', kid: 'rsa-1' }, rsa.privateKey), 'audience_mismatch'],
    ['aud-array-without-ours', await joseSign(claims({ aud: ['a', 'b'] }), { alg: 'HS256' }, hsKey), 'audience_mismatch'],
    ['missing-exp', rawSign({ alg: 'HS256' }, { iss: ISSUER, aud: AUDIENCE, sub: 'user-123' }, 'HS256', HS_SECRET), 'claim_missing'],
    ['access-token-as-bearer', await joseSign(accessClaims(), { alg: 'RS256', kid: 'access-1' }, keys.access.privateKey), 'kid_unknown'],
    // tampering, truncation, size, encoding
    ['tampered-payload', `${h}.${b64json(claims({ role: 'admin' }))}.${s}`, 'signature_invalid'],
    ['tampered-header', `${b64json({ alg: 'RS256', kid: 'rsa-1', typ: 'JWT' })}.${p}.${s}`, 'signature_invalid'],
    ['tampered-signature', `${h}.${p}.${flip(s, 20)}`, 'signature_invalid'],
    ['signature-stripped', `${h}.${p}.`, 'signature_invalid'],
    ['signature-truncated', `${h}.${p}.${s.slice(0, 40)}`, 'signature_invalid'],
    ['truncated-payload', `${h}.${p.slice(0, 12)}.${s}`, 'signature_invalid'],
    // Cut after the payload's start: one dot left, so it is looked up as an API key.
    ['truncated-to-two-parts', good.slice(0, h.length + 12), 'api_key_unknown'],
    ['empty-payload', `${h}..${s}`, 'token_malformed'],
    ['jwe-five-parts-as-api-key', `${h}.${p}.${s}.${s}.${s}`, 'api_key_unknown'],
    ['oversized', rawSign({ alg: 'HS256' }, claims({ pad: 'x'.repeat(9000) }), 'HS256', HS_SECRET), 'token_too_large'],
    ['standard-base64-signature', `${h}.${p}.${Buffer.from(s, 'base64url').toString('base64')}`, 'token_encoding'],
    ['padding', `${h}.${p}=.${s}`, 'token_encoding'],
    ['non-base64url-character', `${h}.${p.slice(0, 10)}*${p.slice(11)}.${s}`, 'token_encoding'],
    ['non-json-header', `${b64('alg=RS256')}.${p}.${s}`, 'header_invalid'],
    ['duplicate-header-alg', rawSign('{"alg":"HS256","alg":"none"}', claims(), 'HS256', HS_SECRET), 'header_invalid'],
  ];
  assert.ok(vectors.length >= 40, `only ${vectors.length} vectors`);
  for (const [name, token, rule] of vectors) {
    const res = await post(bearer(token));
    await assert.doesNotReject(expectRefused(res, token, rule), name);
  }
  // Broken Authorization headers and a space inside the credential.
  for (const authorization of ['Basic dXNlcjpwYXNz', 'Bearer', `Bearer ${h}.${p} .${s}`, `Token ${good}`]) {
    await expectRefused(await post({ authorization }), authorization, 'malformed');
  }
});

test('unknown kids do not cause a JWKS refetch storm (at most one refetch per 30 s)', async () => {
  const warm = await joseSign(claims(), { alg: 'RS256', kid: 'rsa-1' }, keys.rsa.privateKey);
  assert.equal((await post(bearer(warm))).status, 200);
  const before = fetches.jwks;
  assert.ok(before >= 1);
  for (let i = 0; i < 40; i++) {
    const token = await joseSign(claims(), { alg: 'RS256', kid: `rotated-${i}` }, keys.rsa.privateKey);
    await expectRefused(await post(bearer(token)), token, 'kid_unknown');
  }
  assert.ok(fetches.jwks - before <= 1, `${fetches.jwks - before} refetches for 40 unknown kids`);
  // Known keys keep working from the cache.
  assert.equal((await post(bearer(warm))).status, 200);
  assert.ok(fetches.jwks - before <= 1);
});

test('JWKS unreachable with no cached key is 503; HS256 and broken tokens are still decided', async () => {
  const closed = http.createServer();
  const deadUrl = await listen(closed);
  await new Promise((resolve) => closed.close(resolve));
  const down = newEdge({
    ORIGIN_URL: origin.url, POLICY: JSON.stringify(policy), AUDIT_KEY,
    JWT_SECRET: HS_SECRET, JWKS_URL: `${deadUrl}/jwks.json`, JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE,
  }, audit);
  try {
    const send = (token) => postTo(down, '/v1/chat/completions', chat('hello'), { headers: bearer(token) });
    const rs = await joseSign(claims(), { alg: 'RS256', kid: 'rsa-1' }, keys.rsa.privateKey);
    const body = await expectError(await send(rs), 503, 'jwks_unavailable');
    assert.ok(!JSON.stringify(body).includes(rs.split('.')[1]));
    const hs = await joseSign(claims({ role: 'support' }), { alg: 'HS256' }, new TextEncoder().encode(HS_SECRET));
    assert.equal((await send(hs)).status, 200);
    await expectError(await send(rawSign({ alg: 'none' }, claims(), 'none')), 401, 'unauthorized');
  } finally {
    await down.dispose();
  }
});

test('concurrent first requests share one JWKS fetch instead of failing with 503', async () => {
  const cold = newEdge({
    ORIGIN_URL: origin.url, POLICY: JSON.stringify(policy), AUDIT_KEY,
    JWKS_URL: `${jwksUrl}/slow/jwks.json`, JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE,
  }, audit);
  try {
    const token = await joseSign(claims({ role: 'support' }), { alg: 'ES256', kid: 'ec-1' }, keys.ec.privateKey);
    const results = await Promise.all(Array.from({ length: 6 }, () =>
      postTo(cold, '/v1/chat/completions', chat('hello'), { headers: bearer(token) })));
    for (const res of results) {
      assert.equal(res.status, 200, await res.clone().text());
      await res.arrayBuffer();
    }
    assert.equal(fetches.slow, 1);
  } finally {
    await cold.dispose();
  }
});

test('API keys: accepted as X-Api-Key or bearer with their role; wrong or doubled keys refused', async () => {
  await expectAccepted(await post({ 'x-api-key': API_KEY }), 'support');
  await expectAccepted(await post(bearer(API_KEY)), 'support');
  for (const key of ['sk-synthetic-support-key-0002', API_KEY.toUpperCase(), `${API_KEY}x`]) {
    await expectRefused(await post({ 'x-api-key': key }), key, 'api_key_unknown');
    await expectRefused(await post(bearer(key)), key, 'api_key_unknown');
  }
  const hs = await joseSign(claims({ role: 'admin' }), { alg: 'HS256' }, new TextEncoder().encode(HS_SECRET));
  await expectRefused(await post({ 'x-api-key': API_KEY, ...bearer(hs) }), hs, 'ambiguous');
});

test('Cloudflare Access assertions: accepted for the team and AUD tag; others refused', async () => {
  const { access, rsa } = keys;
  const event = await expectAccepted(await post({
    'cf-access-jwt-assertion': await joseSign(accessClaims(), { alg: 'RS256', kid: 'access-1' }, access.privateKey),
  }), 'anonymous');
  assert.ok(!JSON.stringify(event).includes('access-user-1'));
  await expectAccepted(await post({
    'cf-access-jwt-assertion': await joseSign(accessClaims({ role: 'admin' }), { alg: 'RS256', kid: 'access-1' }, access.privateKey),
  }), 'admin');
  assert.ok(fetches.access >= 1);
  const refused = [
    [await joseSign(accessClaims({ aud: ['0000'] }), { alg: 'RS256', kid: 'access-1' }, access.privateKey), 'audience_mismatch'],
    [await joseSign(accessClaims({ iss: 'https://other-team.cloudflareaccess.com' }), { alg: 'RS256', kid: 'access-1' }, access.privateKey), 'issuer_mismatch'],
    [await joseSign(accessClaims(), { alg: 'ES256', kid: 'access-1' }, keys.ec.privateKey), 'alg_unsupported'],
    [await joseSign(accessClaims(), { alg: 'RS256', kid: 'access-1' }, rsa.privateKey), 'signature_invalid'],
    [await joseSign(accessClaims({ exp: now - 3600 }), { alg: 'RS256', kid: 'access-1' }, access.privateKey), 'token_expired'],
    [await joseSign(claims(), { alg: 'RS256', kid: 'rsa-1' }, rsa.privateKey), 'kid_unknown'],
    [rawSign({ alg: 'none', kid: 'access-1' }, accessClaims(), 'none'), 'alg_none'],
    [await joseSign(accessClaims(), { alg: 'HS256' }, new TextEncoder().encode(HS_SECRET)), 'alg_unsupported'],
  ];
  for (const [token, rule] of refused) {
    await expectRefused(await post({ 'cf-access-jwt-assertion': token }), token, rule);
  }
});

test('a credential kind the edge is not configured for is refused, never anonymous', async () => {
  const bare = newEdge({ ORIGIN_URL: origin.url, POLICY: JSON.stringify(policy), AUDIT_KEY }, audit);
  try {
    const send = (headers) => postTo(bare, '/v1/chat/completions', chat('hello'), { headers });
    const hs = await joseSign(claims(), { alg: 'HS256' }, new TextEncoder().encode(HS_SECRET));
    for (const headers of [bearer(hs), { 'x-api-key': API_KEY }, { 'cf-access-jwt-assertion': hs }]) {
      await expectError(await send(headers), 401, 'unauthorized');
    }
    assert.equal((await send({})).status, 200, 'no credential at all is the anonymous tier');
  } finally {
    await bare.dispose();
  }
});

test('audit lines hold no token, key or subject', async () => {
  await new Promise((r) => setTimeout(r, 200));
  assert.ok(audit.length >= 60, `only ${audit.length} audit lines`);
  for (const line of audit) {
    assert.ok(!/eyJ|sk-synthetic|user-123|access-user-1|198\.51\.100\./.test(line), line);
  }
  assertDetectorFindsNothing(audit);
});
