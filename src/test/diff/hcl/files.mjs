// Lists the .tf files under a folder, sorted, as paths relative to it (shared by the scripts).
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

export function tfFiles(root) {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.endsWith('.tf')) out.push(relative(root, path));
    }
  };
  walk(root);
  return out.sort();
}
