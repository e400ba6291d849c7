// `npm start` runs this first, so a fresh clone serves working pages without a third
// command: the Custom UI bundles are built when static/dist is missing or older than any of
// their sources (static/src, src/contract, the build script, package-lock.json).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const staticDir = dirname(fileURLToPath(import.meta.url));
const repoDir = resolve(staticDir, '..');
const outputs = ['user-page', 'admin-page'].map((page) => join(staticDir, 'dist', page, 'index.html'));
const sources = [join(staticDir, 'src'), join(repoDir, 'src', 'contract'), join(staticDir, 'build.mjs'), join(repoDir, 'package-lock.json')];

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

const builtAt = outputs.every((file) => existsSync(file)) ? Math.min(...outputs.map((file) => statSync(file).mtimeMs)) : -1;
const changedAt = Math.max(...sources.filter((path) => existsSync(path)).map(newestMtime));
if (builtAt < changedAt) {
  console.log(builtAt < 0 ? 'Building the Custom UI bundles (static/dist is missing)...' : 'Rebuilding the Custom UI bundles (sources changed)...');
  const result = spawnSync(process.execPath, [join(staticDir, 'build.mjs')], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
