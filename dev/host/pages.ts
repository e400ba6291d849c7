// The local host's HTML: the start page (pick a demo user, open a page) and the Custom
// UI bundles, each served with the host bridge script injected before the bundle loads.
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { bridgeScript } from './bridge-script';
import type { PageModule } from './manifest-handlers';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface PageUser {
  accountId: string;
  displayName: string;
  isAdmin: boolean;
  active: boolean;
}

export function sendStaticFile(res: ServerResponse, page: PageModule, relativePath: string, accountId: string, restBaseUrl: string): void {
  const root = resolve(page.resourcePath);
  const file = normalize(join(root, relativePath || 'index.html'));
  if (file !== root && !file.startsWith(root + sep)) throw new HttpError(404, 'not found');
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new HttpError(404, existsSync(root) ? 'not found' : `${page.resourcePath} is missing: run npm run build`);
  }
  if (extname(file) === '.html') {
    const script = bridgeScript({ accountId, moduleKey: page.moduleKey, restBaseUrl });
    const html = readFileSync(file, 'utf8').replace(/<head>/i, `<head><script>${script}</script>`);
    res.writeHead(200, { 'content-type': contentTypes['.html'] ?? 'text/html' });
    res.end(html);
    return;
  }
  res.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
}

export function sendIndexPage(res: ServerResponse, users: readonly PageUser[], pages: readonly PageModule[], restBaseUrl: string): void {
  const rows = users
    .map((user) => {
      const links = pages
        .map(
          (page) =>
            `<a href="/static/${page.resourceKey}/index.html?accountId=${encodeURIComponent(user.accountId)}">${page.kind === 'jira:adminPage' ? 'Admin page' : 'User page'}</a>`,
        )
        .join(' · ');
      return `<li><strong>${escapeHtml(user.displayName)}</strong> ${user.isAdmin ? '(Jira admin)' : ''} ${user.active ? '' : '(deactivated)'} — ${links}</li>`;
    })
    .join('\n');
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Status Clock local host</title></head>
<body style="font:14px system-ui;margin:32px"><h1>Status Clock: local host</h1>
<p>Open a page as one of the demo users. REST API base URL: <code>${escapeHtml(restBaseUrl)}</code></p>
<ul>${rows}</ul></body></html>`);
}
