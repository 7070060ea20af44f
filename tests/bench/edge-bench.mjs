// Edge benchmark: the added latency of the chatguard Worker for a 4 KB chat request, against a
// pass-through Worker measured in the same run and against the same loopback origin; requests/s;
// and the gzipped bundle size. Prints figures; asserts nothing about time.
//
// Run after `worker-build --release` in edge/ (or via `cargo xtask bench`).

import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Miniflare } from 'miniflare';
import { startOrigin } from '../origin/origin.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUILD = join(ROOT, 'edge', 'build');
const SAMPLES = Number(process.env.EDGE_BENCH_SAMPLES ?? 400);
const WARMUP = 40;

const policy = JSON.parse(readFileSync(join(ROOT, 'tests/policies/default.json'), 'utf8'));
policy.roles = {
  anonymous: {
    routes: ['/v1/chat/completions'], models: ['*'], max_tokens: 1024, tools: [],
    rate_limit: { requests: 1e12, tokens: 1e15, window_secs: 60 },
  },
};

const PASS_THROUGH = `export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    return fetch(env.ORIGIN_URL + url.pathname, {
      method: request.method, headers: { 'content-type': 'application/json' }, body: await request.text(),
    });
  },
};`;

// A 4 KB conversation: ordinary support chat with a little synthetic personal data.
function request4k() {
  const turns = [];
  let size = 0;
  for (let i = 0; size < 3900; i += 1) {
    const content = i % 5 === 2
      ? `Please update my address, email is customer${i}@example.com and phone +1 202 555 01${10 + (i % 80)}.`
      : `Turn ${i}: my order arrived late and the box was damaged; what are the options for a refund or a replacement?`;
    turns.push({ role: i % 2 ? 'assistant' : 'user', content });
    size += content.length + 30;
  }
  turns.push({ role: 'user', content: 'Thanks, please summarise.' });
  return JSON.stringify({ model: 'demo', max_tokens: 200, messages: turns });
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function measure(mf, body) {
  const send = async () => {
    const res = await mf.dispatchFetch('http://edge.test/v1/chat/completions', {
      method: 'POST', headers: { 'content-type': 'application/json', 'cf-connecting-ip': '203.0.113.9' }, body,
    });
    if (res.status !== 200) throw new Error(`status ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
  };
  for (let i = 0; i < WARMUP; i += 1) await send();
  const times = [];
  for (let i = 0; i < SAMPLES; i += 1) {
    const t0 = process.hrtime.bigint();
    await send();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  // Throughput: 8 concurrent clients for a fixed number of requests.
  const total = SAMPLES;
  const t0 = process.hrtime.bigint();
  let next = 0;
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (next < total) { next += 1; await send(); }
  }));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { p50: percentile(times, 50), p99: percentile(times, 99), rps: total / seconds };
}

/** Time to the first body chunk of a streamed answer (the origin pauses 1 ms between writes). */
async function timeToFirstChunk(mf, samples) {
  const body = JSON.stringify({ model: 'demo', stream: true, max_tokens: 100,
    messages: [{ role: 'user', content: 'Where is my parcel? It was due on Monday and has not arrived yet.' }] });
  const times = [];
  for (let i = 0; i < samples + 10; i += 1) {
    const t0 = process.hrtime.bigint();
    const res = await mf.dispatchFetch('http://edge.test/v1/chat/completions', {
      method: 'POST', headers: { 'content-type': 'application/json', 'cf-connecting-ip': '203.0.113.10' }, body,
    });
    const reader = res.body.getReader();
    await reader.read();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    while (!(await reader.read()).done) { /* drain */ }
    if (i >= 10) times.push(ms);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

const origin = await startOrigin({ pauseMs: 0 });
const slowOrigin = await startOrigin({ pauseMs: 1 });
const common = { compatibilityDate: '2026-04-01', cf: false, bindings: { ORIGIN_URL: origin.url } };
const passStream = new Miniflare({ ...common, modules: true, script: PASS_THROUGH, bindings: { ORIGIN_URL: slowOrigin.url } });
const pass = new Miniflare({ ...common, modules: true, script: PASS_THROUGH });
const edgeOptions = {
  ...common,
  modules: true,
  scriptPath: join(BUILD, 'index.js'),
  modulesRules: [{ type: 'CompiledWasm', include: ['**/*.wasm'] }],
  bindings: { ORIGIN_URL: origin.url, POLICY: JSON.stringify(policy), AUDIT_KEY: 'bench-key' },
  durableObjects: { RATE_LIMITER: 'RateLimiter' },
  handleRuntimeStdio(stdout, stderr) {
    // The audit lines are not part of the figure, but the pipes must be drained.
    stdout.resume();
    stderr.resume();
  },
};
const edge = new Miniflare(edgeOptions);
try {
  await Promise.all([pass.ready, edge.ready, passStream.ready]);
  const body = request4k();
  const base = await measure(pass, body);
  const filtered = await measure(edge, body);
  const fmt = (n) => n.toFixed(3).padStart(8);
  console.log(`edge bench: ${Buffer.byteLength(body)} B chat request, ${SAMPLES} sequential samples, loopback origin`);
  console.log(`  pass-through worker  p50 ${fmt(base.p50)} ms  p99 ${fmt(base.p99)} ms  ${base.rps.toFixed(0)} req/s (8 clients)`);
  console.log(`  chatguard edge       p50 ${fmt(filtered.p50)} ms  p99 ${fmt(filtered.p99)} ms  ${filtered.rps.toFixed(0)} req/s (8 clients)`);
  console.log(`  added latency        p50 ${fmt(filtered.p50 - base.p50)} ms  p99 ${fmt(filtered.p99 - base.p99)} ms  (ratio p50 ${(filtered.p50 / base.p50).toFixed(2)}x; goal <= 1 ms p99 added)`);
  await edge.setOptions({ ...edgeOptions, bindings: { ...edgeOptions.bindings, ORIGIN_URL: slowOrigin.url } });
  const ttftPass = await timeToFirstChunk(passStream, 100);
  const ttftEdge = await timeToFirstChunk(edge, 100);
  console.log(`  stream, first chunk: pass-through p50 ${fmt(ttftPass.p50)} ms  edge p50 ${fmt(ttftEdge.p50)} ms  added p50 ${fmt(ttftEdge.p50 - ttftPass.p50)} ms  p99 ${fmt(ttftEdge.p99 - ttftPass.p99)} ms (goal <= 1 ms; the redactor holds back the last words until they cannot grow into a finding)`);
  let raw = 0;
  let gz = 0;
  for (const file of ['index.js', 'index_bg.wasm']) {
    const bytes = readFileSync(join(BUILD, file));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  console.log(`  bundle (index.js + index_bg.wasm): ${raw} B raw, ${gz} B gzip -9 (${(gz / 1024 / 1024).toFixed(2)} MiB; goal <= 1 MB)`);
} finally {
  await Promise.all([pass.dispose(), edge.dispose(), passStream.dispose()]);
  await Promise.all([origin.close(), slowOrigin.close()]);
}
