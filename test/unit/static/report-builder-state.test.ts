// The report builder's translation between its form and REST parameters, the copied
// requests built from them, and the saved-set editor's name=value lines.
import { paramsFromText, textFromParams } from '../../../static/src/admin-page/param-set-text';
import { INITIAL_STATE, loadSet, paramsOf, stateFromParams } from '../../../static/src/user-page/report-builder/builder-state';
import { curlRequest, powerQueryRequest, pythonRequest, requestUrl } from '../../../static/src/user-page/rest-examples';

describe('builder state', () => {
  it('turns the form into the request parameters, leaving out empty choices', () => {
    const state = { ...INITIAL_STATE, source: 'project' as const, projectKey: 'ABC', statuses: ['3', '10001'], outputType: 'csv' };
    expect(paramsOf(state)).toEqual([
      ['filterType', 'project'],
      ['projectKey', 'ABC'],
      ['columnsBy', 'statusDuration'],
      ['statuses', '3,10001'],
      ['viewFormat', 'days'],
      ['outputType', 'csv'],
    ]);
    expect(paramsOf({ ...state, calendar: 'c-1', columnsBy: 'durationBetweenStatuses', toStatuses: ['5'] })).toEqual(
      expect.arrayContaining([
        ['calendar', 'c-1'],
        ['toStatuses', '5'],
      ]),
    );
  });

  it('loads a saved set case-insensitively, keeping what the form has no field for', () => {
    const state = stateFromParams({ PROJECTKEY: 'SCRUM', viewformat: 'hours', statuses: 'In Progress, In Review', startDate: '2020-01-01' });
    expect(state).toMatchObject({ source: 'project', projectKey: 'SCRUM', viewFormat: 'hours', statuses: ['In Progress', 'In Review'] });
    expect(state.extra).toEqual([['startDate', '2020-01-01']]);
    expect(paramsOf(state)).toContainEqual(['startDate', '2020-01-01']);
  });

  it('keeps a selection the form cannot show (a sprint) as the set gave it', () => {
    const state = stateFromParams({ filterType: 'sprint', sprintID: '42' });
    expect(state.source).toBe('set');
    expect(paramsOf(state)).toEqual(
      expect.arrayContaining([
        ['filterType', 'sprint'],
        ['sprintID', '42'],
      ]),
    );
    expect(paramsOf(state).filter(([name]) => name === 'filterType')).toHaveLength(1);
  });

  it("keeps the form's issues when the loaded set chooses none", () => {
    const current = { ...INITIAL_STATE, source: 'project' as const, projectKey: 'OPS' };
    expect(loadSet(current, { viewFormat: 'hours' })).toMatchObject({ source: 'project', projectKey: 'OPS', viewFormat: 'hours' });
    expect(loadSet(current, { customjql: 'x = 1' })).toMatchObject({ source: 'jql', jql: 'x = 1' });
  });
});

describe('copied requests', () => {
  const base = 'https://example.invalid/x/y';
  const params = [
    ['customjql', 'project = "A B" AND summary ~ "#(x)"'],
    ['outputType', 'json'],
  ] as const;

  it('curl and the URL carry the parameters percent-encoded, so the shell sees no quotes', () => {
    const url = requestUrl(base, params);
    expect(new URL(url).searchParams.get('customjql')).toBe(params[0][1]);
    expect(curlRequest(base, 'T', params)).toContain(`"${url}"`);
    expect(url).not.toContain('"');
  });

  it('Power Query escapes M text and reads each output type as a table', () => {
    const m = powerQueryRequest(base, 'T', params);
    expect(m).toContain('customjql = "project = ""A B"" AND summary ~ ""#(#)(x)"""');
    expect(m).toContain('Json.Document(');
    expect(powerQueryRequest(base, 'T', [['outputType', 'jsonSimplified']])).toContain('Table.FromRecords(Source[results])');
    expect(powerQueryRequest(base, 'T', [['outputType', 'csv']])).toContain('Csv.Document(');
  });

  it('Python uses requests with the parameters as a dict', () => {
    const py = pythonRequest(base, 'T', params);
    expect(py).toContain('"customjql": "project = \\"A B\\" AND summary ~ \\"#(x)\\"",');
    expect(py).toContain('headers={"Authorization": "TISJWT T"}');
  });
});

describe('saved set lines', () => {
  it('reads name=value lines and names each bad line', () => {
    expect(paramsFromText('projectKey=ABC\n\n customjql = a = b \nnoequals\n=x\nPROJECTKEY=D')).toEqual({
      params: { projectKey: 'ABC', customjql: 'a = b' },
      problems: [
        'Line 4: write it as name=value, such as projectKey=ABC.',
        'Line 5: write it as name=value, such as projectKey=ABC.',
        'Line 6: PROJECTKEY is already given on line 1; give each parameter once.',
      ],
    });
    expect(textFromParams({ a: '1', b: 'x=y' })).toBe('a=1\nb=x=y');
    expect(paramsFromText(textFromParams({ a: '1', b: 'x=y' })).params).toEqual({ a: '1', b: 'x=y' });
  });
});
