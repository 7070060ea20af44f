// End-to-end test of the edge's cache of verified tokens in the real runtime (workerd through
// Miniflare, see harness.mjs): a token verified once is accepted again without its signature
// check, but never after the key that signed it was rotated out of the JWKS. Tokens are made live
// by `jose`; keys and identities are synthetic. Takes ~31 s: the edge fetches a JWKS at most once
// per 30 s, and the rotation is only seen at the next fetch.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pair, joseSign } from '../jwt/tokens.mjs';
import { startOrigin } from '../origin/origin.mjs';
import { ROOT, assertBuilt, newEdge, chat, postTo, expectError } from './harness.mjs';

const ISSUER = 'https://issuer.example.com';
const AUDIENCE = 'chatguard-edge';

const policy = JSON.parse(readFileSync(join(ROOT, 'tests/policies/default.json'), 'utf8'));
policy.roles = {
  support: {
    routes: ['/v1/chat/completions'], models: ['demo'], max_tokens: 64, tools: [],
    rate_limit: { requests: 1000, tokens: 1_000_000, window_secs: 60 },
  },
};

let keys;
let served;
let fetches = 0;
let jwksServer;
let origin;
let edge;

before(async () => {
  assertBuilt();
  keys = { old: await pair('RS256'), next: await pair('RS256') };
  served = { keys: [{ ...keys.old.jwk, kid: 'old', alg: 'RS256', use: 'sig' }] };
  jwksServer = http.createServer((req, res) => {
    fetches += 1;
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'public, max-age=600' });
    res.end(JSON.stringify(served));
  });
  await new Promise((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
  origin = await startOrigin({ pauseMs: 0 });
  edge = newEdge({
    ORIGIN_URL: origin.url,
    POLICY: JSON.stringify(policy),
    AUDIT_KEY: 'audit-test-key-tokens-0001',
    JWKS_URL: `http://127.0.0.1:${jwksServer.address().port}/jwks.json`,
    JWT_ISSUER: ISSUER,
    JWT_AUDIENCE: AUDIENCE,
  });
  await edge.ready;
});

after(async () => {
  await edge?.dispose();
  await origin?.close();
  await new Promise((resolve) => jwksServer?.close(resolve));
});

async function token(kid, key) {
  const now = Math.floor(Date.now() / 1000);
  return joseSign({ iss: ISSUER, aud: AUDIENCE, sub: 'user-7', role: 'support', iat: now, exp: now + 600 },
    { alg: 'RS256', kid }, key);
}

const ask = (jwt) => postTo(edge, '/v1/chat/completions', chat('hello'), { headers: { authorization: `Bearer ${jwt}` } });

async function expectOk(res) {
  assert.equal(res.status, 200);
  await res.arrayBuffer();
}

test('a cached token stops being accepted once its key is rotated out', { timeout: 60_000 }, async () => {
  const signedByOld = await token('old', keys.old.privateKey);
  await expectOk(await ask(signedByOld));
  await expectOk(await ask(signedByOld)); // from the cache
  await expectError(await ask(`${signedByOld.slice(0, -2)}AA`), 401, 'unauthorized');
  assert.equal(fetches, 1);
  // The issuer rotates: only the new key is published. The edge sees it at its next fetch, which
  // an unknown kid may trigger once the 30 s between fetches have passed.
  served = { keys: [{ ...keys.next.jwk, kid: 'next', alg: 'RS256', use: 'sig' }] };
  await new Promise((resolve) => setTimeout(resolve, 31_000));
  await expectOk(await ask(await token('next', keys.next.privateKey)));
  assert.equal(fetches, 2);
  await expectError(await ask(signedByOld), 401, 'unauthorized');
});
