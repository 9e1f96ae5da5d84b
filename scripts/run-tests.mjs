// Runs every test file with node:test. Node 20 does not expand globs, so the files are listed here:
// unit tests compiled from src/**/*.test.ts into dist/, end-to-end tests in test/**/*.test.mjs.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function find(dir, suffixes, out = []) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries.sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'node_modules' && name !== 'fixtures') find(p, suffixes, out);
    } else if (suffixes.some((s) => name.endsWith(s))) out.push(p);
  }
  return out;
}

const only = process.argv.slice(2);
let files = [...find('dist', ['.test.js']), ...find('test', ['.test.mjs'])];
if (only.length > 0) files = files.filter((f) => only.some((o) => f.includes(o)));
if (files.length === 0) {
  console.error('no test files found (did the build run?)');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
