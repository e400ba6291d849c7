// Matching a caller's address against allow-list lines. Lines are canonical already (the
// token service and the installation list store them so), and each distinct list is parsed
// once and kept, so a warm verification costs one address parse and a few bit compares.
import ipaddr from 'ipaddr.js';

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

export interface IpRanges {
  /** True when the list is empty (no rule) or the address lies in one of its ranges. */
  allows(ip: string | null): boolean;
}

const ANY: IpRanges = { allows: () => true };
/** Distinct lists kept parsed; a site has few, and the oldest goes first past this. */
const CACHE_MAX = 1000;
const cache = new Map<string, IpRanges>();

function rangeOf(line: string): Range | undefined {
  try {
    if (line.includes('/')) return ipaddr.parseCIDR(line);
    const address = ipaddr.parse(line);
    return [address, address.kind() === 'ipv4' ? 32 : 128];
  } catch {
    // A stored line that no longer parses matches nothing: refusing is the safe side.
    return undefined;
  }
}

function compile(lines: readonly string[]): IpRanges {
  const ranges = lines.map(rangeOf).filter((range): range is Range => range !== undefined);
  return {
    allows(ip) {
      if (ip === null || !ipaddr.isValid(ip)) return false;
      const address = ipaddr.process(ip);
      return ranges.some(([network, bits]) => network.kind() === address.kind() && address.match(network, bits));
    },
  };
}

/** The matcher of a list, parsed on first use and then served from the cache. */
export function ipRangesOf(lines: readonly string[]): IpRanges {
  if (lines.length === 0) return ANY;
  const key = lines.join('\n');
  let ranges = cache.get(key);
  if (ranges === undefined) {
    ranges = compile(lines);
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value ?? '');
    cache.set(key, ranges);
  }
  return ranges;
}
