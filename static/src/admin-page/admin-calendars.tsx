// The Calendars tab: working calendars that reports can count time in.
import Button from '@atlaskit/button/new';
import { DynamicTableStateless } from '@atlaskit/dynamic-table';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import EmptyState from '@atlaskit/empty-state';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { lazy, Suspense, useState } from 'react';
import type { CalendarView } from '../../../src/contract/report-config';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { CopyButton } from '../shared/copy-button';
import { EditDeleteActions } from '../shared/edit-delete-actions';
import { showSuccessFlag } from '../shared/flags';
import { ErrorState } from '../shared/load-states';
import { callResolver } from '../shared/resolver-client';
import { useLatestLoad } from '../shared/use-latest-load';
import { summarizeWindows } from './calendar-form';

const CalendarDialog = lazy(() => import('./calendar-dialog').then((module) => ({ default: module.CalendarDialog })));

const monospace = xcss({ fontFamily: 'font.family.code', overflowWrap: 'anywhere' });

type Action = { kind: 'create' } | { kind: 'edit'; calendar: CalendarView } | { kind: 'delete'; calendar: CalendarView };

const head: HeadType = {
  cells: [
    { key: 'name', content: 'Name', width: 18 },
    { key: 'id', content: 'ID', width: 14 },
    { key: 'zone', content: 'Time zone', width: 13 },
    { key: 'hours', content: 'Working hours', width: 30 },
    { key: 'holidays', content: 'Holidays', width: 8 },
    { key: 'actions', content: 'Actions', width: 17 },
  ],
};

export function AdminCalendars() {
  const [action, setAction] = useState<Action | undefined>();
  const {
    state,
    shown: calendars,
    reload,
  } = useLatestLoad(async () => {
    const { calendars: listed } = await callResolver('admin/calendars/list', {});
    return [...listed].sort((a, b) => a.name.localeCompare(b.name));
  }, []);

  const done = (message: string) => {
    setAction(undefined);
    showSuccessFlag(message);
    reload();
  };

  const rows: RowType[] = calendars
    ? calendars.map((calendar) => ({
        key: calendar.id,
        testId: `calendar-row-${calendar.id}`,
        cells: [
          { key: 'name', content: <Text weight="medium">{calendar.name}</Text> },
          {
            key: 'id',
            content: (
              // Reports name a calendar by this id (calendar=<id>): shown, and one click to copy.
              <Inline space="space.050" alignBlock="center" shouldWrap>
                <Box as="span" xcss={monospace} testId={`calendar-id-${calendar.id}`}>
                  {calendar.id}
                </Box>
                <CopyButton text={calendar.id} label={`Copy the id of ${calendar.name}`} testId="calendar-copy-id" spacing="compact" />
              </Inline>
            ),
          },
          { key: 'zone', content: <Text>{calendar.timeZone}</Text> },
          { key: 'hours', content: <Text size="small">{summarizeWindows(calendar)}</Text> },
          { key: 'holidays', content: <Text>{calendar.holidays.length}</Text> },
          {
            key: 'actions',
            content: (
              <EditDeleteActions
                itemName={calendar.name}
                testIdPrefix="calendar"
                onEdit={() => setAction({ kind: 'edit', calendar })}
                onDelete={() => setAction({ kind: 'delete', calendar })}
              />
            ),
          },
        ],
      }))
    : [];

  return (
    <Stack space="space.200">
      <Inline spread="space-between" alignBlock="center">
        <Text color="color.text.subtle">Working calendars let reports count only working time. A report picks one with calendar=&lt;ID&gt; (or its name).</Text>
        <Button appearance="primary" onClick={() => setAction({ kind: 'create' })} testId="calendar-create">
          Create calendar
        </Button>
      </Inline>
      {state.status === 'failed' ? (
        <ErrorState title="Calendars could not be loaded" error={state.error} onRetry={reload} />
      ) : (
        <DynamicTableStateless
          head={head}
          rows={rows}
          // A refresh after a change keeps the rows on show, without a spinner.
          isLoading={state.status === 'loading' && !calendars}
          loadingLabel="Loading calendars"
          testId="calendars-table"
          emptyView={
            calendars ? (
              <EmptyState header="No calendars yet" headingLevel={2} description="Without a calendar, reports count every hour of every day (normalHours)." />
            ) : undefined
          }
        />
      )}
      <Suspense fallback={null}>
        {action?.kind === 'create' || action?.kind === 'edit' ? (
          <CalendarDialog
            calendar={action.kind === 'edit' ? action.calendar : undefined}
            onClose={() => setAction(undefined)}
            onSaved={(calendar) => done(action.kind === 'edit' ? `Calendar ${calendar.name} saved` : `Calendar ${calendar.name} created`)}
          />
        ) : null}
        {action?.kind === 'delete' ? (
          <ConfirmDialog
            title={`Delete ${action.calendar.name}?`}
            confirmLabel="Delete calendar"
            appearance="danger"
            failureTitle="Calendar not deleted"
            testId="calendar-delete-dialog"
            onClose={() => setAction(undefined)}
            onConfirm={async () => {
              await callResolver('admin/calendars/delete', { id: action.calendar.id });
              done(`Calendar ${action.calendar.name} deleted`);
            }}
          >
            <Text as="p">Reports and tools that ask for this calendar by id or name will be refused. This cannot be undone.</Text>
          </ConfirmDialog>
        ) : null}
      </Suspense>
    </Stack>
  );
}
