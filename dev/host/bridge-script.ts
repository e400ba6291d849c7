// The host script served before a Custom UI bundle: it defines globalThis.__bridge the
// way Jira's iframe host does, so the unchanged production bundle runs locally. Resolver
// calls go to POST /__forge/invoke and requestJira to POST /__forge/request-jira, both as
// the user the page was opened for.

export function bridgeScript(options: { accountId: string; moduleKey: string; restBaseUrl: string }): string {
  const config = JSON.stringify(options).replace(/</g, '\\u003c');
  return `(() => {
  const config = ${config};
  const flags = [];
  function showFlag(flag) {
    let area = document.getElementById('__host-flags');
    if (!area) {
      area = document.createElement('div');
      area.id = '__host-flags';
      area.setAttribute('role', 'status');
      area.style.cssText = 'position:fixed;bottom:16px;left:16px;z-index:9999;display:flex;flex-direction:column;gap:8px;max-width:420px';
      document.body.appendChild(area);
    }
    const box = document.createElement('div');
    box.dataset.flagId = String(flag.id);
    box.dataset.flagType = flag.type || 'info';
    box.style.cssText = 'padding:12px 16px;border-radius:4px;background:#fff;color:#172b4d;box-shadow:0 4px 8px rgba(9,30,66,.25);font:14px system-ui';
    box.textContent = [flag.title, flag.description].filter(Boolean).join(': ');
    area.appendChild(box);
    flags.push(box);
    setTimeout(() => box.remove(), 8000);
  }
  async function invoke({ functionKey, payload }) {
    const response = await fetch('/__forge/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ functionKey, payload: payload || {}, accountId: config.accountId, moduleKey: config.moduleKey }),
    });
    if (!response.ok) throw new Error('invoke failed with HTTP ' + response.status);
    return response.json();
  }
  // @forge/bridge requestJira: { product, restPath, fetchRequestInit: { method, headers: [[k, v]], body } }
  // answered with { status, statusText, headers, body }; Jira is asked as this page's user.
  async function fetchProduct({ product, restPath, fetchRequestInit }) {
    if (product !== 'jira') throw new Error('The local host only implements requestJira, not ' + product);
    const init = fetchRequestInit || {};
    const response = await fetch('/__forge/request-jira', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ accountId: config.accountId, path: restPath, method: init.method || 'GET', headers: Object.fromEntries(init.headers || []), body: init.body == null ? undefined : init.body }),
    });
    if (!response.ok) throw new Error('requestJira failed with HTTP ' + response.status);
    return response.json();
  }
  const commands = {
    invoke,
    fetchProduct,
    getContext: async () => ({
      accountId: config.accountId,
      cloudId: 'local',
      localId: config.moduleKey,
      moduleKey: config.moduleKey,
      locale: navigator.language || 'en-US',
      timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      siteUrl: location.origin,
      extension: { type: config.moduleKey.includes('admin') ? 'jira:adminPage' : 'jira:globalPage' },
      environmentType: 'DEVELOPMENT',
      theme: { colorMode: matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light' },
      localHost: { restBaseUrl: config.restBaseUrl },
    }),
    showFlag: async (flag) => showFlag(flag),
    closeFlag: async () => undefined,
    resize: async () => undefined,
    emitReadyEvent: async () => undefined,
    navigate: async ({ url }) => { if (url) location.href = url; },
    open: async ({ url }) => { if (url) window.open(url, '_blank', 'noopener'); },
    reload: async () => location.reload(),
    refresh: async () => undefined,
    setTitle: async ({ title }) => { if (title) document.title = title; },
    changeWindowTitle: async ({ title }) => { if (title) document.title = title; },
  };
  globalThis.__bridge = {
    callBridge: async (command, payload) => {
      const handler = commands[command];
      if (!handler) throw new Error('The local host does not implement the bridge command ' + command);
      return handler(payload || {});
    },
  };
})();`;
}
