// `fields` costs no Jira request of its own: the bulk fetch that reads the issues' fields
// also names them (expand=names,schema), so a report with fields sends the same requests as
// one without, on a host with nothing cached (a file of its own: one host per process).
import { DEMO_ACCOUNTS } from '../../../dev/jira-emulator';
import { startTestHost } from '../../support/host-client';
import { CUSTOM, fieldDataset } from '../../support/field-dataset';

const { alice } = DEMO_ACCOUNTS;

interface Table {
  table: { header: { fieldColumns: Array<{ id: string; value: string }> } };
}

describe('fields', () => {
  it('ride on the same bulk requests: the bulk fetch names the fields, so no field list call, even on a cold host', async () => {
    const cold = await startTestHost({ dataset: fieldDataset().dataset });
    try {
      const coldToken = (await cold.call(alice, 'tokens/create', { expiresAt: '2099-12-31' })).token;
      const emulator = cold.host.emulator!;
      const byPath = (): Record<string, number> => ({ ...emulator.requestsByPath() });
      const diff = (before: Record<string, number>, after: Record<string, number>): Record<string, number> =>
        Object.fromEntries(Object.entries(after).flatMap(([path, n]) => (n - (before[path] ?? 0) > 0 ? [[path, n - (before[path] ?? 0)]] : [])));
      // Warm what every report shares (the owner's lookup, the status list) without fields.
      expect((await cold.rest('/rest/list2?projectKey=OPS', { token: coldToken })).status).toBe(200);
      const a = byPath();
      const withFields = await cold.rest(`/rest/list2?projectKey=SCRUM&fields=assignee,priority,labels,${CUSTOM.team}`, { token: coldToken });
      expect(withFields.status).toBe(200);
      const header = ((await withFields.json()) as Table).table.header.fieldColumns;
      expect(header).toEqual([
        { id: 'assignee', value: 'Assignee' },
        { id: 'priority', value: 'Priority' },
        { id: 'labels', value: 'Labels' },
        { id: CUSTOM.team, value: 'Team' },
      ]);
      const b = byPath();
      expect((await cold.rest('/rest/list2?projectKey=SCRUM', { token: coldToken })).status).toBe(200);
      const c = byPath();
      expect(diff(a, b)).not.toHaveProperty(['/rest/api/3/field']);
      expect(diff(a, b)).toEqual(diff(b, c));
    } finally {
      await cold.close();
    }
  });

  it('an empty page still names its fields: then, and only then, the field list is read', async () => {
    const cold = await startTestHost({ dataset: fieldDataset().dataset });
    try {
      const coldToken = (await cold.call(alice, 'tokens/create', { expiresAt: '2099-12-31' })).token;
      const before = cold.host.emulator!.requestsByPath()['/rest/api/3/field'] ?? 0;
      const answer = await cold.rest('/rest/list2?projectKey=SCRUM&startDate=2099-01-01&fields=priority', { token: coldToken });
      expect(answer.status).toBe(200);
      const body = (await answer.json()) as Table & { table: { body: { rows: unknown[] } } };
      expect(body.table.body.rows).toEqual([]);
      expect(body.table.header.fieldColumns).toEqual([{ id: 'priority', value: 'Priority' }]);
      expect((cold.host.emulator!.requestsByPath()['/rest/api/3/field'] ?? 0) - before).toBe(1);
    } finally {
      await cold.close();
    }
  });
});
