// Usage: node mutate.mjs <validDir> <hashicorp.jsonl of validDir> <outDir> <count> [seed]
// Writes <count> one-character mutants of files HashiCorp's parser accepts: each deletes, inserts
// or replaces one character at a random position. A fixed seed makes the set reproducible.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [validDir, verdictsFile, outDir, countArg, seedArg] = process.argv.slice(2);
const count = Number(countArg);
let seed = Number(seedArg ?? 42) >>> 0;
// mulberry32: small, seeded, good enough to spread mutations.
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (items) => items[Math.floor(random() * items.length)];
// Characters that matter to HCL's syntax, plus a letter and a space.
const alphabet = ['{', '}', '[', ']', '(', ')', '"', '=', ',', '.', ':', '?', '$', '%', '~', '#', '/', '*',
  '<', '\n', ' ', 'a', '1', '-', '!', '\\'];

const valid = readFileSync(verdictsFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l))
  .filter((v) => v.ok).map((v) => v.file);
mkdirSync(outDir, { recursive: true });
for (let i = 0; i < count; i++) {
  const file = pick(valid);
  const text = readFileSync(join(validDir, file), 'utf8');
  const at = Math.floor(random() * Math.max(text.length, 1));
  const kind = pick(['delete', 'insert', 'replace']);
  const c = pick(alphabet);
  const mutant = kind === 'delete' ? text.slice(0, at) + text.slice(at + 1)
    : kind === 'insert' ? text.slice(0, at) + c + text.slice(at)
    : text.slice(0, at) + c + text.slice(at + 1);
  const name = `m${String(i).padStart(4, '0')}-${kind}-${file.replace(/[\/\\ ]/g, '_')}`;
  writeFileSync(join(outDir, name), mutant);
}
