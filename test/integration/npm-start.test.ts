// `npm start` as a person runs it: a separate process on PORT with its own data folder,
// printing its URLs and demo users; a second host on another port runs beside the first.
// Then the proof over HTTP: a token created through POST /__forge/invoke works on
// the web trigger until it is deactivated, expired or deleted.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const appDir = join(__dirname, '..', '..');
const ALICE = '5b10a2844c20165700ede21g';

interface StartedHost {
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function npmStart(port: number, dataDir: string): Promise<StartedHost> {
  const child: ChildProcess = spawn('npm', ['start', '--silent', '--', '--data', dataDir], {
    cwd: appDir,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so stop() ends npm, tsx and node together
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`npm start did not come up:\n${output}`)), 45_000);
    const check = setInterval(() => {
      if (output.includes('Dave Departed')) {
        clearInterval(check);
        clearTimeout(deadline);
        resolve();
      }
    }, 100);
    child.once('exit', (code) => {
      clearInterval(check);
      clearTimeout(deadline);
      reject(new Error(`npm start exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        process.kill(-(child.pid ?? 0), 'SIGTERM');
      }),
  };
}

describe('npm start', () => {
  const dataDirs: string[] = [];
  const hosts: StartedHost[] = [];
  afterAll(async () => {
    await Promise.all(hosts.map((host) => host.stop()));
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('serves two hosts side by side, and the token lifecycle works over HTTP', async () => {
    const [firstPort, secondPort] = [await freePort(), await freePort()];
    for (const port of [firstPort, secondPort]) {
      const dir = mkdtempSync(join(tmpdir(), 'status-clock-start-'));
      dataDirs.push(dir);
      hosts.push(await npmStart(port, dir));
    }
    const [first, second] = hosts as [StartedHost, StartedHost];
    expect(first.output()).toContain(`Status Clock local host: ${first.url}/`);
    expect(first.output()).toMatch(/Alice Admin\s+5b10a2844c20165700ede21g\s+Jira admin/);
    expect(first.output()).toMatch(/Dave Departed\s+\S+\s+deactivated/);

    for (const host of hosts) {
      const users = (await (await fetch(`${host.url}/__forge/users`)).json()) as Array<Record<string, unknown>>;
      expect(users).toEqual(
        expect.arrayContaining([
          { accountId: ALICE, displayName: 'Alice Admin', isAdmin: true, active: true },
          expect.objectContaining({ displayName: 'Dave Departed', active: false, isAdmin: false }),
        ]),
      );
      expect(users.filter((user) => user.isAdmin === false && user.active === true).length).toBeGreaterThanOrEqual(2);
    }

    const invoke = async (host: StartedHost, functionKey: string, payload: unknown) => {
      const response = await fetch(`${host.url}/__forge/invoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ functionKey, payload, accountId: ALICE, moduleKey: 'status-clock-user-page' }),
      });
      const result = (await response.json()) as { ok: boolean; data: { token: string; tokenInfo: { id: string } } };
      expect(result.ok).toBe(true);
      return result.data;
    };
    const whoami = async (host: StartedHost, token: string) =>
      (await fetch(`${host.url}/webtrigger/rest-api/rest/whoami`, { headers: { authorization: `TISJWT ${token}` } })).status;

    const { token, tokenInfo } = await invoke(first, 'tokens/create', { expiresAt: '2099-12-31', notes: 'npm start' });
    expect(await whoami(first, token)).toBe(200);
    // Each host has its own data folder and signing key: a token is only valid where issued.
    expect(await whoami(second, token)).toBe(401);
    await invoke(first, 'tokens/update', { id: tokenInfo.id, active: false });
    expect(await whoami(first, token)).toBe(401);
    await invoke(first, 'tokens/update', { id: tokenInfo.id, active: true, expiresAt: '2020-01-01' });
    expect(await whoami(first, token)).toBe(401);
    await invoke(first, 'tokens/update', { id: tokenInfo.id, expiresAt: '2099-12-31' });
    expect(await whoami(first, token)).toBe(200);
    await invoke(first, 'tokens/delete', { id: tokenInfo.id });
    expect(await whoami(first, token)).toBe(401);
  }, 120_000);
});
