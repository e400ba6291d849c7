// The TISJWT parameter language: names folded case-insensitively, each value parsed by its
// own schema, selection inferred, and every problem reported at once naming its parameter.
import { FieldError, type FieldProblem } from '../../../src/kernel/errors';
import { COLUMNS_BY } from '../../../src/reporting/kinds';
import { canonicalParams, MAX_PAGE_SIZE, overlayParams, parseReportParams, type RawParams, type ReportParams } from '../../../src/reporting/report-params';

const DAY = 86_400_000;

/** Parses name/value pairs as the REST edge does: fold the names, then parse. */
function parse(pairs: ReadonlyArray<readonly [string, string]>): ReportParams {
  const { params, problems } = canonicalParams(pairs);
  return parseReportParams(params, problems);
}

/** The FieldError's problems, failing the test when nothing (or something else) was thrown. */
function problemsOf(pairs: ReadonlyArray<readonly [string, string]>): readonly FieldProblem[] {
  try {
    parse(pairs);
  } catch (error) {
    expect(error).toBeInstanceOf(FieldError);
    const fieldError = error as FieldError;
    expect(fieldError.code).toBe('INVALID_INPUT');
    return fieldError.problems;
  }
  throw new Error(`expected a FieldError for ${JSON.stringify(pairs)}`);
}

const fieldsOf = (pairs: ReadonlyArray<readonly [string, string]>): string[] => problemsOf(pairs).map((p) => p.field);

describe('canonicalParams', () => {
  it('folds names case-insensitively (and trims them) onto the canonical spelling', () => {
    const { params, problems } = canonicalParams([
      ['FILTERTYPE', 'project'],
      ['projectkey', 'SC'],
      [' columnsBy ', 'statusCount'],
      ['JqlFilterId', '10000'],
    ]);
    expect(problems).toEqual([]);
    expect(params).toEqual({ filterType: ['project'], projectKey: ['SC'], columnsBy: ['statusCount'], jqlFilterID: ['10000'] });
  });

  it('reports an unknown name once however often it is sent, and keeps the known ones', () => {
    const { params, problems } = canonicalParams([
      ['colour', 'red'],
      ['projectKey', 'SC'],
      ['colour', 'blue'],
      ['shape', 'round'],
    ]);
    expect(problems).toEqual([
      { field: 'colour', message: 'is not a parameter of this API' },
      { field: 'shape', message: 'is not a parameter of this API' },
    ]);
    expect(params).toEqual({ projectKey: ['SC'] });
  });

  it('refuses a single-valued parameter repeated with different values, under any spelling', () => {
    const { problems } = canonicalParams([
      ['outputType', 'csv'],
      ['OUTPUTTYPE', 'json'],
    ]);
    expect(problems).toEqual([{ field: 'outputType', message: 'was given more than once with different values' }]);
  });

  it('accepts a single-valued parameter repeated with the same value', () => {
    const { params, problems } = canonicalParams([
      ['outputType', 'csv'],
      ['outputtype', 'csv'],
    ]);
    expect(problems).toEqual([]);
    expect(params.outputType).toEqual(['csv', 'csv']);
  });

  it('keeps every value of a repeated list parameter, which parsing joins with its comma lists', () => {
    const pairs = [
      ['projectKey', 'SC'],
      ['statuses', '1, 3'],
      ['STATUSES', '4'],
      ['statuses', ' ,5,,'],
    ] as const;
    const { params, problems } = canonicalParams(pairs);
    expect(problems).toEqual([]);
    expect(params.statuses).toEqual(['1, 3', '4', ' ,5,,']);
    expect(parse(pairs).statuses).toEqual(['1', '3', '4', '5']);
  });

  it('leaves an empty list parameter as no filter at all', () => {
    expect(parse([['statuses', ' , ']]).statuses).toBeUndefined();
  });
});

describe('overlayParams', () => {
  it('lets an explicit parameter replace the saved one entirely and keeps the rest of the saved set', () => {
    const saved: RawParams = { projectKey: ['SC'], statuses: ['1', '3'], outputType: ['csv'] };
    const explicit: RawParams = { statuses: ['5'], viewFormat: ['hours'] };
    expect(overlayParams(saved, explicit)).toEqual({ projectKey: ['SC'], statuses: ['5'], outputType: ['csv'], viewFormat: ['hours'] });
  });

  it('changes neither input', () => {
    const saved: RawParams = { projectKey: ['SC'] };
    const explicit: RawParams = { projectKey: ['OPS'] };
    overlayParams(saved, explicit);
    expect(saved).toEqual({ projectKey: ['SC'] });
    expect(explicit).toEqual({ projectKey: ['OPS'] });
  });
});

describe('parseReportParams: defaults', () => {
  it('fills every default when only a selection is given', () => {
    expect(parse([['projectKey', 'SC']])).toEqual({
      selection: { kind: 'project', projectKey: 'SC' },
      columnsBy: 'statusDuration',
      statuses: undefined,
      groups: undefined,
      includeDeletedStatuses: false,
      excludeCurrentStatus: false,
      dateRange: undefined,
      trim: undefined,
      calendar: 'normalHours',
      dayLength: '24HourDays',
      viewFormat: 'minutes',
      outputType: 'json',
      multiVisitBehavior: 'total',
      pageSize: undefined,
      startIssueIndex: 0,
      nextPageToken: undefined,
      between: undefined,
      fields: [],
      groupByFields: [],
      aggregationType: undefined,
      timePeriod: 'month',
      historyFields: [],
      includeTransitionedByColumns: false,
    });
  });

  it('parses no parameters at all into no selection (the routes decide whether one is needed)', () => {
    expect(parse([]).selection).toBeUndefined();
  });
});

describe('parseReportParams: enums come back canonical', () => {
  it.each(COLUMNS_BY.filter((kind) => kind !== 'durationBetweenStatuses'))('columnsBy %s in upper case', (kind) => {
    // anyFieldDurationExpanded needs the fields whose history it reports.
    const needs: Array<[string, string]> = kind === 'anyFieldDurationExpanded' ? [['historyFields', 'priority']] : [];
    expect(parse([['columnsBy', kind.toUpperCase()], ...needs]).columnsBy).toBe(kind);
  });

  it('anyFieldDurationExpanded without historyFields, or with more than 8, is a 400 naming historyFields', () => {
    expect(() => parse([['columnsBy', 'anyFieldDurationExpanded']])).toThrow(/^historyFields: is required/);
    expect(() => parse([['historyFields', 'a,b,c,d,e,f,g,h,i']])).toThrow(/^historyFields: names more than 8 fields/);
  });

  it.each([
    ['outputType', ' JSONSIMPLIFIED ', 'outputType', 'jsonSimplified'],
    ['outputType', 'CSV', 'outputType', 'csv'],
    ['filterType', 'CustomJQL', 'selection', { kind: 'jql', jql: 'project = SC' }],
    ['dateRangeField', 'RESOLUTION', 'dateRange', { field: 'resolution', start: Date.UTC(2024, 0, 1), end: undefined }],
    ['dayLength', 'businessdays', 'dayLength', 'businessDays'],
    ['multiVisitBehavior', 'Average', 'multiVisitBehavior', 'average'],
  ] as const)('%s=%j', (name, value, field, expected) => {
    const parsed = parse([
      ['customjql', 'project = SC'],
      ['startDate', '2024-01-01'],
      [name, value],
    ]);
    expect(parsed[field]).toEqual(expected);
  });

  it.each([
    ['columnsBy', 'statusTime'],
    ['outputType', 'xml'],
    ['filterType', 'board'],
    ['dateRangeField', 'due'],
    ['dayLength', '8HourDays'],
    ['multiVisitBehavior', 'median'],
    ['fromEntry', 'middle'],
    ['toEntry', 'created'],
  ])('refuses %s=%s, listing the allowed values', (name, value) => {
    const problems = problemsOf([
      ['projectKey', 'SC'],
      [name, value],
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.field).toBe(name);
    expect(problems[0]?.message).toContain(`'${value}' is not one of`);
  });
});

describe('parseReportParams: booleans', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['1', true],
    ['yes', true],
    ['false', false],
    ['False', false],
    ['0', false],
    ['no', false],
    ['', false],
  ])('includeDeletedStatuses=%j is %s', (text, expected) => {
    expect(parse([['includeDeletedStatuses', text]]).includeDeletedStatuses).toBe(expected);
    expect(parse([['excludeCurrentStatus', text]]).excludeCurrentStatus).toBe(expected);
  });

  it('refuses anything else, naming the parameter', () => {
    expect(problemsOf([['excludeCurrentStatus', 'maybe']])).toEqual([{ field: 'excludeCurrentStatus', message: "'maybe' is not true or false" }]);
  });
});

describe('parseReportParams: integers with ranges', () => {
  it.each([
    ['pageSize', '1', 1],
    ['pageSize', String(MAX_PAGE_SIZE), MAX_PAGE_SIZE],
    ['pageSize', ' 25 ', 25],
    ['startIssueIndex', '0', 0],
    ['startIssueIndex', '10000000', 10_000_000],
  ] as const)('%s=%j is %d', (name, text, expected) => {
    expect(parse([[name, text]])[name]).toBe(expected);
  });

  it.each([
    ['pageSize', '0', 'from 1 to 1000'],
    ['pageSize', String(MAX_PAGE_SIZE + 1), 'from 1 to 1000'],
    ['pageSize', '-5', 'from 1 to 1000'],
    ['pageSize', '2.5', 'from 1 to 1000'],
    ['pageSize', '1e2', 'from 1 to 1000'],
    ['pageSize', 'ten', 'from 1 to 1000'],
    ['startIssueIndex', '10000001', 'from 0 to 10000000'],
    ['startIssueIndex', '99999999999999999999', 'from 0 to 10000000'],
  ])('refuses %s=%s', (name, text, range) => {
    expect(problemsOf([[name, text]])).toEqual([{ field: name, message: `'${text}' is not a whole number ${range}` }]);
  });
});

describe('parseReportParams: dates', () => {
  it('reads yyyy-MM-dd as a whole UTC day: the start at midnight, an end date covering the day', () => {
    const { dateRange } = parse([
      ['startDate', '2024-02-28'],
      ['endDate', '2024-02-29'],
    ]);
    expect(dateRange).toEqual({ field: 'created', start: Date.UTC(2024, 1, 28), end: Date.UTC(2024, 2, 1) });
  });

  it('reads yyyy-MM-dd HH:mm (and the T separator, and seconds) as that instant in UTC', () => {
    expect(parse([['startDate', '2024-03-05 14:30']]).dateRange?.start).toBe(Date.UTC(2024, 2, 5, 14, 30));
    expect(parse([['endDate', '2024-03-05 14:30']]).dateRange?.end).toBe(Date.UTC(2024, 2, 5, 14, 30));
    expect(parse([['endDate', '2024-03-05T14:30:15']]).dateRange?.end).toBe(Date.UTC(2024, 2, 5, 14, 30, 15));
  });

  it('gives a range with only one end, on the field asked for', () => {
    expect(parse([['endDate', '2024-01-31']]).dateRange).toEqual({ field: 'created', start: undefined, end: Date.UTC(2024, 1, 1) });
    expect(
      parse([
        ['startDate', '2024-01-31'],
        ['dateRangeField', 'updated'],
      ]).dateRange,
    ).toEqual({ field: 'updated', start: Date.UTC(2024, 0, 31), end: undefined });
  });

  it('ignores dateRangeField without a date', () => {
    expect(parse([['dateRangeField', 'updated']]).dateRange).toBeUndefined();
  });

  it.each([
    '2023-02-29',
    '2024-02-30',
    '2024-04-31',
    '2024-13-01',
    '2024-00-10',
    '2024-01-01 24:00',
    '2024-01-01 12:60',
    '2024-01-01 12:00:60',
    '01/02/2024',
    '2024-1-2',
    'yesterday',
    '',
  ])('refuses the impossible or malformed date %j', (text) => {
    expect(problemsOf([['startDate', text]])).toEqual([{ field: 'startDate', message: `'${text}' is not a date in the form yyyy-MM-dd or yyyy-MM-dd HH:mm` }]);
  });

  it('accepts the leap day of a leap year', () => {
    expect(parse([['startDate', '2024-02-29']]).dateRange?.start).toBe(Date.UTC(2024, 1, 29));
  });

  it('accepts a start and an end on the same day (the end date covers it)', () => {
    const { dateRange } = parse([
      ['startDate', '2024-05-01'],
      ['endDate', '2024-05-01'],
    ]);
    expect(dateRange?.end).toBe((dateRange?.start ?? 0) + DAY);
  });

  it.each([
    ['2024-05-02', '2024-05-01'],
    ['2024-05-01 12:00', '2024-05-01 11:59'],
    ['2024-05-01 12:00', '2024-05-01 12:00'],
    ['2024-05-02', '2024-05-01 23:59'],
  ])('refuses endDate before startDate (start %s, end %s)', (start, end) => {
    expect(
      problemsOf([
        ['startDate', start],
        ['endDate', end],
      ]),
    ).toEqual([{ field: 'endDate', message: 'must not be before startDate' }]);
  });
});

describe('parseReportParams: trim window', () => {
  it('reads the window with the end date covering its whole day', () => {
    expect(
      parse([
        ['trimHistoryStartDate', '2024-01-01'],
        ['trimHistoryEndDate', '2024-01-31'],
      ]).trim,
    ).toEqual({ start: Date.UTC(2024, 0, 1), end: Date.UTC(2024, 1, 1) });
  });

  it('keeps an open side open', () => {
    expect(parse([['trimHistoryStartDate', '2024-01-01 08:00']]).trim).toEqual({ start: Date.UTC(2024, 0, 1, 8) });
    expect(parse([['trimHistoryEndDate', '2024-01-01 08:00']]).trim).toEqual({ end: Date.UTC(2024, 0, 1, 8) });
  });

  it.each([
    ['2024-01-10', '2024-01-09'],
    ['2024-01-10 10:00', '2024-01-10 10:00'],
  ])('refuses an end that is not after the start (start %s, end %s)', (start, end) => {
    expect(
      problemsOf([
        ['trimHistoryStartDate', start],
        ['trimHistoryEndDate', end],
      ]),
    ).toEqual([{ field: 'trimHistoryEndDate', message: 'must be after trimHistoryStartDate' }]);
  });

  it('names a bad trim date by its own parameter', () => {
    expect(fieldsOf([['trimHistoryEndDate', '2024-02-31']])).toEqual(['trimHistoryEndDate']);
  });
});

describe('parseReportParams: viewFormat', () => {
  it.each([
    ['minutes', 'minutes'],
    ['HOURS', 'hours'],
    ['Days', 'days'],
    ['seconds', 'seconds'],
    ['ms', 'ms'],
    ['milliseconds', 'ms'],
    ['readable', 'readable'],
    ['1d 6h 32m', 'readable'],
    ['1d6h', 'readable'],
    ['2H 5M', 'readable'],
    [' 45m ', 'readable'],
  ] as const)('%j is %s', (text, expected) => {
    expect(parse([['viewFormat', text]]).viewFormat).toBe(expected);
  });

  it.each(['weeks', '1w 2d', 'd', '1.5h', ''])('refuses %j', (text) => {
    const problems = problemsOf([['viewFormat', text]]);
    expect(problems.map((p) => p.field)).toEqual(['viewFormat']);
    expect(problems[0]?.message).toContain('readable example such as 1d 6h 32m');
  });
});

describe('parseReportParams: other values', () => {
  it('keeps calendar (trimmed) and nextPageToken as given', () => {
    const parsed = parse([
      ['calendar', '  Office hours '],
      ['nextPageToken', 'abc'],
    ]);
    expect(parsed.calendar).toBe('Office hours');
    expect(parsed.nextPageToken).toBe('abc');
  });

  it.each([
    ['jqlFilterID', '12a'],
    ['sprintID', 'sprint-1'],
    ['projectKey', '1SC'],
    ['issueKey', 'SC_1'],
    ['paramSetId', 'not-a-uuid'],
    ['calendar', '   '],
    ['customjql', 'x'.repeat(20_001)],
    ['nextPageToken', ''],
  ])('refuses a bad %s', (name, value) => {
    expect(fieldsOf([[name, value]])).toEqual([name]);
  });

  it('accepts an issue id as well as an issue key', () => {
    expect(parse([['issueKey', '10001']]).selection).toEqual({ kind: 'issue', issueKey: '10001' });
  });

  it('ignores the tisjwt parameter (authentication reads it)', () => {
    expect(parse([['tisjwt', 'anything']])).toEqual(parse([]));
  });
});

describe('parseReportParams: selection', () => {
  it.each([
    ['customjql', 'status = Done', { kind: 'jql', jql: 'status = Done' }],
    ['jqlFilterID', '10042', { kind: 'filter', filterId: '10042' }],
    ['projectKey', 'SC', { kind: 'project', projectKey: 'SC' }],
    ['user', 'alice@example.com', { kind: 'jql', jql: 'assignee = "alice@example.com"' }],
    ['user', 'CurrentUser()', { kind: 'jql', jql: 'assignee = currentUser()' }],
    ['sprintID', '7', { kind: 'jql', jql: 'sprint = 7' }],
    ['issueKey', 'SC-12', { kind: 'issue', issueKey: 'SC-12' }],
  ] as const)('infers filterType from the one selection parameter %s=%s', (name, value, selection) => {
    expect(parse([[name, value]]).selection).toEqual(selection);
  });

  it('quotes a user name as a JQL string', () => {
    expect(parse([['user', 'o"neil']]).selection).toEqual({ kind: 'jql', jql: 'assignee = "o\\"neil"' });
  });

  it('needs filterType when several selection parameters are given', () => {
    expect(
      problemsOf([
        ['projectKey', 'SC'],
        ['sprintID', '7'],
      ]),
    ).toEqual([{ field: 'filterType', message: 'is required when several of projectKey, sprintID are given' }]);
  });

  it('lets filterType choose among several selection parameters', () => {
    expect(
      parse([
        ['projectKey', 'SC'],
        ['sprintID', '7'],
        ['filterType', 'sprint'],
      ]).selection,
    ).toEqual({ kind: 'jql', jql: 'sprint = 7' });
  });

  it.each([
    ['customjql', 'customjql'],
    ['jqlfilter', 'jqlFilterID'],
    ['project', 'projectKey'],
    ['user', 'user'],
    ['sprint', 'sprintID'],
    ['issue', 'issueKey'],
  ])('filterType=%s without its parameter names %s', (filterType, param) => {
    expect(problemsOf([['filterType', filterType]])).toEqual([{ field: param, message: `is required when filterType is ${filterType}` }]);
  });

  it('treats a blank customjql as missing', () => {
    expect(
      problemsOf([
        ['filterType', 'customjql'],
        ['customjql', '   '],
      ]),
    ).toEqual([{ field: 'customjql', message: 'is required when filterType is customjql' }]);
  });

  it('names the missing parameter even when another selection parameter is present', () => {
    expect(
      problemsOf([
        ['filterType', 'project'],
        ['sprintID', '7'],
      ]),
    ).toEqual([{ field: 'projectKey', message: 'is required when filterType is project' }]);
  });
});

describe('parseReportParams: durationBetweenStatuses', () => {
  const between = (pairs: Array<[string, string]>) => parse([['columnsBy', 'durationBetweenStatuses'], ...pairs]).between;

  it('measures from creation to the first entry of the target statuses by default', () => {
    expect(between([['toStatuses', '5']])).toEqual({ from: { at: 'created' }, to: { at: 'firstEntry', statuses: ['5'] }, paused: [] });
  });

  it('starts at the first entry of fromStatuses when they are given, and reads every list', () => {
    expect(
      between([
        ['fromStatuses', '3, 4'],
        ['toStatuses', '5'],
        ['toStatuses', '6'],
        ['pausedStatuses', '10,11'],
      ]),
    ).toEqual({ from: { at: 'firstEntry', statuses: ['3', '4'] }, to: { at: 'firstEntry', statuses: ['5', '6'] }, paused: ['10', '11'] });
  });

  it('honours fromEntry and toEntry case-insensitively', () => {
    expect(
      between([
        ['fromStatuses', '3'],
        ['fromEntry', 'LASTENTRY'],
        ['toStatuses', '5'],
        ['toEntry', 'lastentry'],
      ]),
    ).toEqual({ from: { at: 'lastEntry', statuses: ['3'] }, to: { at: 'lastEntry', statuses: ['5'] }, paused: [] });
    expect(
      between([
        ['fromStatuses', '3'],
        ['fromEntry', 'Created'],
        ['toStatuses', '5'],
      ])?.from,
    ).toEqual({ at: 'created' });
  });

  it('needs toStatuses, and fromStatuses when fromEntry names an entry', () => {
    expect(fieldsOf([['columnsBy', 'durationBetweenStatuses']])).toEqual(['toStatuses']);
    expect(
      problemsOf([
        ['columnsBy', 'durationBetweenStatuses'],
        ['fromEntry', 'lastEntry'],
      ]),
    ).toEqual([
      { field: 'fromStatuses', message: 'is required when fromEntry is lastEntry' },
      { field: 'toStatuses', message: 'is required when columnsBy is durationBetweenStatuses' },
    ]);
  });

  it('ignores the between parameters for every other kind', () => {
    expect(parse([['fromStatuses', '3']]).between).toBeUndefined();
  });
});

describe('parseReportParams: every problem at once', () => {
  it('reports each bad parameter in one FieldError, each problem naming its parameter', () => {
    const pairs = [
      ['colour', 'red'],
      ['outputType', 'xml'],
      ['pageSize', '0'],
      ['startDate', '2024-02-30'],
      ['trimHistoryStartDate', '2024-03-02'],
      ['trimHistoryEndDate', '2024-03-01'],
      ['projectKey', 'SC'],
      ['sprintID', '7'],
      ['viewFormat', 'weeks'],
      ['includeDeletedStatuses', 'perhaps'],
      ['calendar', 'a'],
      ['calendar', 'b'],
    ] as const;
    let thrown: unknown;
    try {
      parse(pairs);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FieldError);
    const error = thrown as FieldError;
    expect(error.problems.map((p) => p.field).sort()).toEqual(
      ['calendar', 'colour', 'filterType', 'includeDeletedStatuses', 'outputType', 'pageSize', 'startDate', 'trimHistoryEndDate', 'viewFormat'].sort(),
    );
    // The message and the messages list carry the same problems, each line starting with its parameter.
    expect(error.messages).toHaveLength(error.problems.length);
    for (const [index, line] of error.messages.entries()) expect(line.startsWith(`${error.problems[index]?.field}: `)).toBe(true);
    expect(error.message).toBe(error.messages.join('; '));
  });

  it('keeps the problems the caller found before parsing, first', () => {
    const early: FieldProblem = { field: 'body', message: 'is not a form' };
    try {
      parseReportParams({ pageSize: ['x'] }, [early]);
      throw new Error('expected a FieldError');
    } catch (error) {
      expect((error as FieldError).problems).toEqual([early, { field: 'pageSize', message: "'x' is not a whole number from 1 to 1000" }]);
    }
  });
});
