// Shared setup of the edge end-to-end tests (edge.test.mjs, edge_auth.test.mjs): the built Worker
// (edge/build, `worker-build --release`) in workerd through Miniflare's Node API, the audit lines it
// writes, and the assertions every test uses on responses.

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

/** A Miniflare running the Worker; every audit line it logs is pushed to `audit`. */
export function newEdge(bindings, audit = []) {
  return new Miniflare(workerOptions(bindings, {
    handleRuntimeStdio(stdout, stderr) {
      for (const stream of [stdout, stderr]) {
        createInterface({ input: stream }).on('line', (line) => {
          const at = line.indexOf('{"ts"');
          if (at >= 0) audit.push(line.slice(at));
        });
      }
    },
  }));
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
