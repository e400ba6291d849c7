// The demo site plus the fields reports may show: custom fields of each value type
// (number, text, date, datetime, select, user picker, multi-select), components, fix
// versions, a parent, and a history of priority and select-field changes, so `fields`,
// `groupByFields` and `historyFields` have something real to read.
import { demoDataset, DEMO_ACCOUNTS, type Dataset } from '../../dev/jira-emulator';

export const CUSTOM = {
  storyPoints: 'customfield_10016',
  team: 'customfield_10020',
  due: 'customfield_10030',
  reviewer: 'customfield_10040',
  platforms: 'customfield_10050',
  signedOff: 'customfield_10060',
  notes: 'customfield_10070',
} as const;

export interface FieldDataset {
  dataset: Dataset;
  /** The issue every custom field is set on, with a priority history. */
  richKey: string;
}

export function fieldDataset(now?: number): FieldDataset {
  const dataset = demoDataset(now === undefined ? {} : { now });
  dataset.customFields = [
    { id: CUSTOM.storyPoints, name: 'Story points', type: 'number', options: [] },
    {
      id: CUSTOM.team,
      name: 'Team',
      type: 'option',
      options: [
        { id: '20001', value: 'Platform' },
        { id: '20002', value: 'Mobile' },
      ],
    },
    { id: CUSTOM.due, name: 'Due', type: 'date', options: [] },
    { id: CUSTOM.reviewer, name: 'Reviewer', type: 'user', options: [] },
    {
      id: CUSTOM.platforms,
      name: 'Platforms',
      type: 'array-option',
      options: [
        { id: '30001', value: 'iOS' },
        { id: '30002', value: 'Android' },
      ],
    },
    { id: CUSTOM.signedOff, name: 'Signed off', type: 'datetime', options: [] },
    { id: CUSTOM.notes, name: 'Notes', type: 'string', options: [] },
  ];
  const scrum = dataset.issues.filter((i) => i.projectKey === 'SCRUM' && i.securityLevelId === null);
  const rich = scrum[0]!;
  const parent = scrum[1]!;
  rich.priorityId = '2';
  rich.labels = ['backend', 'customer'];
  rich.components = ['API', 'Billing'];
  rich.fixVersions = ['2025.1'];
  rich.parentKey = parent.key;
  rich.customFields = {
    [CUSTOM.storyPoints]: 5,
    [CUSTOM.team]: '20002',
    [CUSTOM.due]: '2025-03-31',
    [CUSTOM.reviewer]: DEMO_ACCOUNTS.bob,
    [CUSTOM.platforms]: ['30001', '30002'],
    [CUSTOM.signedOff]: '2025-02-01T10:00:00.000Z',
    [CUSTOM.notes]: 'needs a second look',
  };
  // Priority Medium -> High and Team Platform -> Mobile, one day and two days after creation.
  const created = Date.parse(rich.created);
  const at = (days: number): string => new Date(created + days * 86_400_000).toISOString();
  const firstId = Math.max(...dataset.issues.flatMap((i) => i.changelog.map((c) => Number(c.id)))) + 1;
  const extra = [
    { id: String(firstId), author: DEMO_ACCOUNTS.alice, created: at(1), items: [{ field: 'priority' as const, from: '3', to: '2' }] },
    { id: String(firstId + 1), author: DEMO_ACCOUNTS.carol, created: at(2), items: [{ field: CUSTOM.team, from: '20001', to: '20002' }] },
  ];
  rich.changelog = [...rich.changelog, ...extra].sort((a, b) => Date.parse(a.created) - Date.parse(b.created) || Number(a.id) - Number(b.id));
  for (const issue of scrum.slice(2, 6)) issue.customFields = { [CUSTOM.storyPoints]: 3, [CUSTOM.team]: '20001' };
  return { dataset, richKey: rich.key };
}
