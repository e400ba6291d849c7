// "Build a report": choose the issues, the report type, statuses or groups, calendar, view
// format and output type; see the first rows, run as the signed-in user through the same
// parser and report service as the REST API; copy the exact request. A saved parameter set
// can be loaded into the form, and the show-once dialog opens it with the new token.
import Button from '@atlaskit/button/new';
import { HelperMessage, Label } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Select from '@atlaskit/select';
import TextArea from '@atlaskit/textarea';
import { router } from '@forge/bridge';
import { useEffect, useRef, useState } from 'react';
import type { BuilderOptions, ProjectView, ReportPreview } from '../../../../src/contract/report-builder';
import { ErrorState, LoadingState } from '../../shared/load-states';
import { callResolver, ResolverCallError } from '../../shared/resolver-client';
import { useLatestLoad } from '../../shared/use-latest-load';
import type { RequestParams } from '../rest-examples';
import {
  BETWEEN,
  DEFAULT_CALENDAR,
  INITIAL_STATE,
  paramRecord,
  paramsOf,
  loadSet,
  stateFromRequest,
  type BuilderState,
  type IssueSource,
} from './builder-state';
import { FilterPicker } from './filter-picker';
import { PreviewTable } from './preview-table';
import { outputTypeLabel, reportTypeLabel, VIEW_FORMATS } from './report-labels';
import { RequestExamples } from './request-examples';

const panel = xcss({
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
  padding: 'space.300',
  backgroundColor: 'elevation.surface.raised',
});
const fields = xcss({ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', columnGap: 'space.200', rowGap: 'space.200' });
const wide = xcss({ gridColumn: '1 / -1' });

interface Option {
  value: string;
  label: string;
}

/** How the show-once dialog (or anything else) opens the builder: a start and, maybe, the new token. */
export interface BuilderOpening {
  /** Changes on every opening, so opening twice with the same request still scrolls. */
  at: number;
  params: RequestParams;
  token?: string;
}

type PreviewState = { status: 'idle' } | { status: 'running' } | { status: 'failed'; problems: string[] } | { status: 'ready'; preview: ReportPreview };

const SOURCES: Array<{ value: IssueSource; label: string }> = [
  { value: 'project', label: 'A project' },
  { value: 'jql', label: 'A JQL query' },
  { value: 'filter', label: 'A saved filter' },
];

function problemsOf(error: unknown): string[] {
  if (error instanceof ResolverCallError && error.issues.length > 0) return error.issues.map((issue) => `${issue.field}: ${issue.message}`);
  return [error instanceof ResolverCallError ? error.message : 'The preview could not be run. Try again in a moment.'];
}

/** Options for ids, plus any value (a name from a saved set) that names no option, shown as it is. */
function chosen(options: Option[], values: readonly string[]): Option[] {
  return values.map((value) => options.find((option) => option.value === value || option.label === value) ?? { value, label: value });
}

export interface ReportBuilderPanelProps {
  restBaseUrl: string;
  opening: BuilderOpening | undefined;
}

export function ReportBuilderPanel({ restBaseUrl, opening }: ReportBuilderPanelProps) {
  const [state, setState] = useState<BuilderState>(INITIAL_STATE);
  const [token, setToken] = useState<string | undefined>();
  const [loadedSet, setLoadedSet] = useState<string | undefined>();
  const [preview, setPreview] = useState<PreviewState>({ status: 'idle' });
  const section = useRef<HTMLDivElement>(null);
  const {
    state: loadState,
    shown,
    reload,
  } = useLatestLoad(async () => {
    // Without the project list the builder still works with JQL or a filter: that failure is shown at the picker.
    const [options, projects] = await Promise.all([
      callResolver('builder/options', {}),
      callResolver('builder/projects', {}).then(
        (answer) => answer.projects,
        () => undefined,
      ),
    ]);
    return { options, projects };
  }, []);

  useEffect(() => {
    if (!opening) return;
    setState(stateFromRequest(opening.params));
    setToken(opening.token);
    setLoadedSet(undefined);
    setPreview({ status: 'idle' });
    section.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    section.current?.focus({ preventScroll: true });
  }, [opening]);

  // A project picker that starts empty makes a request that cannot run: start on the first project.
  const firstProject = shown?.projects?.[0]?.key;
  useEffect(() => {
    if (firstProject) setState((current) => (current.source === 'project' && current.projectKey === '' ? { ...current, projectKey: firstProject } : current));
  }, [firstProject]);

  const update = (change: Partial<BuilderState>) => {
    setState((current) => ({ ...current, ...change }));
  };
  const params = paramsOf(state);

  const run = async () => {
    setPreview({ status: 'running' });
    try {
      setPreview({ status: 'ready', preview: await callResolver('reports/preview', { params: paramRecord(params) }) });
    } catch (error) {
      setPreview({ status: 'failed', problems: problemsOf(error) });
    }
  };

  return (
    <Box xcss={panel} as="section" testId="report-builder" aria-labelledby="report-builder-title">
      <div ref={section} tabIndex={-1} id="report-builder">
        <Stack space="space.200">
          <Heading size="medium" as="h2" id="report-builder-title">
            Build a report
          </Heading>
          <Text>
            Choose what to report on, see the first rows, then copy the request into curl, Power BI, Excel or Python. Reports run with your Jira permissions.
          </Text>
          {loadState.status === 'failed' ? <ErrorState title="The report builder could not be loaded" error={loadState.error} onRetry={reload} /> : null}
          {!shown && loadState.status === 'loading' ? <LoadingState label="Loading the report builder" /> : null}
          {shown ? (
            <BuilderForm
              state={state}
              options={shown.options}
              projects={shown.projects}
              loadedSet={loadedSet}
              onChange={update}
              onLoadSet={(set) => {
                setState((current) => loadSet(current, set.params));
                setLoadedSet(set.name);
                setPreview({ status: 'idle' });
              }}
            />
          ) : null}
          <Inline space="space.100" alignBlock="center">
            <Button appearance="primary" onClick={() => void run()} isLoading={preview.status === 'running'} testId="builder-run" isDisabled={!shown}>
              Show first rows
            </Button>
          </Inline>
          {preview.status === 'failed' ? (
            <SectionMessage appearance="error" title="The report cannot run with these choices" testId="builder-problems">
              <Box as="ul">
                {preview.problems.map((problem) => (
                  <li key={problem}>
                    <Text>{problem}</Text>
                  </li>
                ))}
              </Box>
            </SectionMessage>
          ) : null}
          {preview.status === 'ready' ? <PreviewTable preview={preview.preview} /> : null}
          <Heading size="small" as="h3">
            The request
          </Heading>
          <RequestExamples restBaseUrl={restBaseUrl} params={params} token={token} />
        </Stack>
      </div>
    </Box>
  );
}

interface BuilderFormProps {
  state: BuilderState;
  options: BuilderOptions;
  /** Undefined when Jira could not list them. */
  projects: ProjectView[] | undefined;
  loadedSet: string | undefined;
  onChange: (change: Partial<BuilderState>) => void;
  onLoadSet: (set: BuilderOptions['paramSets'][number]) => void;
}

function BuilderForm({ state, options, projects, loadedSet, onChange, onLoadSet }: BuilderFormProps) {
  const projectOptions: Option[] = (projects ?? []).map((project) => ({ value: project.key, label: `${project.name} (${project.key})` }));
  const statusOptions: Option[] = options.statuses.map((status) => ({ value: status.id, label: status.name }));
  const groupOptions: Option[] = options.statusGroups.map((group) => ({ value: group.id, label: group.name }));
  const calendarOptions: Option[] = [
    { value: DEFAULT_CALENDAR, label: 'Around the clock (24x7)' },
    ...options.calendars.map((c) => ({ value: c.id, label: c.name })),
  ];
  const typeOptions: Option[] = options.reportTypes.map((id) => ({ value: id, label: reportTypeLabel(id) }));
  const outputOptions: Option[] = options.outputTypes.map((id) => ({ value: id, label: outputTypeLabel(id) }));
  const sourceOptions: Option[] = state.source === 'set' ? [...SOURCES, { value: 'set', label: 'As the loaded set chooses them' }] : SOURCES;
  const setOptions: Option[] = options.paramSets.map((set) => ({ value: set.id, label: set.name }));
  const single = (list: Option[], value: string) => chosen(list, [value])[0] ?? null;
  const issueSearchUrl = `/issues/?jql=${encodeURIComponent(state.jql)}`;

  return (
    <Box xcss={fields}>
      {setOptions.length > 0 ? (
        <Box xcss={wide}>
          <Label htmlFor="builder-param-set">Start from a saved parameter set</Label>
          <Select<Option>
            inputId="builder-param-set"
            testId="builder-param-set"
            options={setOptions}
            value={setOptions.find((option) => option.label === loadedSet) ?? null}
            placeholder="Pick a set your Jira administrators saved"
            onChange={(option) => {
              const set = options.paramSets.find((candidate) => candidate.id === option?.value);
              if (set) onLoadSet(set);
            }}
          />
          <HelperMessage>Loading a set fills in the choices below; change any of them afterwards.</HelperMessage>
        </Box>
      ) : null}
      <div>
        <Label htmlFor="builder-source">Issues from</Label>
        <Select<Option>
          inputId="builder-source"
          testId="builder-source"
          options={sourceOptions}
          value={single(sourceOptions, state.source)}
          onChange={(option) => option && onChange({ source: option.value as IssueSource })}
        />
      </div>
      {state.source === 'project' ? (
        <div>
          <Label htmlFor="builder-project">Project</Label>
          <Select<Option>
            inputId="builder-project"
            testId="builder-project"
            options={projectOptions}
            value={state.projectKey ? single(projectOptions, state.projectKey) : null}
            placeholder={
              !projects ? 'Projects could not be listed: use JQL instead' : projectOptions.length === 0 ? 'You may browse no project' : 'Pick a project'
            }
            onChange={(option) => onChange({ projectKey: option?.value ?? '' })}
          />
        </div>
      ) : null}
      {state.source === 'jql' ? (
        <Box xcss={wide}>
          <Label htmlFor="builder-jql">JQL query</Label>
          <TextArea
            id="builder-jql"
            testId="builder-jql"
            value={state.jql}
            minimumRows={2}
            resize="vertical"
            onChange={(event) => onChange({ jql: event.currentTarget.value })}
          />
          <HelperMessage>
            <span>
              Write and check the query in{' '}
              <a
                href={issueSearchUrl}
                target="_blank"
                rel="noopener noreferrer"
                onClick={(event) => {
                  // Jira's iframe sandbox may block plain new-tab links; the bridge asks Jira to open it.
                  event.preventDefault();
                  void router.open(issueSearchUrl);
                }}
              >
                Jira&apos;s issue search
              </a>
              , then paste it here.
            </span>
          </HelperMessage>
        </Box>
      ) : null}
      {state.source === 'filter' ? <FilterPicker filterId={state.filterId} onChange={(filterId) => onChange({ filterId })} /> : null}
      <div>
        <Label htmlFor="builder-type">Report type</Label>
        <Select<Option>
          inputId="builder-type"
          testId="builder-type"
          options={typeOptions}
          value={single(typeOptions, state.columnsBy)}
          onChange={(option) => option && onChange({ columnsBy: option.value })}
        />
      </div>
      <div>
        <Label htmlFor="builder-statuses">Statuses</Label>
        <Select<Option, true>
          inputId="builder-statuses"
          testId="builder-statuses"
          isMulti
          options={statusOptions}
          value={chosen(statusOptions, state.statuses)}
          placeholder="Every status"
          onChange={(selected) => onChange({ statuses: selected.map((option) => option.value) })}
        />
      </div>
      <div>
        <Label htmlFor="builder-groups">Status groups</Label>
        <Select<Option, true>
          inputId="builder-groups"
          testId="builder-groups"
          isMulti
          options={groupOptions}
          value={chosen(groupOptions, state.groups)}
          placeholder={groupOptions.length === 0 ? 'No status groups yet' : 'No groups'}
          onChange={(selected) => onChange({ groups: selected.map((option) => option.value) })}
        />
      </div>
      {state.columnsBy === BETWEEN ? (
        <>
          <div>
            <Label htmlFor="builder-from">From statuses</Label>
            <Select<Option, true>
              inputId="builder-from"
              isMulti
              options={statusOptions}
              value={chosen(statusOptions, state.fromStatuses)}
              placeholder="From creation"
              onChange={(selected) => onChange({ fromStatuses: selected.map((option) => option.value) })}
            />
          </div>
          <div>
            <Label htmlFor="builder-to">To statuses</Label>
            <Select<Option, true>
              inputId="builder-to"
              isMulti
              options={statusOptions}
              value={chosen(statusOptions, state.toStatuses)}
              placeholder="Pick where the time stops"
              onChange={(selected) => onChange({ toStatuses: selected.map((option) => option.value) })}
            />
          </div>
        </>
      ) : null}
      <div>
        <Label htmlFor="builder-calendar">Calendar</Label>
        <Select<Option>
          inputId="builder-calendar"
          testId="builder-calendar"
          options={calendarOptions}
          value={single(calendarOptions, state.calendar)}
          onChange={(option) => option && onChange({ calendar: option.value })}
        />
      </div>
      <div>
        <Label htmlFor="builder-view-format">Show times in</Label>
        <Select<Option>
          inputId="builder-view-format"
          testId="builder-view-format"
          options={VIEW_FORMATS}
          value={single(VIEW_FORMATS, state.viewFormat)}
          onChange={(option) => option && onChange({ viewFormat: option.value })}
        />
      </div>
      <div>
        <Label htmlFor="builder-output-type">Output type</Label>
        <Select<Option>
          inputId="builder-output-type"
          testId="builder-output-type"
          options={outputOptions}
          value={single(outputOptions, state.outputType)}
          onChange={(option) => option && onChange({ outputType: option.value })}
        />
        <HelperMessage>The preview is always a table; this changes what the request answers with.</HelperMessage>
      </div>
      {state.extra.length > 0 ? (
        <Box xcss={wide} testId="builder-extra">
          <Text weight="medium">More parameters from the set</Text>
          <Stack space="space.050">
            {state.extra.map(([name, value], index) => (
              <Inline key={`${name}-${index}`} space="space.100" alignBlock="center">
                <Text>
                  <code>{name}</code> = {value}
                </Text>
                <Button
                  spacing="compact"
                  appearance="subtle"
                  aria-label={`Remove the parameter ${name}`}
                  onClick={() => onChange({ extra: state.extra.filter((_, other) => other !== index) })}
                >
                  Remove
                </Button>
              </Inline>
            ))}
          </Stack>
        </Box>
      ) : null}
    </Box>
  );
}
