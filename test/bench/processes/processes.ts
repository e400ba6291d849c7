// Child processes for the benches: the Jira emulator and the local host each in a process
// of their own (run through tsx like `npm start`), talking to the bench over IPC.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FaultOptions } from '../../../dev/jira-emulator/faults';
import type { generateDataset } from '../../../dev/jira-emulator';

interface Reply {
  type: string;
  [key: string]: unknown;
}

function start(file: string, env: Record<string, string>): ChildProcess {
  // STATUS_CLOCK_CPU_PROFILE=DIR writes a V8 CPU profile of each child there (node --cpu-prof).
  const profile = process.env.STATUS_CLOCK_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.STATUS_CLOCK_CPU_PROFILE}`] : [];
  return fork(join(__dirname, file), [], {
    execArgv: ['--import', 'tsx', ...profile],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

function reply<T extends Reply>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: Reply): void => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message as T);
    };
    const onExit = (code: number | null): void => reject(new Error(`${type}: the child process exited (${code})`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.send({ type: 'stop' });
  });
}

export interface EmulatorProcess {
  url: string;
  projects: string[];
  setFaults(faults: FaultOptions): Promise<void>;
  counts(): Promise<{ total: number; byPath: Record<string, number> }>;
  close(): Promise<void>;
}

export async function startEmulatorProcess(dataset: Parameters<typeof generateDataset>[0]): Promise<EmulatorProcess> {
  const child = start('emulator-main.ts', { STATUS_CLOCK_DATASET: JSON.stringify(dataset) });
  const ready = await reply<Reply & { url: string; projects: string[] }>(child, 'ready');
  return {
    url: ready.url,
    projects: ready.projects,
    async setFaults(faults) {
      const done = reply(child, 'ok');
      child.send({ type: 'faults', faults });
      await done;
    },
    async counts() {
      const answer = reply<Reply & { total: number; byPath: Record<string, number> }>(child, 'counts');
      child.send({ type: 'counts' });
      const { total, byPath } = await answer;
      return { total, byPath };
    },
    close: () => stop(child),
  };
}

export interface HostMemory {
  peakHeapBytes: number;
  maxRssBytes: number;
  /** CPU time the process used so far (user + system). */
  cpuMs: number;
}

export interface HostProcess {
  url: string;
  pid: number;
  startup: HostMemory;
  memory(): Promise<HostMemory>;
  /** What the host stored for an export job. */
  exportStats(id: string): Promise<{ invocations: number; chunks: number; storedBytes: number }>;
  /** A token for the account (created through the user page's resolver). */
  token(accountId: string): Promise<string>;
  close(): Promise<void>;
}

export async function startHostProcess(jiraUrl: string, options: { exportSettings?: object } = {}): Promise<HostProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'status-clock-bench-'));
  const env: Record<string, string> = { STATUS_CLOCK_JIRA: jiraUrl, STATUS_CLOCK_DATA: dataDir };
  if (options.exportSettings) env.STATUS_CLOCK_EXPORT = JSON.stringify(options.exportSettings);
  const child = start('host-main.ts', env);
  const ready = await reply<Reply & { url: string; startupPeakHeapBytes: number; startupRssBytes: number; startupCpuMs: number }>(child, 'ready');
  return {
    url: ready.url,
    pid: child.pid ?? 0,
    startup: { peakHeapBytes: ready.startupPeakHeapBytes, maxRssBytes: ready.startupRssBytes, cpuMs: ready.startupCpuMs },
    async memory() {
      const answer = reply<Reply & HostMemory>(child, 'memory');
      child.send({ type: 'memory' });
      const { peakHeapBytes, maxRssBytes, cpuMs } = await answer;
      return { peakHeapBytes, maxRssBytes, cpuMs };
    },
    async exportStats(id) {
      const answer = reply<Reply & { invocations: number; chunks: number; storedBytes: number }>(child, 'export');
      child.send({ type: 'export', id });
      const { invocations, chunks, storedBytes } = await answer;
      return { invocations, chunks, storedBytes };
    },
    async token(accountId) {
      const response = await fetch(`${ready.url}/__forge/invoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ functionKey: 'tokens/create', payload: { expiresAt: '2099-12-31' }, accountId, moduleKey: 'status-clock-user-page' }),
      });
      const created = (await response.json()) as { ok: boolean; data: { token: string } };
      if (!created.ok) throw new Error('token creation failed');
      return created.data.token;
    },
    async close() {
      await stop(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
