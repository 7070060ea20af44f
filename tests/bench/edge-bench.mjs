// Edge benchmark: what the chatguard Worker adds to a chat request, against a pass-through
// Worker measured in the same run and against the same loopback origin. Prints figures; asserts
// nothing about time.
//
//   request   — a 4 KB Chat Completions request with a bearer JWT (RS256; the key comes from a
//               loopback JWKS that is fetched once and then cached), in three series: the
//               pass-through Worker; the edge on a new conversation with a new token (nothing to
//               reuse: every text scored, every signature checked); the edge on the next turn of
//               a session (the same history plus a new message, the session's token). Every
//               round sends one request of each series, one at a time, from the same client, in
//               a new random order (seeded, so runs are repeatable): each series follows each
//               other one equally often, so neither the machine's load nor the work another
//               Worker leaves behind after answering falls on one series more than on another.
//               p50/p99 of each, the difference and the ratio, with a bootstrap 95% interval of
//               the difference, and the same difference between the two halves of the
//               pass-through's own samples (an A/A comparison: what the noise alone gives);
//               requests/s with 8 concurrent clients (the two Workers in alternating blocks).
//               The runtime CPU per request is the
//               scheduler's run time of each workerd process, read before every request:
//               everything a process runs between two of its requests (work left after the
//               answer, timers, garbage collection) is charged to the request before.
//   stream    — a streamed answer whose origin writes one whole SSE event (one model token) every
//               STREAM_PAUSE_MS: time to the first token the client can show, and the forwarding
//               delay of every event (arrival at the client minus the origin's write that
//               released it). The edge's first token also waits for the origin's next tokens: the
//               core stream redactor holds the last two words until they cannot grow into a
//               finding; the bench counts those tokens separately.
//   bundle    — index.js + index_bg.wasm, raw and gzip -9.
//
// Run after `worker-build --release` in edge/ (or via `cargo xtask bench`).
// EDGE_BENCH_SAMPLES (default 1000) and EDGE_BENCH_STREAMS (default 40) set the sample counts,
// EDGE_BENCH_WARMUP (default 400) the warm-up rounds, EDGE_BENCH_SEED the order's seed;
// EDGE_BENCH_BUILD names another worker-build output directory (default edge/build), so two
// builds can be compared without rebuilding; EDGE_BENCH_COMPARE names a second one whose two edge
// series are sampled in the same rounds (an A/B test on one noisy machine; each Worker serves
// two of the five series, so neither gets more quiet time between its requests).

import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Miniflare } from 'miniflare';
import { startOrigin } from '../origin/origin.mjs';
import { pair, joseSign } from '../jwt/tokens.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUILD = process.env.EDGE_BENCH_BUILD ?? join(ROOT, 'edge', 'build');
const SAMPLES = Number(process.env.EDGE_BENCH_SAMPLES ?? 1000);
const STREAMS = Number(process.env.EDGE_BENCH_STREAMS ?? 40);
// Warm-up rounds (each sends one request of every series) before anything is measured: V8 first
// runs the Worker's wasm with its baseline compiler and optimises the hot functions in the
// background; with 40 rounds that one-off compilation still ran during the measured requests
// (11.8% of the edge's workerd CPU under `perf`, 0.2–0.3 ms of "added CPU" per request).
const WARMUP = Number(process.env.EDGE_BENCH_WARMUP ?? 400);
const SEED = Number(process.env.EDGE_BENCH_SEED ?? 1);
/** Bootstrap resamples for the intervals of the differences. */
const RESAMPLES = 2000;
const CLIENTS = 8;
const STREAM_PAUSE_MS = 10;
const ISSUER = 'https://issuer.bench.example';
const AUDIENCE = 'chatguard-edge';

const policy = JSON.parse(readFileSync(join(ROOT, 'tests/policies/default.json'), 'utf8'));
const role = {
  routes: ['/v1/chat/completions'], models: ['*'], max_tokens: 1024, tools: [],
  rate_limit: { requests: 1e12, tokens: 1e15, window_secs: 60 },
};
policy.roles = { support: role };

const PASS_THROUGH = `export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    return fetch(env.ORIGIN_URL + url.pathname, {
      method: request.method, headers: { 'content-type': 'application/json' }, body: await request.text(),
    });
  },
};`;

// A 4 KB conversation: ordinary support chat with a little synthetic personal data. `history`
// marks every earlier turn (a new value makes every text new to the edge); `last` is the newest
// user message.
function request4k(history, last) {
  const turns = [];
  let size = 0;
  for (let i = 0; size < 3900; i += 1) {
    const content = i % 5 === 2
      ? `Please update my address (ref ${history}), email is customer${i}@example.com and phone +1 202 555 01${10 + (i % 80)}.`
      : `Turn ${i} of ${history}: my order arrived late and the box was damaged; what are the options for a refund?`;
    turns.push({ role: i % 2 ? 'assistant' : 'user', content });
    size += content.length + 30;
  }
  turns.push({ role: 'user', content: `Thanks, please summarise (question ${last}).` });
  return JSON.stringify({ model: 'demo', max_tokens: 200, messages: turns });
}

const STREAM_BODY = JSON.stringify({ model: 'demo', stream: true, max_tokens: 100,
  messages: [{ role: 'user', content: 'Where is my parcel? It was due on Monday and has not arrived yet.' }] });

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const now = () => Number(process.hrtime.bigint()) / 1e6;

/**
 * The workerd process serving `mf` (the one listening on its port; Linux `/proc`), or
 * `undefined` where that cannot be found out.
 */
async function workerdPid(mf) {
  try {
    const hex = Number((await mf.ready).port).toString(16).toUpperCase().padStart(4, '0');
    const sockets = new Set();
    for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
      for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
        const f = line.trim().split(/\s+/);
        if (f.length > 9 && f[1].endsWith(`:${hex}`) && f[3] === '0A') sockets.add(`socket:[${f[9]}]`);
      }
    }
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      let fds = [];
      try { fds = readdirSync(`/proc/${pid}/fd`); } catch { continue; }
      for (const fd of fds) {
        try { if (sockets.has(readlinkSync(`/proc/${pid}/fd/${fd}`))) return pid; } catch { /* gone */ }
      }
    }
  } catch { /* not Linux */ }
  return undefined;
}

/**
 * CPU time the process `pid` has used, in ms: the scheduler's exact run time of each of its
 * threads (`/proc/<pid>/task/<tid>/schedstat`, nanoseconds). Summed over hundreds of requests
 * this is what a request costs the runtime, whatever else the shared machine runs meanwhile —
 * far steadier than wall-clock percentiles.
 */
function cpuMs(pid) {
  if (!pid) return NaN;
  let ns = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    } catch { /* the thread ended */ }
  }
  return ns / 1e6;
}

/** Serves the JWKS with a long max-age and counts its fetches. */
async function startJwks(jwk) {
  const server = http.createServer((req, res) => {
    server.fetches += 1;
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'public, max-age=3600' });
    res.end(JSON.stringify({ keys: [{ ...jwk, kid: 'bench-1', alg: 'RS256', use: 'sig' }] }));
  });
  server.fetches = 0;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/jwks.json`, server };
}

/** `count` distinct tokens of one synthetic user (a fresh `jti` each). */
async function mintTokens(key, count) {
  const iat = Math.floor(Date.now() / 1000);
  return Promise.all(Array.from({ length: count }, (_, i) => joseSign(
    { iss: ISSUER, aud: AUDIENCE, sub: 'bench-user-1', role: 'support', iat, exp: iat + 3600, jti: `bench-${i}` },
    { alg: 'RS256', kid: 'bench-1', typ: 'JWT' }, key,
  )));
}

function post(mf, body, token) {
  return mf.dispatchFetch('http://edge.test/v1/chat/completions', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'cf-connecting-ip': '203.0.113.9' },
    body,
  });
}

async function send(mf, body, token) {
  const res = await post(mf, body, token);
  if (res.status !== 200) throw new Error(`status ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
}

/** A small seeded generator (mulberry32): uniform numbers in [0, 1), the same for one seed. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `xs` in a random order (Fisher–Yates with `rand`), as a new array. */
function shuffled(xs, rand) {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * The 95% bootstrap interval of `percentile(b, p) - percentile(a, p)`: both samples drawn again
 * with replacement, RESAMPLES times. How far the difference of two noisy percentiles can move
 * with the same machine and the same builds.
 */
function interval(a, b, p, rand) {
  const draw = (xs) => sorted(Array.from(xs, () => xs[Math.floor(rand() * xs.length)]));
  const diffs = sorted(Array.from({ length: RESAMPLES }, () => percentile(draw(b), p) - percentile(draw(a), p)));
  return [percentile(diffs, 2.5), percentile(diffs, 97.5)];
}

/**
 * Sequential latency, one request at a time, each round in a new random order: the
 * pass-through Worker; the edge on a new conversation (every text new to it); the edge on a
 * continuing one (the same history with a new last message, as a chat client sends each turn).
 * Then requests/s of the pass-through and of the edge on new conversations.
 */
async function measureRequests(pass, edge, tokens, other) {
  let t = 0;
  const token = () => tokens[t++ % tokens.length];
  let n = 0;
  const fresh = () => { n += 1; return request4k(`conversation ${n}`, n); };
  const continuing = () => { n += 1; return request4k('conversation 0', n); };
  // A chat session keeps its token; a new conversation here also brings a new token.
  const sessionToken = tokens[tokens.length - 1];
  const series = [
    ['pass', pass, fresh, token], ['cold', edge, fresh, token], ['warm', edge, continuing, () => sessionToken],
  ];
  // The compared build gets the same two series, so both instances serve half the requests.
  if (other) series.push(['other', other, fresh, token], ['otherWarm', other, continuing, () => sessionToken]);
  const rand = random(SEED);
  for (let i = 0; i < WARMUP; i += 1) {
    for (const [, mf, body, tk] of shuffled(series, rand)) await send(mf, body(), tk());
  }
  const times = { pass: [], cold: [], warm: [], other: [], otherWarm: [] };
  const cpu = { pass: 0, cold: 0, warm: 0, other: 0, otherWarm: 0 };
  // Per workerd process: its pid, the CPU it had used when last read and the series whose
  // request it served last (charged with what the process runs until its next request).
  const processes = new Map();
  for (const [, mf] of series) processes.set(mf, { pid: await workerdPid(mf), read: NaN, last: undefined });
  for (const p of processes.values()) p.read = cpuMs(p.pid);
  const loadBefore = os.loadavg();
  for (let i = 0; i < SAMPLES; i += 1) {
    for (const [name, mf, makeBody, nextToken] of shuffled(series, rand)) {
      const body = makeBody();
      const tk = nextToken();
      const p = processes.get(mf);
      const c0 = cpuMs(p.pid);
      if (p.last) cpu[p.last] += c0 - p.read;
      const t0 = now();
      await send(mf, body, tk);
      times[name].push(now() - t0);
      p.read = cpuMs(p.pid);
      cpu[name] += p.read - c0;
      p.last = name;
    }
  }
  for (const p of processes.values()) cpu[p.last] += cpuMs(p.pid) - p.read;
  const loadAfter = os.loadavg();
  // Requests/s with CLIENTS concurrent clients, the two Workers in alternating blocks (the order
  // flipping each block) so that a busy spell of the machine does not fall on one of them.
  const BLOCKS = 10;
  const served = { pass: { n: 0, ms: 0 }, cold: { n: 0, ms: 0 } };
  for (let b = 0; b < BLOCKS; b += 1) {
    const pair = [['pass', pass], ['cold', edge]];
    for (const [name, mf] of b % 2 ? pair.reverse() : pair) {
      const count = Math.ceil(SAMPLES / BLOCKS);
      const bodies = Array.from({ length: count }, fresh);
      const t0 = now();
      let next = 0;
      await Promise.all(Array.from({ length: CLIENTS }, async () => {
        while (next < count) { next += 1; await send(mf, bodies[next - 1], token()); }
      }));
      served[name].ms += now() - t0;
      served[name].n += count;
    }
  }
  const rps = { pass: served.pass.n / (served.pass.ms / 1000), cold: served.cold.n / (served.cold.ms / 1000) };
  const stats = (name) => {
    const s = sorted(times[name]);
    const vs = (p) => interval(times.pass, times[name], p, rand);
    return { p50: percentile(s, 50), p99: percentile(s, 99), cpu: cpu[name] / SAMPLES, ci50: vs(50), ci99: vs(99) };
  };
  // A/A: the pass-through's samples of even rounds against those of odd rounds.
  const even = times.pass.filter((_, i) => i % 2 === 0);
  const odd = times.pass.filter((_, i) => i % 2 === 1);
  const aa = (p) => percentile(sorted(odd), p) - percentile(sorted(even), p);
  return {
    size: Buffer.byteLength(fresh()),
    messages: JSON.parse(fresh()).messages.length,
    loadBefore,
    loadAfter,
    aa: { p50: aa(50), p99: aa(99) },
    pass: { ...stats('pass'), rps: rps.pass },
    cold: { ...stats('cold'), rps: rps.cold },
    warm: stats('warm'),
    other: other && stats('other'),
    otherWarm: other && stats('otherWarm'),
  };
}

/** The text deltas of the complete SSE events in `buffer`; returns [texts, rest]. */
function takeEvents(buffer) {
  const texts = [];
  let at;
  while ((at = buffer.indexOf('\n\n')) >= 0) {
    const event = buffer.slice(0, at);
    buffer = buffer.slice(at + 2);
    const data = event.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
    if (!data || data === '[DONE]') continue;
    const content = JSON.parse(data).choices?.[0]?.delta?.content;
    if (content) texts.push(content);
  }
  return [texts, buffer];
}

/**
 * One streamed answer: the time to the first shown token, how many origin writes came before
 * it, and the forwarding delay of every text event (arrival minus the last origin write before).
 */
async function streamOnce(mf, token, writes) {
  writes.length = 0;
  const t0 = now();
  const res = await post(mf, STREAM_BODY, token);
  if (res.status !== 200) throw new Error(`stream status ${res.status}`);
  const decoder = new TextDecoder();
  const reader = res.body.getReader();
  let buffer = '';
  let first;
  let writesBeforeFirst;
  const delays = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const arrived = now();
    let texts;
    [texts, buffer] = takeEvents(buffer + decoder.decode(value, { stream: true }));
    if (texts.length === 0) continue;
    const before = writes.filter((w) => w <= arrived);
    if (first === undefined) {
      first = arrived - t0;
      writesBeforeFirst = before.length;
    }
    if (before.length) delays.push(arrived - before[before.length - 1]);
  }
  return { first, writesBeforeFirst, delays };
}

async function measureStreams(pass, edge, tokens, writes) {
  const out = { pass: { first: [], held: [], delays: [] }, edge: { first: [], held: [], delays: [] } };
  for (let i = 0; i < STREAMS + 4; i += 1) {
    const order = i % 2 ? [['pass', pass], ['edge', edge]] : [['edge', edge], ['pass', pass]];
    for (const [name, mf] of order) {
      const r = await streamOnce(mf, tokens[(i * 2) % tokens.length], writes);
      if (i < 4) continue; // warm-up
      out[name].first.push(r.first);
      out[name].held.push(r.writesBeforeFirst);
      out[name].delays.push(...r.delays);
    }
  }
  const summary = (o) => {
    const first = sorted(o.first);
    const delays = sorted(o.delays);
    return {
      first50: percentile(first, 50), first99: percentile(first, 99),
      held: percentile(sorted(o.held), 50),
      delay50: percentile(delays, 50), delay99: percentile(delays, 99),
    };
  };
  return { pass: summary(out.pass), edge: summary(out.edge) };
}

const keyPair = await pair('RS256');
const jwks = await startJwks(keyPair.jwk);
const writes = [];
const origin = await startOrigin({ pauseMs: 0 });
const streamOrigin = await startOrigin({ eventPauseMs: STREAM_PAUSE_MS, onWrite: () => writes.push(now()) });
const common = { compatibilityDate: '2026-04-01', cf: false, modules: true };
const passOptions = { ...common, script: PASS_THROUGH, bindings: { ORIGIN_URL: origin.url } };
const edgeOptions = {
  ...common,
  scriptPath: join(BUILD, 'index.js'),
  modulesRoot: BUILD,
  modulesRules: [{ type: 'CompiledWasm', include: ['**/*.wasm'] }],
  bindings: {
    ORIGIN_URL: origin.url, POLICY: JSON.stringify(policy), AUDIT_KEY: 'bench-key',
    JWKS_URL: jwks.url, JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE,
  },
  durableObjects: { RATE_LIMITER: 'RateLimiter' },
  handleRuntimeStdio(stdout, stderr) {
    // The audit lines are not part of the figure, but the pipes must be drained.
    stdout.resume();
    stderr.resume();
  },
};
const COMPARE = process.env.EDGE_BENCH_COMPARE;
const pass = new Miniflare(passOptions);
const edge = new Miniflare(edgeOptions);
const other = COMPARE
  ? new Miniflare({ ...edgeOptions, scriptPath: join(COMPARE, 'index.js'), modulesRoot: COMPARE })
  : undefined;
const fmt = (n) => n.toFixed(2).padStart(7);
try {
  await Promise.all([pass.ready, edge.ready, other?.ready]);
  const tokens = await mintTokens(keyPair.privateKey, 1000);
  const r = await measureRequests(pass, edge, tokens, other);
  const range = ([lo, hi]) => `[${lo.toFixed(2)}, ${hi.toFixed(2)}]`;
  const added = (e) => `added p50 ${fmt(e.p50 - r.pass.p50)} ms ${range(e.ci50)}  p99 ${fmt(e.p99 - r.pass.p99)} ms ${range(e.ci99)}  (ratio p50 ${(e.p50 / r.pass.p50).toFixed(2)}x, p99 ${(e.p99 / r.pass.p99).toFixed(2)}x)`;
  const load = (l) => l.map((x) => x.toFixed(1)).join(' / ');
  console.log(`edge bench: ~${r.size} B chat request (${r.messages} messages) with an RS256 bearer JWT (JWKS cached: ${jwks.server.fetches} fetch), ${SAMPLES} samples per series (after ${WARMUP} warm-up rounds), one request at a time, each round in a random order (seed ${SEED}), loopback origin`);
  console.log(`  pass-through worker               p50 ${fmt(r.pass.p50)} ms  p99 ${fmt(r.pass.p99)} ms  ${r.pass.rps.toFixed(0)} req/s (${CLIENTS} clients)`);
  console.log(`  edge, new conversation, new token p50 ${fmt(r.cold.p50)} ms  p99 ${fmt(r.cold.p99)} ms  ${r.cold.rps.toFixed(0)} req/s (${CLIENTS} clients)  ${added(r.cold)}`);
  console.log(`  edge, next turn of a session      p50 ${fmt(r.warm.p50)} ms  p99 ${fmt(r.warm.p99)} ms  ${added(r.warm)}`);
  if (r.other) {
    console.log(`  compared build (${COMPARE}):`);
    console.log(`    new conversation, new token     p50 ${fmt(r.other.p50)} ms  p99 ${fmt(r.other.p99)} ms  ${added(r.other)}`);
    console.log(`    next turn of a session          p50 ${fmt(r.otherWarm.p50)} ms  p99 ${fmt(r.otherWarm.p99)} ms  ${added(r.otherWarm)}`);
  }
  console.log(`  [a, b]: bootstrap 95% interval of the difference; noise alone (A/A, the pass-through's odd rounds minus its even rounds): p50 ${fmt(r.aa.p50)} ms  p99 ${fmt(r.aa.p99)} ms`);
  const cpuLine = (e) => `${e.cpu.toFixed(2)} ms (+${(e.cpu - r.pass.cpu).toFixed(2)})`;
  console.log(`  runtime CPU per request (workerd threads' run time, mean, work between requests included): pass-through ${r.pass.cpu.toFixed(2)} ms, edge new ${cpuLine(r.cold)}, next turn ${cpuLine(r.warm)}${r.other ? `; compared build new ${cpuLine(r.other)}, next turn ${cpuLine(r.otherWarm)}` : ''}`);
  console.log('  (goal <= 1 ms p99 added; "new": every text and the token new to the edge, so every signature is checked; "next turn": the same history with a new last message and the session\'s token)');
  console.log(`  machine load average (1/5/15 min, ${os.cpus().length} cores) before the measured rounds ${load(r.loadBefore)}, after ${load(r.loadAfter)}: tails move with it`);

  await Promise.all([
    pass.setOptions({ ...passOptions, bindings: { ORIGIN_URL: streamOrigin.url } }),
    edge.setOptions({ ...edgeOptions, bindings: { ...edgeOptions.bindings, ORIGIN_URL: streamOrigin.url } }),
  ]);
  const s = await measureStreams(pass, edge, tokens, writes);
  console.log(`  stream (origin writes one token event every ${STREAM_PAUSE_MS} ms, ${STREAMS} streams per Worker):`);
  console.log(`    first token shown       pass-through p50 ${fmt(s.pass.first50)} ms  edge p50 ${fmt(s.edge.first50)} ms  added p50 ${fmt(s.edge.first50 - s.pass.first50)} ms  p99 ${fmt(s.edge.first99 - s.pass.first99)} ms`);
  console.log(`      of which the edge waited for ${s.edge.held - s.pass.held} more origin tokens (the redactor's two-word lag: ~${((s.edge.held - s.pass.held) * STREAM_PAUSE_MS).toFixed(0)} ms at this token rate)`);
  console.log(`    forwarding delay/event  pass-through p50 ${fmt(s.pass.delay50)} ms  p99 ${fmt(s.pass.delay99)} ms  edge p50 ${fmt(s.edge.delay50)} ms  p99 ${fmt(s.edge.delay99)} ms  added p50 ${fmt(s.edge.delay50 - s.pass.delay50)} ms  p99 ${fmt(s.edge.delay99 - s.pass.delay99)} ms (goal <= 1 ms)`);

  let raw = 0;
  let gz = 0;
  for (const file of ['index.js', 'index_bg.wasm']) {
    const bytes = readFileSync(join(BUILD, file));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  console.log(`  bundle (index.js + index_bg.wasm): ${raw} B raw, ${gz} B gzip -9 (${(gz / 1024 / 1024).toFixed(2)} MiB; goal <= 1 MB)`);
} finally {
  await Promise.all([pass.dispose(), edge.dispose(), other?.dispose()]);
  await Promise.all([origin.close(), streamOrigin.close(), new Promise((resolve) => jwks.server.close(resolve))]);
}
