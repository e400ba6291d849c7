// The text and raw value of each kind of Jira field value a report may show.
import { fieldValueOf } from '../../../src/reporting/field-values';
import type { JiraField } from '../../../src/jira';

const field = (id: string, type?: string, items?: string): JiraField => ({ id, name: id, type, items });

describe('fieldValueOf', () => {
  it('leaves out what the issue does not have (null, missing, empty text, empty list)', () => {
    expect(fieldValueOf(null, field('assignee', 'user'))).toBeUndefined();
    expect(fieldValueOf(undefined, field('x'))).toBeUndefined();
    expect(fieldValueOf('', field('x', 'string'))).toBeUndefined();
    expect(fieldValueOf([], field('labels', 'array', 'string'))).toBeUndefined();
  });

  it('users by display name (raw: account id), named things by name (raw: id), options by value (raw: id)', () => {
    expect(fieldValueOf({ accountId: 'a-1', displayName: 'Alice' }, field('assignee', 'user'))).toEqual({ text: 'Alice', raw: 'a-1' });
    expect(fieldValueOf({ id: '2', name: 'High' }, field('priority', 'priority'))).toEqual({ text: 'High', raw: '2' });
    expect(fieldValueOf({ id: '7', value: 'Mobile' }, field('customfield_1', 'option'))).toEqual({ text: 'Mobile', raw: '7' });
    expect(fieldValueOf({ id: '7', value: 'EU', child: { id: '8', value: 'Berlin' } }, field('customfield_2', 'option-with-child'))).toEqual({
      text: 'EU - Berlin',
      raw: '7,8',
    });
  });

  it('projects by name (raw: key), parents by key', () => {
    expect(fieldValueOf({ id: '1', key: 'SC', name: 'Scrum' }, field('project', 'project'))).toEqual({ text: 'Scrum', raw: 'SC' });
    expect(fieldValueOf({ id: '9', key: 'SC-1', fields: { summary: 's' } }, field('parent'))).toEqual({ text: 'SC-1', raw: 'SC-1' });
  });

  it('numbers, booleans and text as they are; dates keep their text with epoch ms as raw', () => {
    expect(fieldValueOf(2.5, field('customfield_3', 'number'))).toEqual({ text: '2.5', raw: '2.5' });
    expect(fieldValueOf(true, field('customfield_4', 'any'))).toEqual({ text: 'true', raw: 'true' });
    expect(fieldValueOf('2025-03-31', field('customfield_5', 'date'))).toEqual({ text: '2025-03-31', raw: String(Date.UTC(2025, 2, 31)) });
    expect(fieldValueOf('2025-01-02T09:00:00.000+0000', field('created', 'datetime'))).toEqual({
      text: '2025-01-02T09:00:00.000+0000',
      raw: String(Date.UTC(2025, 0, 2, 9)),
    });
  });

  it('lists join their items; rich text (ADF) becomes its plain text', () => {
    expect(fieldValueOf(['a', 'b'], field('labels', 'array', 'string'))).toEqual({ text: 'a, b', raw: 'a,b' });
    expect(
      fieldValueOf(
        [
          { id: '1', name: 'API' },
          { id: '2', name: 'UI' },
        ],
        field('components', 'array', 'component'),
      ),
    ).toEqual({ text: 'API, UI', raw: '1,2' });
    const doc = {
      type: 'doc',
      version: 1,
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Hello ' },
            { type: 'text', text: 'world' },
          ],
        },
      ],
    };
    expect(fieldValueOf(doc, field('description', 'string'))).toEqual({ text: 'Hello world', raw: 'Hello world' });
  });
});
