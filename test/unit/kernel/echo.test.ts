// Echoes of input in messages (issue 16, item 9): a short, sanitised prefix at most, and
// nothing shaped like a token; FieldError deduplicates and caps its problems (item 13).
import { ECHO_MAX, echo, scrubbed } from '../../../src/kernel/echo';
import { FieldError, MAX_PROBLEMS } from '../../../src/kernel/errors';
import { canonicalParams, parseReportParams } from '../../../src/reporting/report-params';

const JWT = 'eyJhbGciOiJIUzI1NiIsImtpZCI6ImtpZC0wMDAwMDAwMSJ9.eyJpc3MiOiJzdGF0dXMtY2xvY2siLCJzdWIiOiJhYmMifQ.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU';

describe('echo', () => {
  it('repeats a short value as it is', () => {
    expect(echo('Done')).toBe('Done');
    expect(echo('0b3b2a51-6a79-4d37-9f8b-1f0b1b7a3e42')).toBe('0b3b2a51-6a79-4d37-9f8b-1f0b1b7a3e42');
  });
  it('cuts a long value to a prefix and marks the cut', () => {
    const long = 'In Progress '.repeat(20);
    expect(echo(long)).toBe(`${long.slice(0, ECHO_MAX)}…`);
  });
  it('replaces control characters and lone surrogates', () => {
    expect(echo('a\u0000b\nc\u202ed\ud800')).toBe('a?b?c?d?');
  });
  it.each([[JWT], [`x${JWT}`], [JWT.split('.')[0]!], ['A'.repeat(40)], ['0123456789abcdef'.repeat(4)]])('never repeats a token-shaped value: %s', (value) => {
    expect(echo(value)).toBe('(value not shown)');
  });
});

describe('scrubbed (a whole message kept in the activity log)', () => {
  it('keeps an ordinary message as it is', () => {
    expect(scrubbed("pageSize: '0' is not a whole number from 1 to 1000", 500)).toBe("pageSize: '0' is not a whole number from 1 to 1000");
  });
  it('replaces every token-shaped run, wherever it is in the message, and control characters', () => {
    expect(scrubbed(`customjql: bad JQL near ${JWT} and\n${'A'.repeat(40)}`, 500)).toBe(
      'customjql: bad JQL near (value not shown).(value not shown).(value not shown) and?(value not shown)',
    );
  });
  it('caps the length and marks the cut', () => {
    const cut = scrubbed('In Progress '.repeat(100), 500);
    expect(cut).toHaveLength(500);
    expect(cut.endsWith('…')).toBe(true);
  });
});

describe('messages that echo input', () => {
  const problemsOf = (pairs: Array<[string, string]>) => {
    const { params, problems } = canonicalParams(pairs);
    try {
      parseReportParams(params, problems);
    } catch (error) {
      return (error as FieldError).problems;
    }
    throw new Error('expected a FieldError');
  };
  it('enum, boolean, number, date and view format errors show at most a sanitised prefix, never a token', () => {
    const long = 'x'.repeat(5000);
    for (const name of [
      'columnsBy',
      'outputType',
      'excludeCurrentStatus',
      'pageSize',
      'startDate',
      'viewFormat',
      'filterType',
      'dayLength',
      'fields',
      'groupByFields',
      'historyFields',
      'timePeriod',
      'aggregationType',
      'multiVisitBehavior',
    ]) {
      for (const value of [long, JWT]) {
        const [problem] = problemsOf([[name, value]]);
        expect(problem?.field).toBe(name);
        // The message lists the allowed values; the 5,000 characters sent are not in it.
        expect(problem!.message.length).toBeLessThan(1000);
        expect(problem!.message).not.toContain('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx');
        expect(problem!.message).not.toContain('eyJ');
      }
    }
  });
  it('many bad field ids make one short message naming the first few', () => {
    const bad = Array.from({ length: 2000 }, (_, n) => `-${n}`).join(',');
    const [problem] = problemsOf([['fields', bad]]);
    expect(problem?.field).toBe('fields');
    expect(problem!.message).toBe("'-0', '-1', '-2', '-3', '-4' (and 1995 more) is not a Jira field id (such as priority or customfield_10010)");
  });
  it('an unknown parameter shaped like a token is not named back', () => {
    const [problem] = problemsOf([[JWT, '1']]);
    expect(problem).toEqual({ field: '(value not shown)', message: 'is not a parameter of this API' });
  });
});

describe('FieldError', () => {
  it('drops repeated problems and keeps at most MAX_PROBLEMS, saying how many more there were', () => {
    const problems = [
      ...Array.from({ length: 1000 }, () => ({ field: 'statuses', message: "Jira has no status 'x'" })),
      ...Array.from({ length: 200 }, (_, n) => ({ field: 'groups', message: `there is no status group 'g${n}'` })),
    ];
    const error = new FieldError(problems);
    expect(error.problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(error.problems[0]).toEqual({ field: 'statuses', message: "Jira has no status 'x'" });
    expect(error.problems[MAX_PROBLEMS]).toEqual({ field: '', message: `and ${201 - MAX_PROBLEMS} more problems` });
  });
});

describe('list parameters', () => {
  const problemsOf = (pairs: Array<[string, string]>) => {
    const { params, problems } = canonicalParams(pairs);
    try {
      parseReportParams({ ...params, projectKey: ['SCRUM'] }, problems);
    } catch (error) {
      return (error as FieldError).problems;
    }
    throw new Error('expected a FieldError');
  };
  it('statuses with 200,000 items is one clear problem, not a RangeError', () => {
    const value = Array.from({ length: 200_000 }, (_, n) => `s${n}`).join(',');
    expect(() => parseReportParams({ statuses: [value], projectKey: ['SCRUM'] })).toThrow(FieldError);
    try {
      parseReportParams({ statuses: [value], projectKey: ['SCRUM'] });
    } catch (error) {
      expect((error as FieldError).problems).toEqual([{ field: 'statuses', message: 'has 200000 values; at most 1000 are accepted' }]);
    }
  });
  it('repeated parameters count together', () => {
    const values = Array.from({ length: 1001 }, (_, n) => `s${n}`);
    expect(problemsOf(values.map((v) => ['statuses', v]))).toEqual([{ field: 'statuses', message: 'has 1001 values; at most 1000 are accepted' }]);
  });
});
