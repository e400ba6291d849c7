// The local host's SecretStore: one JSON file in the data folder, readable by its owner
// only. Forge keeps these in @forge/kvs secret storage instead.
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import type { SecretStore } from '../../src/kernel/ports';

const secretsFile = z.record(z.string(), z.string());

export function createFileSecrets(file: string): SecretStore {
  const read = (): Record<string, string> => (existsSync(file) ? secretsFile.parse(JSON.parse(readFileSync(file, 'utf8'))) : {});
  return {
    async get(key) {
      return read()[key];
    },
    async set(key, value) {
      const next = { ...read(), [key]: value };
      const temporary = `${file}.tmp`;
      writeFileSync(temporary, JSON.stringify(next, null, 2), { mode: 0o600 });
      chmodSync(temporary, 0o600);
      renameSync(temporary, file); // never leave a half-written secrets file
    },
  };
}
