// Flags go through the bridge so Jira renders them in its own flag area, outside our
// iframe, exactly like flags raised by Jira itself (the local host draws look-alikes).
import { showFlag } from '@forge/bridge';
import { messageOf } from './resolver-client';

let flagCount = 0;

function nextId(): string {
  flagCount += 1;
  return `status-clock-${Date.now()}-${flagCount}`;
}

export function showErrorFlag(title: string, error: unknown): void {
  showFlag({ id: nextId(), title, description: messageOf(error), type: 'error', isAutoDismiss: false });
}

export function showSuccessFlag(title: string, description?: string): void {
  showFlag({ id: nextId(), title, ...(description ? { description } : {}), type: 'success', isAutoDismiss: true });
}
