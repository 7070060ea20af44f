// Runs a wasm32-wasip1 program (the core benchmark) under Node's WASI, passing arguments through.
// Usage: node tests/bench/wasi-run.mjs program.wasm [args...]
//
// Each WASI import is called through a plain JavaScript function. Called directly from wasm, Node's
// WASI functions take V8's "fast API call" path, and on Node 20 on x86-64 Linux that path corrupts
// the heap after many calls: the full benchmark (millions of `clock_time_get` calls) ended in a
// segfault (nodejs/node#53087, "wasi fast calls causes segfault on x86_64-linux"). Through a JS
// function every call takes the regular path; it adds well under a microsecond per clock read,
// which the benchmark's per-message timings (tens of microseconds) do not see.
import { readFile } from 'node:fs/promises';
import process from 'node:process';
import { WASI } from 'node:wasi';

const [program, ...args] = process.argv.slice(2);
if (!program) {
  console.error('usage: node wasi-run.mjs program.wasm [args...]');
  process.exit(2);
}
const wasi = new WASI({ version: 'preview1', args: [program, ...args], env: {}, returnOnExit: true });
const imports = wasi.getImportObject();
const direct = imports.wasi_snapshot_preview1;
imports.wasi_snapshot_preview1 = Object.fromEntries(
  Object.entries(direct).map(([name, call]) => [name, (...params) => call(...params)]),
);
const module = await WebAssembly.compile(await readFile(program));
const instance = await WebAssembly.instantiate(module, imports);
process.exitCode = wasi.start(instance);
