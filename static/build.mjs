// Builds the Custom UI pages: one esbuild run per Forge resource (each resource is served
// from its own folder, so chunks cannot be shared across pages). Output: index.html plus
// hashed ES modules and one stylesheet, all referenced by relative URLs because Forge
// serves a resource under a path we do not control.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const staticDir = dirname(fileURLToPath(import.meta.url));
const repoDir = resolve(staticDir, '..');
// Jira supports current evergreen browsers only.
const browserTargets = ['chrome109', 'firefox115', 'safari16'];
const assetLoaders = { '.svg': 'dataurl', '.png': 'dataurl', '.woff2': 'dataurl' };
const pages = [
  { resourceKey: 'user-page', title: 'Status Clock' },
  { resourceKey: 'admin-page', title: 'Status Clock administration' },
];

// See static/src/shared/feature-gates-stub.ts: the Statsig client is replaced by defaults.
const featureGatesStub = {
  name: 'feature-gates-stub',
  setup(builder) {
    builder.onResolve({ filter: /^@atlaskit\/feature-gate-js-client(\/feature-gates)?$/ }, () => ({
      path: join(staticDir, 'src', 'shared', 'feature-gates-stub.ts'),
    }));
  },
};

/** Splits minified CSS into top-level statements (a rule or a whole @media block). */
function topLevelStatements(css) {
  const statements = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let index = 0; index < css.length; index += 1) {
    const char = css[index];
    if (quote) {
      if (char === '\\') index += 1;
      else if (char === quote) quote = '';
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === '{') depth += 1;
    else if (char === '}' || (char === ';' && depth === 0)) {
      if (char === '}') depth -= 1;
      if (depth === 0) {
        statements.push(css.slice(start, index + 1).trim());
        start = index + 1;
      }
    }
  }
  const rest = css.slice(start).trim();
  if (rest) statements.push(rest);
  return statements.filter(Boolean);
}

/**
 * Atlaskit ships @compiled atomic CSS as `*.compiled.css` imports. With code splitting
 * esbuild writes a CSS file per lazily loaded chunk, repeating shared rules, and never
 * loads those files. So every CSS source any chunk uses is bundled once, in first-use
 * order (main's first), into one stylesheet that index.html links, and repeated atomic
 * rules are dropped.
 */
async function mergedStylesheet(metafile, outputPaths) {
  const cssOutputs = outputPaths.filter((path) => path.endsWith('.css'));
  cssOutputs.sort((a, b) => Number(!basename(b).startsWith('main-')) - Number(!basename(a).startsWith('main-')) || a.localeCompare(b));
  const sources = [];
  for (const output of cssOutputs) {
    for (const input of Object.keys(metafile.outputs[output].inputs)) {
      const absolute = resolve(repoDir, input);
      if (!sources.includes(absolute)) sources.push(absolute);
    }
  }
  if (sources.length === 0) return '';
  const result = await build({
    stdin: { contents: sources.map((path) => `@import ${JSON.stringify(path)};`).join('\n'), loader: 'css', resolveDir: repoDir },
    bundle: true,
    minify: true,
    write: false,
    target: browserTargets,
    logLevel: 'warning',
    loader: assetLoaders,
    outdir: '/unused',
  });
  const css = result.outputFiles.find((file) => file.path.endsWith('.css'))?.text ?? '';
  return [...new Set(topLevelStatements(css))].join('\n');
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function listFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

async function buildPage({ resourceKey, title }) {
  const outdir = join(staticDir, 'dist', resourceKey);
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    entryPoints: { main: join(staticDir, 'src', resourceKey, 'main.tsx') },
    absWorkingDir: repoDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir,
    entryNames: '[name]-[hash]',
    chunkNames: 'chunks/[name]-[hash]',
    assetNames: 'assets/[name]-[hash]',
    minify: true,
    sourcemap: false,
    target: browserTargets,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: assetLoaders,
    plugins: [featureGatesStub],
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });

  const outputs = Object.keys(result.metafile.outputs);
  const css = await mergedStylesheet(result.metafile, outputs);
  for (const output of outputs.filter((path) => path.endsWith('.css'))) rmSync(resolve(repoDir, output));
  const cssName = `styles-${createHash('sha256').update(css).digest('hex').slice(0, 8)}.css`;
  if (css) writeFileSync(join(outdir, cssName), css);

  const mainOutput = outputs.find((path) => path.endsWith('.js') && basename(path).startsWith('main-'));
  const mainJs = mainOutput && resolve(repoDir, mainOutput);
  if (!mainJs) throw new Error(`no main bundle for ${resourceKey}`);
  // No inline script: Forge's Custom UI CSP forbids it (the local host adds its own).
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${css ? `<link rel="stylesheet" href="./${cssName}">\n` : ''}<script type="module" src="./${relative(outdir, mainJs)}"></script>
</head>
<body>
<div id="root"></div>
</body>
</html>
`;
  writeFileSync(join(outdir, 'index.html'), html);

  // What the browser fetches before first render: index.html, the stylesheet, main and
  // every chunk reachable from main through static imports. Lazy chunks load on demand.
  const initial = new Set([join(outdir, 'index.html'), join(outdir, cssName)]);
  const visit = (output) => {
    if (initial.has(resolve(repoDir, output))) return;
    initial.add(resolve(repoDir, output));
    for (const imported of result.metafile.outputs[output]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
    }
  };
  visit(mainOutput);
  return { resourceKey, outdir, initial };
}

function formatKb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** Per page, gzipped html + css + main + the chunks main imports statically. */
const FIRST_LOAD_TARGET_BYTES = 300 * 1024;
const summary = [];
for (const page of pages) {
  const { resourceKey, outdir, initial: initialFiles } = await buildPage(page);
  const files = listFiles(outdir).sort();
  let total = 0;
  let totalGzip = 0;
  let initial = 0;
  let initialGzip = 0;
  console.log(`static/dist/${resourceKey}/`);
  for (const file of files) {
    const content = readFileSync(file);
    const gz = gzipSync(content).length;
    total += content.length;
    totalGzip += gz;
    const name = relative(outdir, file);
    if (initialFiles.has(file)) {
      initial += content.length;
      initialGzip += gz;
    }
    console.log(`  ${name.padEnd(60)} ${formatKb(content.length).padStart(10)} ${formatKb(gz).padStart(10)} gzip`);
  }
  console.log(`  ${'initial load'.padEnd(60)} ${formatKb(initial).padStart(10)} ${formatKb(initialGzip).padStart(10)} gzip`);
  console.log(`  ${'all files'.padEnd(60)} ${formatKb(total).padStart(10)} ${formatKb(totalGzip).padStart(10)} gzip`);
  summary.push({ resourceKey, initialGzip, initial });
}

// The figure the README reports: what a page downloads before it can show anything.
console.log('\nfirst load per page, gzipped (target < 300 KB):');
for (const { resourceKey, initialGzip, initial } of summary) {
  const verdict = initialGzip < FIRST_LOAD_TARGET_BYTES ? 'within target' : 'OVER TARGET';
  console.log(`  ${resourceKey.padEnd(12)} ${formatKb(initialGzip).padStart(10)} gzip (${formatKb(initial)} minified)  ${verdict}`);
}
