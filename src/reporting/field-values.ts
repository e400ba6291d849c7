// How an issue field's JSON (as Jira's REST API v3 sends it) becomes a report cell: `text`
// for a person, `raw` for a machine. Users show their display name (raw: account id),
// named things (priority, status, issue type, resolution, component, version) their name
// (raw: id), options their value (raw: option id), dates stay Jira's text (raw: epoch ms),
// and lists join their items with ", " (raw: joined with ","). See docs/rest-api.md.
import type { JiraField } from '../jira';

export interface FieldValue {
  text: string;
  raw: string;
}

/** Text of an Atlassian Document Format value (v3 sends textarea fields as ADF). */
function adfText(node: unknown): string {
  if (node === null || typeof node !== 'object') return '';
  const record = node as { type?: unknown; text?: unknown; content?: unknown };
  if (typeof record.text === 'string') return record.text;
  if (!Array.isArray(record.content)) return '';
  const parts = record.content.map(adfText);
  return record.type === 'doc' ? parts.join('\n') : parts.join('');
}

function objectValue(value: Record<string, unknown>, field: JiraField | undefined): FieldValue {
  const text = (key: string): string | undefined => {
    const found = value[key];
    return typeof found === 'string' ? found : undefined;
  };
  if (text('accountId') !== undefined) return { text: text('displayName') ?? text('accountId')!, raw: text('accountId')! };
  if (value.type === 'doc') {
    const plain = adfText(value);
    return { text: plain, raw: plain };
  }
  // Projects are known by key; parents and linked issues by key too.
  if (field?.type === 'project' || field?.id === 'parent' || (text('key') !== undefined && text('name') === undefined)) {
    const key = text('key') ?? text('id') ?? '';
    return { text: field?.type === 'project' ? (text('name') ?? key) : key, raw: key };
  }
  if (text('value') !== undefined) {
    // A cascading select holds its child option beside the parent's value.
    const child = value.child !== null && typeof value.child === 'object' ? objectValue(value.child as Record<string, unknown>, undefined) : undefined;
    const own = text('value')!;
    return child ? { text: `${own} - ${child.text}`, raw: `${text('id') ?? own},${child.raw}` } : { text: own, raw: text('id') ?? own };
  }
  if (text('name') !== undefined) return { text: text('name')!, raw: text('id') ?? text('name')! };
  const json = JSON.stringify(value);
  return { text: json, raw: json };
}

function instantValue(text: string): FieldValue {
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? { text, raw: text } : { text, raw: String(ms) };
}

/** The cell of one field of one issue; undefined when the issue has no value (left out, never blank text). */
export function fieldValueOf(value: unknown, field: JiraField | undefined): FieldValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) {
    const items = value.map((item) => fieldValueOf(item, field && { ...field, type: field.items })).filter((v): v is FieldValue => v !== undefined);
    if (items.length === 0) return undefined;
    return { text: items.map((i) => i.text).join(', '), raw: items.map((i) => i.raw).join(',') };
  }
  switch (typeof value) {
    case 'string':
      if (value === '') return undefined;
      return field?.type === 'datetime' || field?.type === 'date' ? instantValue(value) : { text: value, raw: value };
    case 'number':
    case 'boolean':
      return { text: String(value), raw: String(value) };
    case 'object':
      return objectValue(value as Record<string, unknown>, field);
    default:
      return undefined;
  }
}
