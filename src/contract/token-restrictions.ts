// Per-token restrictions (IP allow-list, project scope) and the installation-wide IP
// allow-list: payload pieces and views. Lines are read by ip-lines.ts (no zod there, so
// the admin tab that reads them stays small).
import { z } from 'zod';

export const MAX_ALLOWED_IPS = 50;
export const MAX_PROJECT_KEYS = 50;
/** Longest line worth parsing: an IPv6 address with a /128 is 43 characters. */
const IP_LINE_MAX = 64;

export const allowedIpsField = z.array(z.string().max(IP_LINE_MAX, { message: `lines must be at most ${IP_LINE_MAX} characters` })).max(MAX_ALLOWED_IPS, {
  message: `at most ${MAX_ALLOWED_IPS} addresses or ranges`,
});
export const projectKeysField = z
  .array(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,49}$/, { message: 'must be Jira project keys such as OPS' }))
  .max(MAX_PROJECT_KEYS, { message: `at most ${MAX_PROJECT_KEYS} projects` });

export const updateIpAllowlistPayload = z.strictObject({ allowedIps: allowedIpsField });
export type UpdateIpAllowlistPayload = z.infer<typeof updateIpAllowlistPayload>;

export interface IpAllowlistView {
  /** Canonical addresses and CIDR ranges; empty: calls from every address are allowed. */
  allowedIps: string[];
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface ProjectView {
  key: string;
  name: string;
}
