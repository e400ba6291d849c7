// Append-only record of who did what to which token. Never holds token text.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from './schema';

export interface AuditEvent {
  id: string;
  at: number;
  actorAccountId: string;
  action: string;
  tokenId: string | null;
  subjectAccountId: string | null;
  detail: Record<string, unknown>;
}

const auditRowSchema = z.object({
  id: z.string(),
  at: z.coerce.number(),
  actor_account_id: z.string(),
  action: z.string(),
  token_id: z.string().nullable(),
  subject_account_id: z.string().nullable(),
  detail: z.string(),
});

export interface AuditRepository {
  append(event: Omit<AuditEvent, 'id'>): Promise<void>;
  listForToken(tokenId: string): Promise<AuditEvent[]>;
}

export function createAuditRepository(db: Db): AuditRepository {
  return {
    async append(event) {
      await db
        .insertInto('audit_events')
        .values({
          id: randomUUID(),
          at: event.at,
          actor_account_id: event.actorAccountId,
          action: event.action,
          token_id: event.tokenId,
          subject_account_id: event.subjectAccountId,
          detail: JSON.stringify(event.detail),
        })
        .execute();
    },
    async listForToken(tokenId) {
      const rows = await db.selectFrom('audit_events').selectAll().where('token_id', '=', tokenId).orderBy('at').orderBy('id').execute();
      return rows.map((raw) => {
        const row = auditRowSchema.parse(raw);
        return {
          id: row.id,
          at: row.at,
          actorAccountId: row.actor_account_id,
          action: row.action,
          tokenId: row.token_id,
          subjectAccountId: row.subject_account_id,
          detail: z.record(z.string(), z.unknown()).parse(JSON.parse(row.detail)),
        };
      });
    },
  };
}
