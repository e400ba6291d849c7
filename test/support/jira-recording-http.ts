// A JiraHttp that records every exchange (path, bodies, status) for contract checks.
import type { JiraHttp } from '../../src/kernel/ports';
import type { Exchange } from './jira-openapi';

export function recordingHttp(inner: JiraHttp): JiraHttp & { exchanges: Exchange[] } {
  const exchanges: Exchange[] = [];
  return {
    exchanges,
    async fetch(path, init) {
      const response = await inner.fetch(path, init);
      const text = await response.text();
      const exchange: Exchange = { method: init?.method ?? 'GET', path: path.split('?')[0] ?? path, status: response.status };
      if (init?.body !== undefined) exchange.requestBody = JSON.parse(init.body);
      if (text !== '') exchange.responseBody = JSON.parse(text);
      exchanges.push(exchange);
      return { status: response.status, headers: response.headers, text: async () => text };
    },
  };
}
