// Starts a page: CSS reset, Jira's theme and locale from the bridge context, then the React tree.
import '@atlaskit/css-reset';
import { view } from '@forge/bridge';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { setPageLocale } from './locale';
import { applyJiraTheme } from './theme';

export async function startPage(page: ReactNode): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  try {
    const context = await view.getContext();
    setPageLocale((context as { locale?: unknown }).locale);
    await applyJiraTheme(context);
  } catch {
    // A missing theme must not block the page: tokens fall back to the light theme.
    await applyJiraTheme(undefined).catch(() => undefined);
  }
  createRoot(container).render(<StrictMode>{page}</StrictMode>);
}
