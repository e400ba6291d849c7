// The router's path matching: literal segments case-insensitively, {placeholders} decoded,
// literal patterns ahead of placeholder ones, and one entry per route in ROUTE_PATTERNS.
import { aggregationRoute } from '../../../src/rest/routes/aggregation-route';
import { findRoute, matchPattern, ROUTE_PATTERNS } from '../../../src/rest/router';
import { calendarRoutes } from '../../../src/rest/routes/calendar-routes';
import { exportRoutes } from '../../../src/rest/routes/export-routes';
import { openApiRoute } from '../../../src/rest/routes/openapi-route';
import { smallExportRoute } from '../../../src/rest/routes/small-export-route';
import { reportRoutes } from '../../../src/rest/routes/report-routes';
import { tokenRotateRoute } from '../../../src/rest/routes/token-routes';
import { whoamiRoute } from '../../../src/rest/routes/whoami-route';

const EXPORT_ID = '0b7e9f8c-3f7a-4c2e-9d1a-5e6f7a8b9c0d';

/** The pattern findRoute chose for `path`, and the values it read from it. */
function routed(path: string): { pattern: string; pathParams: Record<string, string> } | undefined {
  const found = findRoute(path);
  return found && { pattern: found.route.pattern, pathParams: found.pathParams };
}

describe('matchPattern', () => {
  it('matches a literal pattern with no values', () => {
    expect(matchPattern('/rest/whoami', '/rest/whoami')).toEqual({});
  });

  it('matches literal segments case-insensitively', () => {
    expect(matchPattern('/rest/issue/expanded', '/REST/Issue/EXPANDED')).toEqual({});
    expect(matchPattern('/openapi.json', '/OpenAPI.JSON')).toEqual({});
  });

  it('reads every {placeholder} and keeps its case', () => {
    expect(matchPattern('/rest/export/{id}/download', `/rest/export/ABC-${EXPORT_ID}/download`)).toEqual({ id: `ABC-${EXPORT_ID}` });
    expect(matchPattern('/a/{first}/b/{second}', '/A/x/B/y')).toEqual({ first: 'x', second: 'y' });
  });

  it('decodes percent-encoded placeholder values, including an encoded slash', () => {
    expect(matchPattern('/rest/calendar/{id}', '/rest/calendar/Office%20hours')).toEqual({ id: 'Office hours' });
    expect(matchPattern('/rest/calendar/{id}', '/rest/calendar/a%2Fb')).toEqual({ id: 'a/b' });
    expect(matchPattern('/rest/calendar/{id}', '/rest/calendar/%C3%A9t%C3%A9')).toEqual({ id: 'été' });
  });

  it.each(['%', '%E0%A4%A', '%zz', 'abc%', '%C3'])('does not match a malformed %%-sequence (%s)', (segment) => {
    expect(matchPattern('/rest/calendar/{id}', `/rest/calendar/${segment}`)).toBeUndefined();
  });

  it('does not match an empty placeholder segment', () => {
    expect(matchPattern('/rest/calendar/{id}', '/rest/calendar/')).toBeUndefined();
    expect(matchPattern('/rest/export/{id}/download', '/rest/export//download')).toBeUndefined();
  });

  it('does not match a different number of segments or a different literal', () => {
    expect(matchPattern('/rest/export/{id}', `/rest/export/${EXPORT_ID}/download`)).toBeUndefined();
    expect(matchPattern('/rest/export/{id}/download', `/rest/export/${EXPORT_ID}`)).toBeUndefined();
    expect(matchPattern('/rest/list', '/rest/list2')).toBeUndefined();
    expect(matchPattern('/rest/list', '/rest//list')).toBeUndefined();
    // matchPattern compares the path as given; findRoute normalises trailing slashes first.
    expect(matchPattern('/rest/list', '/rest/list/')).toBeUndefined();
  });
});

describe('findRoute', () => {
  it.each([
    ['/openapi.json', '/openapi.json', {}],
    ['/rest/whoami', '/rest/whoami', {}],
    ['/rest/list', '/rest/list', {}],
    ['/rest/list2', '/rest/list2', {}],
    ['/rest/issue', '/rest/issue', {}],
    ['/rest/issue/expanded', '/rest/issue/expanded', {}],
    ['/rest/calendar', '/rest/calendar', {}],
    ['/rest/calendar/normalHours', '/rest/calendar/{id}', { id: 'normalHours' }],
    ['/rest/export', '/rest/export', {}],
    [`/rest/export/${EXPORT_ID}`, '/rest/export/{id}', { id: EXPORT_ID }],
    [`/rest/export/${EXPORT_ID}/download`, '/rest/export/{id}/download', { id: EXPORT_ID }],
  ])('routes %s to %s', (path, pattern, pathParams) => {
    expect(routed(path)).toEqual({ pattern, pathParams });
  });

  it('routes /rest/issue/expanded to its own route, and an id-like word only where a placeholder stands', () => {
    expect(routed('/rest/issue/expanded')).toEqual({ pattern: '/rest/issue/expanded', pathParams: {} });
    expect(routed('/rest/export/expanded')).toEqual({ pattern: '/rest/export/{id}', pathParams: { id: 'expanded' } });
    expect(routed('/rest/issue/SC-1')).toBeUndefined();
  });

  it('matches literal segments case-insensitively', () => {
    expect(routed('/REST/LIST')?.pattern).toBe('/rest/list');
    expect(routed(`/Rest/Export/${EXPORT_ID}/Download`)).toEqual({ pattern: '/rest/export/{id}/download', pathParams: { id: EXPORT_ID } });
  });

  it('ignores trailing slashes and a missing leading slash', () => {
    expect(routed('/rest/whoami/')?.pattern).toBe('/rest/whoami');
    expect(routed('/rest/whoami///')?.pattern).toBe('/rest/whoami');
    expect(routed('rest/whoami')?.pattern).toBe('/rest/whoami');
    expect(routed(`/rest/export/${EXPORT_ID}/`)).toEqual({ pattern: '/rest/export/{id}', pathParams: { id: EXPORT_ID } });
  });

  it('decodes a percent-encoded path value', () => {
    expect(routed('/rest/calendar/Office%20hours%2F2024')).toEqual({ pattern: '/rest/calendar/{id}', pathParams: { id: 'Office hours/2024' } });
  });

  it('finds nothing for a malformed %-sequence or an empty segment', () => {
    expect(findRoute('/rest/calendar/%E0%A4%A')).toBeUndefined();
    expect(findRoute('/rest/export//download')).toBeUndefined();
    expect(findRoute('/rest//whoami')).toBeUndefined();
  });

  it.each(['/', '', '/rest', '/rest/unknown', '/rest/list/extra', '/rest/export/a/b/c', '/api/rest/list', '/openapi.yaml'])('finds nothing for %j', (path) => {
    expect(findRoute(path)).toBeUndefined();
  });

  it('finds, for a path built from each pattern, exactly that pattern', () => {
    for (const pattern of ROUTE_PATTERNS) {
      const path = pattern.replace(/\{[^}]+\}/g, 'some-value');
      expect(routed(path)?.pattern).toBe(pattern);
    }
  });

  it('puts a literal pattern ahead of a placeholder one even when the route list has them the other way round', () => {
    // No two of today's patterns overlap, so the rule is shown with a route list that has
    // a placeholder route listed before a literal one it overlaps.
    jest.isolateModules(() => {
      jest.doMock('../../../src/rest/routes/export-routes', () => ({
        exportRoutes: [
          { pattern: '/rest/export/{id}', methods: ['GET'], handle: jest.fn() },
          { pattern: '/rest/export/summary', methods: ['GET'], handle: jest.fn() },
        ],
      }));
      const isolated = jest.requireActual<typeof import('../../../src/rest/router')>('../../../src/rest/router');
      expect(isolated.findRoute('/rest/export/summary')).toEqual({ route: expect.objectContaining({ pattern: '/rest/export/summary' }), pathParams: {} });
      expect(isolated.findRoute('/rest/export/SUMMARY')?.route.pattern).toBe('/rest/export/summary');
      expect(isolated.findRoute(`/rest/export/${EXPORT_ID}`)).toEqual({
        route: expect.objectContaining({ pattern: '/rest/export/{id}' }),
        pathParams: { id: EXPORT_ID },
      });
      // The declared order is kept for ROUTE_PATTERNS; only matching puts literals first.
      expect(isolated.ROUTE_PATTERNS.slice(-2)).toEqual(['/rest/export/{id}', '/rest/export/summary']);
    });
    jest.dontMock('../../../src/rest/routes/export-routes');
  });
});

describe('ROUTE_PATTERNS', () => {
  it('lists every route of every route module once', () => {
    const declared = [openApiRoute, whoamiRoute, tokenRotateRoute, ...reportRoutes, aggregationRoute, smallExportRoute, ...calendarRoutes, ...exportRoutes].map(
      (route) => route.pattern,
    );
    expect([...ROUTE_PATTERNS].sort()).toEqual([...declared].sort());
    expect(new Set(ROUTE_PATTERNS.map((pattern) => pattern.toLowerCase())).size).toBe(ROUTE_PATTERNS.length);
  });

  it('is the public surface documented in docs/rest-api.md', () => {
    expect([...ROUTE_PATTERNS].sort()).toEqual(
      [
        '/openapi.json',
        '/rest/whoami',
        '/rest/token/rotate',
        '/rest/list',
        '/rest/list2',
        '/rest/issue',
        '/rest/issue/expanded',
        '/rest/issues',
        '/rest/issues/v2',
        '/rest/aggregation',
        '/rest/smallexport',
        '/rest/calendar',
        '/rest/calendar/search',
        '/rest/calendar/{id}',
        '/rest/export',
        '/rest/export/{id}',
        '/rest/export/{id}/download',
      ].sort(),
    );
  });
});
