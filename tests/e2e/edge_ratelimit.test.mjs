// End-to-end test of the rate limiter's durability in the real runtime (workerd through
// Miniflare, see harness.mjs): the principal's Durable Object keeps its window in memory and
// writes it to storage at most once per second; a restart of the runtime drops the memory, and the
// object must start again from what it wrote. The client IP is synthetic.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Miniflare } from 'miniflare';
import { startOrigin } from '../origin/origin.mjs';
import { ROOT, assertBuilt, workerOptions, freshIp, chat, postTo, expectError } from './harness.mjs';

const policy = JSON.parse(readFileSync(join(ROOT, 'tests/policies/default.json'), 'utf8'));
policy.roles = {
  anonymous: {
    routes: ['/v1/chat/completions'], models: ['demo'], max_tokens: 16, tools: [],
    // A day-long window, so the test never straddles a window boundary.
    rate_limit: { requests: 3, tokens: 1_000_000, window_secs: 86_400 },
  },
};

let origin;
let edge;
let storage;

before(async () => {
  assertBuilt();
  origin = await startOrigin({ pauseMs: 0 });
  storage = mkdtempSync(join(tmpdir(), 'chatguard-rate-'));
});

after(async () => {
  await edge?.dispose();
  await origin?.close();
  rmSync(storage, { recursive: true, force: true });
});

test('a restarted rate limiter still counts the admissions it wrote', async () => {
  const options = workerOptions(
    { ORIGIN_URL: origin.url, POLICY: JSON.stringify(policy), AUDIT_KEY: 'audit-test-key-rate-0001' },
    {
      durableObjectsPersist: storage,
      handleRuntimeStdio(stdout, stderr) {
        stdout.resume();
        stderr.resume();
      },
    },
  );
  edge = new Miniflare(options);
  await edge.ready;
  const ip = freshIp();
  const ask = () => postTo(edge, '/v1/chat/completions', chat('Where is my parcel?', { max_tokens: 1 }), { ip });
  for (let i = 0; i < 2; i += 1) {
    const ok = await ask();
    assert.equal(ok.status, 200);
    await ok.arrayBuffer();
  }
  // The window is written at most once per second, off the answer's path; then the runtime
  // restarts and every object's memory is gone.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  await edge.setOptions(options);
  const third = await ask();
  assert.equal(third.status, 200, 'the third of three requests is admitted');
  await third.arrayBuffer();
  await expectError(await ask(), 429, 'rate_limited');
});
