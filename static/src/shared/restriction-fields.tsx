// The restriction fields of the token dialogs: IP addresses and ranges (one a line, each
// checked as the server checks it, bad lines named) and a project picker over the projects
// the owner may browse. The dialogs hold the value; this file reads it into a payload.
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import { Stack, Text } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import TextArea from '@atlaskit/textarea';
import { useEffect, useState } from 'react';
import { readIpLines } from '../../../src/contract/ip-lines';
import { MAX_ALLOWED_IPS, type ProjectView } from '../../../src/contract/token-restrictions';
import type { TokenView } from '../../../src/contract/tokens';
import { callResolver } from './resolver-client';

export interface RestrictionValue {
  /** The textarea's text: one address or CIDR range a line. */
  ipText: string;
  projectKeys: string[];
}

export type RestrictionErrors = Partial<Record<'allowedIps' | 'projectKeys', string>>;

export function restrictionValueOf(token?: Pick<TokenView, 'allowedIps' | 'projectKeys'>): RestrictionValue {
  return { ipText: (token?.allowedIps ?? []).join('\n'), projectKeys: [...(token?.projectKeys ?? [])] };
}

/** The payload fields, or the errors to show (every bad line named, as the server would). */
export function readRestrictions(value: RestrictionValue): { allowedIps: string[]; projectKeys: string[]; errors: RestrictionErrors } {
  const lines = value.ipText.split(/\r?\n/);
  const { canonical, problems } = readIpLines(lines, 'allowedIps');
  const errors: RestrictionErrors = {};
  if (problems.length > 0) errors.allowedIps = problems.map((problem) => `${problem.message[0]?.toUpperCase() ?? ''}${problem.message.slice(1)}.`).join(' ');
  else if (canonical.length > MAX_ALLOWED_IPS) errors.allowedIps = `At most ${MAX_ALLOWED_IPS} addresses or ranges.`;
  return { allowedIps: canonical, projectKeys: value.projectKeys, errors };
}

/** Whether the restrictions differ from the token's, as the edit dialog sends only changes. */
export function restrictionsChanged(token: Pick<TokenView, 'allowedIps' | 'projectKeys'>, read: { allowedIps: string[]; projectKeys: string[] }) {
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, index) => item === b[index]);
  return { allowedIps: !same(token.allowedIps, read.allowedIps), projectKeys: !same(token.projectKeys, read.projectKeys) };
}

interface ProjectOption {
  label: string;
  value: string;
}

type ProjectsState = { kind: 'loading' } | { kind: 'ready'; projects: ProjectView[] } | { kind: 'failed'; message: string };

function useBrowsableProjects(): ProjectsState {
  const [state, setState] = useState<ProjectsState>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    callResolver('projects/list', {}).then(
      (result) => live && setState({ kind: 'ready', projects: result.projects }),
      (error: unknown) => live && setState({ kind: 'failed', message: error instanceof Error ? error.message : 'The projects could not be loaded.' }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

export interface RestrictionFieldsProps {
  /** Prefix of element ids and test ids, e.g. `create-token`. */
  idPrefix: string;
  value: RestrictionValue;
  onChange: (value: RestrictionValue) => void;
  errors: RestrictionErrors;
}

export function RestrictionFields({ idPrefix, value, onChange, errors }: RestrictionFieldsProps) {
  const projects = useBrowsableProjects();
  const known = projects.kind === 'ready' ? projects.projects : [];
  const options: ProjectOption[] = known.map((project) => ({ label: `${project.name} (${project.key})`, value: project.key }));
  // Keys already on the token stay visible even before (or without) the list loading.
  const selected = value.projectKeys.map((key) => options.find((option) => option.value === key) ?? { label: key, value: key });
  const ipsId = `${idPrefix}-allowed-ips`;
  const projectsId = `${idPrefix}-projects`;
  return (
    <Stack space="space.200">
      <div>
        <Label htmlFor={ipsId}>Allowed IP addresses</Label>
        <TextArea
          id={ipsId}
          testId={ipsId}
          value={value.ipText}
          onChange={(event) => onChange({ ...value, ipText: event.currentTarget.value })}
          placeholder={'203.0.113.7\n198.51.100.0/24\n2001:db8::/32'}
          minimumRows={2}
          resize="vertical"
          isInvalid={Boolean(errors.allowedIps)}
          aria-describedby={`${ipsId}-help`}
        />
        {errors.allowedIps ? (
          <ErrorMessage testId={`${ipsId}-error`}>{errors.allowedIps}</ErrorMessage>
        ) : (
          <HelperMessage>
            <span id={`${ipsId}-help`}>One IPv4 or IPv6 address or CIDR range a line. Empty: any address. Calls from anywhere else are refused.</span>
          </HelperMessage>
        )}
      </div>
      <div>
        <Label htmlFor={projectsId}>Projects</Label>
        <Select<ProjectOption, true>
          inputId={projectsId}
          testId={projectsId}
          isMulti
          isLoading={projects.kind === 'loading'}
          options={options}
          value={selected}
          onChange={(chosen) => onChange({ ...value, projectKeys: chosen.map((option) => option.value) })}
          placeholder="All projects you can browse"
          noOptionsMessage={() => (projects.kind === 'failed' ? 'The projects could not be loaded' : 'No projects')}
          isInvalid={Boolean(errors.projectKeys)}
        />
        {errors.projectKeys ? (
          <ErrorMessage testId={`${projectsId}-error`}>{errors.projectKeys}</ErrorMessage>
        ) : projects.kind === 'failed' ? (
          <ErrorMessage>{projects.message}</ErrorMessage>
        ) : (
          <HelperMessage>
            Reports with this token then hold only issues of these projects, whatever the query. Empty: every project you can browse.
          </HelperMessage>
        )}
      </div>
      <Text size="small" color="color.text.subtle">
        The API is read-only: a token can read reports, never change Jira or the app (it can only rotate itself).
      </Text>
    </Stack>
  );
}
