// Reading IP allow-list lines, shared by the server and the pages so a bad line is named
// the same way in a form and in the resolver's FieldError.
import ipaddr from 'ipaddr.js';

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
