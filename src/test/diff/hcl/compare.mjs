// Usage: node compare.mjs hashicorp.jsonl polygraph.jsonl
// Agreement of the two parsers: both accept, both reject with polygraph's first error within one
// line of HashiCorp's, and every disagreement listed.
import { readFileSync } from 'node:fs';

const load = (path) => new Map(readFileSync(path, 'utf8').trim().split('\n')
  .map((l) => JSON.parse(l)).map((v) => [v.file, v]));
const [theirs, ours] = process.argv.slice(2).map(load);
const counts = { bothAccept: 0, bothRejectNear: 0, bothRejectFar: 0, onlyTheyAccept: 0, onlyWeAccept: 0 };
const disagreements = [];
for (const [file, h] of theirs) {
  const p = ours.get(file);
  if (!p) throw new Error(`polygraph has no verdict for ${file}`);
  if (h.ok && p.ok) counts.bothAccept++;
  else if (!h.ok && !p.ok && Math.abs(h.line - p.line) <= 1) counts.bothRejectNear++;
  else {
    const kind = !h.ok && !p.ok ? 'bothRejectFar' : h.ok ? 'onlyTheyAccept' : 'onlyWeAccept';
    counts[kind]++;
    disagreements.push(`${kind}: ${file}\n  hashicorp: ${h.ok ? 'ok' : h.line + ': ' + h.message.slice(0, 200)}` +
      `\n  polygraph: ${p.ok ? 'ok' : p.line + ': ' + p.message}`);
  }
}
const total = theirs.size;
const agree = counts.bothAccept + counts.bothRejectNear;
console.log(JSON.stringify(counts));
console.log(`agreement: ${agree}/${total} (${(100 * agree / total).toFixed(2)}%)`);
disagreements.forEach((d) => console.log(d));
