// Allow-list lines as the dialogs and the server read them, and matching an address.
import { readIpLine, readIpLines } from '../../../src/contract/ip-lines';
import { ipRangesOf } from '../../../src/tokens/ip-ranges';

describe('reading allow-list lines', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    [' 198.51.100.0/24 ', '198.51.100.0/24'],
    ['2001:DB8:0:0::1', '2001:db8::1'],
    ['2001:db8::/32', '2001:db8::/32'],
    ['0.0.0.0/0', '0.0.0.0/0'],
  ])('%s reads as %s', (line, canonical) => {
    expect(readIpLine(line)).toEqual({ ok: true, canonical });
  });

  it.each([
    '',
    'localhost',
    '203.0.113',
    '0x7f.0.0.1',
    '2130706433',
    '10.0.0.0/33',
    '10.0.0.0/-1',
    '10.0.0.0/8/8',
    '10.0.0.1/8',
    '2001:db8::1/32',
    '1.2.3.4/ 8',
  ])('%p is refused', (line) => {
    expect(readIpLine(line).ok).toBe(false);
  });

  it('numbers bad lines from 1, skips blank ones and drops duplicates', () => {
    expect(readIpLines(['10.0.0.0/8', '', 'x', '10.0.0.0/8'], 'allowedIps')).toEqual({
      canonical: ['10.0.0.0/8'],
      problems: [{ field: 'allowedIps', message: expect.stringMatching(/^line 3 'x' is not an IPv4 or IPv6 address/) }],
    });
  });
});

describe('matching an address', () => {
  const ranges = ipRangesOf(['198.51.100.0/24', '2001:db8::/32', '192.0.2.1']);

  it.each([
    ['198.51.100.200', true],
    ['198.51.101.1', false],
    ['192.0.2.1', true],
    ['192.0.2.2', false],
    ['2001:db8:ffff::1', true],
    ['2001:db9::1', false],
    // IPv4-mapped IPv6 is the IPv4 address (clientIp reads it so too).
    ['::ffff:198.51.100.7', true],
  ])('%s allowed: %s', (ip, allowed) => {
    expect(ranges.allows(ip)).toBe(allowed);
  });

  it('refuses an unknown address when there is a list, and allows anything without one', () => {
    expect(ranges.allows(null)).toBe(false);
    expect(ranges.allows('not an address')).toBe(false);
    expect(ipRangesOf([]).allows(null)).toBe(true);
  });

  it('parses a list once', () => {
    expect(ipRangesOf(['198.51.100.0/24', '2001:db8::/32', '192.0.2.1'])).toBe(ranges);
  });
});
