// Per-token restrictions (IP allow-list, project scope) and the installation-wide IP
// allow-list: payload pieces and the per-line check the server and the dialogs share, so a
// bad line is named the same way in the form and in the resolver's FieldError.
import ipaddr from 'ipaddr.js';
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

/** A line as the allow-list keeps it, or why it is not an address or range. */
export type IpLine = { ok: true; canonical: string } | { ok: false; problem: string };

/**
 * Reads one allow-list line: an IPv4 address (four decimal parts only: ipaddr.js would also
 * take `0x7f.1` or `2130706433`, which nobody means), an IPv6 address, or either with a
 * `/prefix`. A range with host bits set is refused rather than silently widened.
 */
export function readIpLine(line: string): IpLine {
  const text = line.trim();
  const [address = '', prefixText, extra] = text.split('/');
  const valid = ipaddr.IPv4.isValidFourPartDecimal(address) || ipaddr.IPv6.isValid(address);
  if (!valid || extra !== undefined)
    return { ok: false, problem: 'is not an IPv4 or IPv6 address or CIDR range (e.g. 203.0.113.7, 198.51.100.0/24, 2001:db8::/32)' };
  const parsed = ipaddr.parse(address);
  if (prefixText === undefined) return { ok: true, canonical: parsed.toString() };
  const bits = parsed.kind() === 'ipv4' ? 32 : 128;
  const prefix = /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= bits)) return { ok: false, problem: `has a prefix outside 0..${bits}` };
  const network = parsed.kind() === 'ipv4' ? ipaddr.IPv4.networkAddressFromCIDR(text) : ipaddr.IPv6.networkAddressFromCIDR(text);
  if (network.toString() !== parsed.toString()) return { ok: false, problem: `has host bits set; the range is ${network.toString()}/${prefix}` };
  return { ok: true, canonical: `${parsed.toString()}/${prefix}` };
}

/** Every line checked: the canonical list, and one problem per bad line (1-based). */
export function readIpLines(lines: readonly string[], field: string): { canonical: string[]; problems: Array<{ field: string; message: string }> } {
  const canonical: string[] = [];
  const problems: Array<{ field: string; message: string }> = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const read = readIpLine(line);
    if (read.ok) {
      if (!canonical.includes(read.canonical)) canonical.push(read.canonical);
    } else {
      problems.push({ field, message: `line ${index + 1} '${line.trim()}' ${read.problem}` });
    }
  });
  return { canonical, problems };
}
