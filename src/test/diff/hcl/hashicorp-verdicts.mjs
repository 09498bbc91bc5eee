// Usage: node hashicorp-verdicts.mjs <dir> > hashicorp.jsonl
// Parses every .tf file under <dir> with HashiCorp's HCL parser (Go, compiled to WebAssembly in
// @cdktf/hcl2json) and prints one JSON line per file: {file, ok, line, message}, line being the
// first error's line. Then times a second, warm pass over all files and prints it to stderr.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { tfFiles } from './files.mjs';

const root = process.argv[2];
const files = tfFiles(root).map((file) => ({ file, text: readFileSync(join(root, file), 'utf8') }));

async function verdict(file, text) {
  try {
    await parse(file, text);
    return { file, ok: true };
  } catch (e) {
    const message = String(e?.message ?? e);
    // "parse config: [main.tf:3,7-8: Summary; detail ...]": the first position is the first error.
    const at = message.match(/:(\d+),(\d+)-/);
    return { file, ok: false, line: at ? Number(at[1]) : 0, message };
  }
}

for (const { file, text } of files) {
  console.log(JSON.stringify(await verdict(file, text)));
}
const bytes = files.reduce((sum, f) => sum + Buffer.byteLength(f.text), 0);
const start = process.hrtime.bigint();
for (const { file, text } of files) await verdict(file, text);
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.error(`hcl2json: ${files.length} files, ${(files.length / seconds).toFixed(0)} files/s, ` +
  `${(bytes / 1e6 / seconds).toFixed(2)} MB/s (warm pass)`);
