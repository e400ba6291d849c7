// Runs Forge's own offline checks on manifest.yml: @forge/manifest's validate() (schema,
// handler files, resource paths) and @forge/lint's client-side linters on src/.
// `forge lint` itself needs a login; these are the checks it runs locally.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { validate } from '@forge/manifest';
import { getClientSideLintersOnly, lint, PermissionLinter } from '@forge/lint';

export interface ForgeCheckProblem {
  source: 'manifest' | 'lint';
  level: 'error' | 'warning';
  message: string;
}

function sourceFiles(root: string, dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(root, path);
    return /\.tsx?$/.test(name) ? [relative(root, path)] : [];
  });
}

// Feature gates are read through Statsig; offline, every gate is simply off.
const offlineStatsig = new Proxy({}, { get: () => async () => false }) as Parameters<typeof lint>[4];

export async function runForgeChecks(appDir: string): Promise<ForgeCheckProblem[]> {
  const previousDir = process.cwd();
  process.chdir(appDir); // both tools resolve paths against the app folder
  try {
    const validation = await validate(false, 'manifest.yml');
    const problems: ForgeCheckProblem[] = (validation.errors ?? []).map((error) => ({
      source: 'manifest',
      level: error.level === 'warning' ? 'warning' : 'error',
      message: `${error.message}${error.line ? ` (line ${error.line})` : ''}`,
    }));
    if (!validation.success && problems.length === 0) {
      problems.push({ source: 'manifest', level: 'error', message: 'validate() failed without a message' });
    }
    const manifest = validation.manifestObject?.typedContent;
    if (!manifest) return problems;
    const logger = { info: () => undefined };
    // PermissionLinter downloads Jira's OpenAPI spec at bootstrap: not possible offline.
    const linters = (await getClientSideLintersOnly(manifest, 'development', logger, offlineStatsig)).filter((linter) => !(linter instanceof PermissionLinter));
    const results = await lint(sourceFiles(appDir, join(appDir, 'src')), manifest, 'development', logger, offlineStatsig, {
      linter: { mode: 'client-side' },
      linters,
    });
    for (const result of results) {
      for (const error of result.errors) problems.push({ source: 'lint', level: 'error', message: `${result.file}:${error.line} ${error.message}` });
      for (const warning of result.warnings) problems.push({ source: 'lint', level: 'warning', message: `${result.file}:${warning.line} ${warning.message}` });
    }
    return problems;
  } finally {
    process.chdir(previousDir);
  }
}
