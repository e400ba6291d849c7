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
const pages = [
  { resourceKey: 'user-page', title: 'Status Clock' },
  { resourceKey: 'admin-page', title: 'Status Clock administration' },
];

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
    absWorkingDir: resolve(staticDir, '..'),
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir,
    entryNames: '[name]-[hash]',
    chunkNames: 'chunks/[name]-[hash]',
    assetNames: 'assets/[name]-[hash]',
    minify: true,
    sourcemap: false,
    // Jira supports current evergreen browsers only.
    target: ['chrome109', 'firefox115', 'safari16'],
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.svg': 'file', '.png': 'file', '.woff2': 'file' },
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });

  // Atlaskit ships @compiled atomic CSS as `*.compiled.css` imports. esbuild writes one CSS
  // file per entry point and per lazily loaded chunk but never loads the chunk ones, so all
  // CSS outputs are merged (rules deduplicated, order kept) into one stylesheet that
  // index.html links: atomic rules are tiny and shared, so this costs little.
  const outputs = Object.keys(result.metafile.outputs).map((path) => resolve(path.startsWith('/') ? path : join(resolve(staticDir, '..'), path)));
  const cssFiles = outputs.filter((path) => path.endsWith('.css'));
  const entryCss = cssFiles.filter((path) => basename(path).startsWith('main-'));
  const orderedCss = [...entryCss, ...cssFiles.filter((path) => !entryCss.includes(path)).sort()];
  const seenRules = new Set();
  const mergedRules = [];
  for (const file of orderedCss) {
    for (const rule of readFileSync(file, 'utf8').split('\n')) {
      if (rule.trim() === '' || seenRules.has(rule)) continue;
      seenRules.add(rule);
      mergedRules.push(rule);
    }
    rmSync(file);
  }
  const css = mergedRules.join('\n');
  const cssName = `styles-${createHash('sha256').update(css).digest('hex').slice(0, 8)}.css`;
  if (css) writeFileSync(join(outdir, cssName), css);

  const mainJs = outputs.find((path) => path.endsWith('.js') && basename(path).startsWith('main-'));
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
  const visit = (path) => {
    if (initial.has(path)) return;
    initial.add(path);
    const key = Object.keys(result.metafile.outputs).find((candidate) => resolve(resolve(staticDir, '..'), candidate) === path);
    for (const imported of result.metafile.outputs[key]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) visit(resolve(resolve(staticDir, '..'), imported.path));
    }
  };
  visit(mainJs);
  return { resourceKey, outdir, initial };
}

function formatKb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

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
}
