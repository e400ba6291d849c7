import { clientIp } from '../../../src/rest/authentication';
import type { RestRequest } from '../../../src/rest/http';

const request = (forwarded?: string[]): RestRequest => ({
  method: 'GET',
  path: '/rest/whoami',
  headers: forwarded ? { 'x-forwarded-for': forwarded } : {},
  query: {},
  body: '',
});

describe('clientIp: the address the edge saw', () => {
  it('trusts only the last X-Forwarded-For entry, the one the edge appended', () => {
    expect(clientIp(request(['10.9.8.7, 203.0.113.9']))).toBe('203.0.113.9');
    expect(clientIp(request(['1.1.1.1', '198.51.100.4']))).toBe('198.51.100.4');
  });

  it('normalises IPv6 and reads IPv4-mapped IPv6 as IPv4', () => {
    expect(clientIp(request(['2001:DB8:0:0:0:0:0:1']))).toBe('2001:db8::1');
    expect(clientIp(request(['::ffff:127.0.0.1']))).toBe('127.0.0.1');
  });

  it('counts a missing or malformed entry as no address', () => {
    expect(clientIp(request())).toBeNull();
    expect(clientIp(request(['203.0.113.9, not-an-address']))).toBeNull();
    expect(clientIp(request(['eyJhbGciOiJIUzI1NiJ9.e30.x']))).toBeNull();
  });
});
