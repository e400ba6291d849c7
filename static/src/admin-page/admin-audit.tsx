// The Audit log tab: every token event newest first, paged on the server, filtered by
// actor, owner, token id (the 8 characters the tables show will do), event types and a date
// range with presets; the filtered events download as CSV or JSON.
import Button from '@atlaskit/button/new';
import { DynamicTableStateless } from '@atlaskit/dynamic-table';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import EmptyState from '@atlaskit/empty-state';
import { ErrorMessage, Label } from '@atlaskit/form';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import Select, { AsyncSelect } from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { useState } from 'react';
import type { AuditEventView, AuditFilterPayload, AuditPage } from '../../../src/contract/audit';
import { AUDIT_EVENT_TYPES, type AuditEventType } from '../../../src/contract/audit-events';
import { showErrorFlag, showSuccessFlag } from '../shared/flags';
import { formatDateTime, pluralise } from '../shared/format';
import { ErrorState } from '../shared/load-states';
import { callResolver, fieldMessage } from '../shared/resolver-client';
import { useLatestLoad } from '../shared/use-latest-load';
import { useNow } from '../shared/use-now';
import { DateRangeField } from './date-range-field';
import { anyTime, rangeBounds, type DateRange } from './token-filters';
import { displayNames, searchUsers, type UserOption } from './user-search';

const PAGE_SIZE = 50;
const SHORT_OR_FULL_ID = /^[0-9a-f]{8}(-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})?$/i;

const grid = xcss({ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: 'space.200', alignItems: 'start' });
const monospace = xcss({ fontFamily: 'font.family.code', overflowWrap: 'anywhere' });

interface TypeOption {
  label: string;
  value: AuditEventType;
}
const typeOptions: TypeOption[] = AUDIT_EVENT_TYPES.map((type) => ({ value: type, label: type }));

interface Filters {
  actors: readonly UserOption[];
  owners: readonly UserOption[];
  tokenId: string;
  types: readonly TypeOption[];
  range: DateRange;
}
const noFilters: Filters = { actors: [], owners: [], tokenId: '', types: [], range: anyTime };

const head: HeadType = {
  cells: [
    { key: 'at', content: 'Time', width: 14 },
    { key: 'type', content: 'Event', width: 16 },
    { key: 'actor', content: 'Actor', width: 13 },
    { key: 'owner', content: 'Owner', width: 13 },
    { key: 'token', content: 'Token', width: 9 },
    { key: 'ip', content: 'Address', width: 10 },
    { key: 'detail', content: 'What changed', width: 25 },
  ],
};

function payloadOf(filters: Filters, now: number): AuditFilterPayload {
  const bounds = rangeBounds(filters.range, now);
  return {
    ...(filters.actors.length ? { actorAccountIds: filters.actors.map((user) => user.value) } : {}),
    ...(filters.owners.length ? { ownerAccountIds: filters.owners.map((user) => user.value) } : {}),
    ...(filters.tokenId ? { tokenId: filters.tokenId } : {}),
    ...(filters.types.length ? { types: filters.types.map((type) => type.value) } : {}),
    ...bounds,
  };
}

/** One line per changed field ("notes: ci → ci nightly"), or the event's facts. */
function detailText(event: AuditEventView): string {
  const { changes, ...rest } = event.detail as { changes?: Record<string, { before: unknown; after: unknown }> };
  const parts = Object.entries(changes ?? {}).map(([field, change]) => `${field}: ${JSON.stringify(change.before)} → ${JSON.stringify(change.after)}`);
  const facts = Object.entries(rest).map(([field, value]) => `${field}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  return [...facts, ...parts].join('; ') || '—';
}

function download(fileName: string, contentType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: contentType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function rowOf(event: AuditEventView, names: ReadonlyMap<string, string>): RowType {
  const person = (accountId: string | null) => (accountId === null ? '—' : (names.get(accountId) ?? accountId));
  return {
    key: event.id,
    testId: `audit-row-${event.id}`,
    cells: [
      { key: 'at', content: <span title={event.at}>{formatDateTime(event.at)}</span> },
      {
        key: 'type',
        content: (
          <Inline space="space.050" alignBlock="center">
            <Lozenge appearance={event.type.startsWith('sweep.') || event.type === 'token.refused' ? 'moved' : 'default'}>{event.type}</Lozenge>
            {event.count > 1 ? <Text size="small">×{event.count}</Text> : null}
          </Inline>
        ),
      },
      { key: 'actor', content: <Text>{person(event.actorAccountId)}</Text> },
      { key: 'owner', content: <Text>{person(event.ownerAccountId)}</Text> },
      {
        key: 'token',
        content: (
          <Box as="span" xcss={monospace}>
            <span title={event.tokenId ?? undefined}>{event.tokenId ? event.tokenId.slice(0, 8) : '—'}</span>
          </Box>
        ),
      },
      { key: 'ip', content: <Text>{event.ip ?? '—'}</Text> },
      {
        key: 'detail',
        content: (
          <Box as="span" xcss={monospace}>
            <Text size="small">{detailText(event)}</Text>
          </Box>
        ),
      },
    ],
  };
}

export function AdminAudit() {
  const now = useNow();
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [tokenIdText, setTokenIdText] = useState('');
  const [tokenIdError, setTokenIdError] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [exporting, setExporting] = useState<'csv' | 'json' | undefined>();

  const change = (next: Partial<Filters>) => {
    setFilters((current) => ({ ...current, ...next }));
    setPage(1);
  };

  const { state, shown, reload } = useLatestLoad(async (): Promise<{ result: AuditPage; names: ReadonlyMap<string, string> }> => {
    const result = await callResolver('admin/audit/list', { ...payloadOf(filters, now), page, pageSize: PAGE_SIZE });
    const ids = result.events.flatMap((event) => [event.actorAccountId, ...(event.ownerAccountId ? [event.ownerAccountId] : [])]);
    const names = await displayNames([...new Set(ids)]).catch(() => new Map<string, string>());
    return { result, names };
  }, [filters, page]);

  const applyTokenId = () => {
    const wanted = tokenIdText.trim();
    if (wanted !== '' && !SHORT_OR_FULL_ID.test(wanted)) {
      setTokenIdError('Enter a token ID or its first 8 characters.');
      return;
    }
    setTokenIdError(undefined);
    change({ tokenId: wanted });
  };

  const exportAs = async (format: 'csv' | 'json') => {
    setExporting(format);
    try {
      const file = await callResolver('admin/audit/export', { ...payloadOf(filters, now), format });
      download(file.fileName, file.contentType, file.content);
      showSuccessFlag(
        `Exported ${pluralise(file.count, 'event', 'events')}`,
        file.truncated ? 'Only the newest events fit in one file: narrow the filters for the rest.' : undefined,
      );
    } catch (error) {
      showErrorFlag('Audit log not exported', error);
    } finally {
      setExporting(undefined);
    }
  };

  const serverTokenError = state.status === 'failed' ? fieldMessage(state.error, 'tokenId') : undefined;

  return (
    <Stack space="space.300">
      <Box as="section" aria-label="Audit filters" testId="audit-filters">
        <Box xcss={grid}>
          <Stack space="space.050">
            <Label htmlFor="audit-actors">Actor</Label>
            <AsyncSelect<UserOption, true>
              inputId="audit-actors"
              testId="audit-actors"
              isMulti
              cacheOptions
              defaultOptions
              loadOptions={(query: string) => searchUsers(query)}
              value={filters.actors}
              onChange={(actors) => change({ actors: actors ?? [] })}
              placeholder="Anyone"
              spacing="compact"
            />
          </Stack>
          <Stack space="space.050">
            <Label htmlFor="audit-owners">Token owner</Label>
            <AsyncSelect<UserOption, true>
              inputId="audit-owners"
              testId="audit-owners"
              isMulti
              cacheOptions
              defaultOptions
              loadOptions={(query: string) => searchUsers(query)}
              value={filters.owners}
              onChange={(owners) => change({ owners: owners ?? [] })}
              placeholder="Any owner"
              spacing="compact"
            />
          </Stack>
          <Stack space="space.050">
            <Label htmlFor="audit-token-id">Token ID</Label>
            <form
              onSubmit={(event) => {
                event.preventDefault();
                applyTokenId();
              }}
            >
              <Textfield
                id="audit-token-id"
                testId="audit-token-id"
                value={tokenIdText}
                onChange={(event) => {
                  setTokenIdText(event.currentTarget.value);
                  setTokenIdError(undefined);
                }}
                onBlur={applyTokenId}
                placeholder="Any token (8 characters will do)"
                isInvalid={Boolean(tokenIdError ?? serverTokenError)}
                isCompact
              />
            </form>
            {(tokenIdError ?? serverTokenError) ? <ErrorMessage testId="audit-token-id-error">{tokenIdError ?? serverTokenError}</ErrorMessage> : null}
          </Stack>
          <Stack space="space.050">
            <Label htmlFor="audit-types">Event types</Label>
            <Select<TypeOption, true>
              inputId="audit-types"
              testId="audit-types"
              isMulti
              options={typeOptions}
              value={filters.types}
              onChange={(types) => change({ types: types ?? [] })}
              placeholder="Every type"
              spacing="compact"
            />
          </Stack>
          <DateRangeField id="audit-range" label="When" range={filters.range} onChange={(range) => change({ range })} />
        </Box>
      </Box>
      <Inline spread="space-between" alignBlock="center" shouldWrap space="space.200">
        <Text weight="semibold" testId="audit-count">
          {shown ? pluralise(shown.result.total, 'event', 'events') : 'Loading events'}
        </Text>
        <Inline space="space.100">
          <Button onClick={() => void exportAs('csv')} isLoading={exporting === 'csv'} testId="audit-export-csv">
            Export CSV
          </Button>
          <Button onClick={() => void exportAs('json')} isLoading={exporting === 'json'} testId="audit-export-json">
            Export JSON
          </Button>
          <Button
            appearance="subtle"
            onClick={() => {
              setFilters(noFilters);
              setTokenIdText('');
              setPage(1);
            }}
            testId="audit-filters-clear"
          >
            Clear filters
          </Button>
          <Button onClick={reload} isLoading={state.status === 'loading'} testId="audit-refresh">
            Refresh
          </Button>
        </Inline>
      </Inline>
      {state.status === 'failed' && serverTokenError === undefined ? (
        <ErrorState title="The audit log could not be loaded" error={state.error} onRetry={reload} />
      ) : (
        <DynamicTableStateless
          head={head}
          rows={shown ? shown.result.events.map((event) => rowOf(event, shown.names)) : []}
          rowsPerPage={PAGE_SIZE}
          page={page}
          totalRows={shown?.result.total ?? 0}
          onSetPage={setPage}
          isLoading={state.status === 'loading'}
          loadingLabel="Loading events"
          testId="audit-table"
          emptyView={<EmptyState header="No events" headingLevel={2} description="No audit event matches these filters." />}
        />
      )}
    </Stack>
  );
}
