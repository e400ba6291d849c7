// Installation-wide settings as JSON values under named keys; each key has its own
// schema so a value read back is checked, not trusted.
import { MysqlAdapter } from 'kysely';
import { z } from 'zod';
import type { Db } from './schema';

export interface SettingEntry<T> {
  value: T;
  updatedAt: number;
  updatedBy: string;
}

export interface SettingsRepository {
  get<T>(key: string, schema: z.ZodType<T>): Promise<T | undefined>;
  /** The value with when and by whom it was last written. */
  getEntry<T>(key: string, schema: z.ZodType<T>): Promise<SettingEntry<T> | undefined>;
  /** Insert or replace in one statement (Forge SQL has no cross-statement transaction). */
  put(key: string, value: unknown, now: number, actorAccountId: string): Promise<void>;
}

export function createSettingsRepository(db: Db): SettingsRepository {
  return {
    async get(key, schema) {
      const row = await db.selectFrom('settings').select('value').where('setting_key', '=', key).executeTakeFirst();
      return row === undefined ? undefined : schema.parse(JSON.parse(row.value));
    },
    async getEntry(key, schema) {
      const row = await db.selectFrom('settings').selectAll().where('setting_key', '=', key).executeTakeFirst();
      if (row === undefined) return undefined;
      return { value: schema.parse(JSON.parse(row.value)), updatedAt: z.coerce.number().parse(row.updated_at), updatedBy: row.updated_by };
    },
    async put(key, value, now, actorAccountId) {
      const values = { setting_key: key, value: JSON.stringify(value), updated_at: now, updated_by: actorAccountId };
      const update = { value: values.value, updated_at: now, updated_by: actorAccountId };
      // Upsert spelled per dialect family: MySQL's ON DUPLICATE KEY vs SQLite's ON CONFLICT.
      const isMysql = db.getExecutor().adapter instanceof MysqlAdapter;
      const insert = db.insertInto('settings').values(values);
      await (isMysql ? insert.onDuplicateKeyUpdate(update) : insert.onConflict((oc) => oc.column('setting_key').doUpdateSet(update))).execute();
    },
  };
}
