// Connection to the MariaDB server that `npm test` found or started (scripts/test.sh
// exports TEST_MYSQL_URL). Each suite gets a database of its own, dropped afterwards.
import { randomBytes } from 'node:crypto';
import { createConnection, createPool, type Pool } from 'mysql2/promise';

export function mariadbUrl(): string {
  const url = process.env.TEST_MYSQL_URL;
  if (!url) {
    throw new Error(
      'TEST_MYSQL_URL is not set: run the suites with `npm test` (it finds or starts MariaDB), ' + 'or set TEST_MYSQL_URL=mysql://root@127.0.0.1:3306/test',
    );
  }
  return url;
}

export interface ScratchDatabase {
  pool: Pool;
  name: string;
  drop(): Promise<void>;
}

export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const url = new URL(mariadbUrl());
  const name = `sc_test_${randomBytes(6).toString('hex')}`;
  const admin = await createConnection({ uri: url.toString() });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  await admin.end();
  url.pathname = `/${name}`;
  const pool = createPool({ uri: url.toString(), connectionLimit: 4 });
  return {
    pool,
    name,
    async drop() {
      await pool.end();
      const cleanup = await createConnection({ uri: mariadbUrl() });
      await cleanup.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await cleanup.end();
    },
  };
}
