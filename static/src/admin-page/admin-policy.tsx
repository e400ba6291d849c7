// The Policy tab: who may create and use tokens, token managers, lifetimes, notes and how
// many tokens one user may hold. The form is checked with the contract's schema before it
// is sent; whatever the server still refuses comes back per field and is shown there.
// Below it, the tokens a lowered maximum lifetime leaves beyond the limit, with one action
// capping them.
import Button from '@atlaskit/button/new';
import Checkbox from '@atlaskit/checkbox';
import DynamicTable from '@atlaskit/dynamic-table';
import EmptyState from '@atlaskit/empty-state';
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { AsyncSelect } from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { useCallback, useEffect, useState } from 'react';
import { policySchema, type Policy, type PolicyView } from '../../../src/contract/policy';
import type { TokenPage } from '../../../src/contract/tokens';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { formatDateTime } from '../shared/format';
import { showErrorFlag, showSuccessFlag } from '../shared/flags';
import { ErrorState, LoadingState } from '../shared/load-states';
import { ResolverCallError, callResolver } from '../shared/resolver-client';
import { ExpiresCell, OwnerCell, TokenIdCell } from '../shared/token-cells';
import { useNow } from '../shared/use-now';
import { AdminIpAllowlist } from './admin-ip-allowlist';
import { HygieneSettingsForm } from './hygiene-settings-form';

interface GroupOption {
  label: string;
  value: string;
}

/** The form as typed: numbers as text until checked, group lists with an on/off switch. */
interface PolicyForm {
  limitCreate: boolean;
  createGroups: GroupOption[];
  limitUse: boolean;
  useGroups: GroupOption[];
  managerGroups: GroupOption[];
  limitLifetime: boolean;
  maxLifetimeDays: string;
  defaultLifetimeDays: string;
  notesRequired: boolean;
  maxActiveTokensPerUser: string;
}

type Errors = Partial<Record<keyof Policy | 'form', string>>;

const narrow = xcss({ maxWidth: '560px' });
const numberField = xcss({ maxWidth: '160px' });

const options = (groups: readonly string[] | null): GroupOption[] => (groups ?? []).map((name) => ({ label: name, value: name }));

function formOf(policy: Policy): PolicyForm {
  return {
    limitCreate: policy.createGroups !== null,
    createGroups: options(policy.createGroups),
    limitUse: policy.useGroups !== null,
    useGroups: options(policy.useGroups),
    managerGroups: options(policy.managerGroups),
    limitLifetime: policy.maxLifetimeDays !== null,
    maxLifetimeDays: String(policy.maxLifetimeDays ?? 365),
    defaultLifetimeDays: String(policy.defaultLifetimeDays),
    notesRequired: policy.notesRequired,
    maxActiveTokensPerUser: String(policy.maxActiveTokensPerUser),
  };
}

const asNumber = (text: string): number | string => (/^\s*\d+\s*$/.test(text) ? Number(text) : text);

function policyOf(form: PolicyForm): unknown {
  return {
    createGroups: form.limitCreate ? form.createGroups.map((group) => group.value) : null,
    useGroups: form.limitUse ? form.useGroups.map((group) => group.value) : null,
    managerGroups: form.managerGroups.map((group) => group.value),
    maxLifetimeDays: form.limitLifetime ? asNumber(form.maxLifetimeDays) : null,
    defaultLifetimeDays: asNumber(form.defaultLifetimeDays),
    notesRequired: form.notesRequired,
    maxActiveTokensPerUser: asNumber(form.maxActiveTokensPerUser),
  };
}

async function searchGroups(query: string): Promise<GroupOption[]> {
  const { groups } = await callResolver('groups/search', { query });
  return groups.map((group) => ({ label: group.name, value: group.name }));
}

function GroupPicker({
  id,
  value,
  onChange,
  error,
  placeholder,
}: {
  id: string;
  value: GroupOption[];
  onChange: (groups: GroupOption[]) => void;
  error?: string | undefined;
  placeholder: string;
}) {
  return (
    <>
      <AsyncSelect<GroupOption, true>
        inputId={id}
        testId={id}
        isMulti
        cacheOptions
        defaultOptions
        loadOptions={(query: string) => searchGroups(query)}
        value={value}
        onChange={(groups) => onChange([...(groups ?? [])])}
        placeholder={placeholder}
        menuPosition="fixed"
        aria-invalid={error ? true : undefined}
      />
      {error ? <ErrorMessage testId={`${id}-error`}>{error}</ErrorMessage> : null}
    </>
  );
}

function errorsOf(issues: ReadonlyArray<{ field: string; message: string }>): Errors {
  const errors: Errors = {};
  for (const issue of issues) {
    const field = issue.field.replace(/^policy\.?/, '').split('.')[0] as keyof Policy | '';
    errors[field === '' ? 'form' : field] ??= `${issue.message.charAt(0).toUpperCase()}${issue.message.slice(1)}.`;
  }
  return errors;
}

function OverLimit({ policy, version }: { policy: Policy; version: number }) {
  const [state, setState] = useState<{ status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; page: TokenPage }>({
    status: 'loading',
  });
  const [confirming, setConfirming] = useState(false);
  const now = useNow();
  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      setState({ status: 'ready', page: await callResolver('admin/policy/over-limit', {}) });
    } catch (error) {
      setState({ status: 'failed', error });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load, version]);

  if (policy.maxLifetimeDays === null) return null;
  return (
    <Stack space="space.150" testId="policy-over-limit">
      <Heading size="small" as="h3">
        Tokens beyond the maximum lifetime
      </Heading>
      {state.status === 'loading' ? <LoadingState label="Loading tokens beyond the limit" /> : null}
      {state.status === 'failed' ? <ErrorState title="Tokens beyond the limit could not be loaded" error={state.error} onRetry={() => void load()} /> : null}
      {state.status === 'ready' && state.page.total === 0 ? (
        <EmptyState
          header="Every token is within the limit"
          headingLevel={4}
          description={`No token expires more than ${policy.maxLifetimeDays} days from today.`}
          testId="policy-over-limit-empty"
        />
      ) : null}
      {state.status === 'ready' && state.page.total > 0 ? (
        <>
          <Inline space="space.200" alignBlock="center" shouldWrap>
            <Text testId="policy-over-limit-count">
              {state.page.total === 1 ? '1 token expires' : `${state.page.total} tokens expire`} later than {policy.maxLifetimeDays} days from today.
            </Text>
            <Button appearance="warning" onClick={() => setConfirming(true)} testId="policy-cap">
              Cap to {policy.maxLifetimeDays} days
            </Button>
          </Inline>
          <DynamicTable
            head={{
              cells: [
                { key: 'owner', content: 'Owner' },
                { key: 'id', content: 'Token ID' },
                { key: 'expires', content: 'Expires at' },
              ],
            }}
            rows={state.page.tokens.map((token) => ({
              key: token.id,
              testId: `policy-over-limit-row-${token.id}`,
              cells: [
                { key: 'owner', content: <OwnerCell token={token} /> },
                { key: 'id', content: <TokenIdCell token={token} /> },
                { key: 'expires', content: <ExpiresCell token={token} now={now} /> },
              ],
            }))}
            testId="policy-over-limit-table"
          />
        </>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          title="Cap token lifetimes?"
          confirmLabel="Cap lifetimes"
          appearance="warning"
          failureTitle="Lifetimes not capped"
          testId="policy-cap-dialog"
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            const result = await callResolver('admin/policy/cap-lifetimes', {});
            setConfirming(false);
            showSuccessFlag(
              result.capped === 1 ? '1 token capped' : `${result.capped} tokens capped`,
              `They now expire at ${formatDateTime(result.expiresAt)}.`,
            );
            void load();
          }}
        >
          <Text as="p">
            Every token expiring later than {policy.maxLifetimeDays} days from today will expire then instead. Owners keep their tokens and can rotate them
            within the limit.
          </Text>
        </ConfirmDialog>
      ) : null}
    </Stack>
  );
}

export function AdminPolicy() {
  const [state, setState] = useState<{ status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; view: PolicyView }>({
    status: 'loading',
  });
  const [form, setForm] = useState<PolicyForm | undefined>();
  const [errors, setErrors] = useState<Errors>({});
  const [working, setWorking] = useState(false);
  const [version, setVersion] = useState(0);

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      const view = await callResolver('admin/policy/get', {});
      setState({ status: 'ready', view });
      setForm(formOf(view.policy));
    } catch (error) {
      setState({ status: 'failed', error });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  if (state.status === 'loading' || (state.status === 'ready' && !form)) return <LoadingState label="Loading the token policy" />;
  if (state.status === 'failed' || !form)
    return <ErrorState title="The token policy could not be loaded" error={state.status === 'failed' ? state.error : undefined} onRetry={() => void load()} />;

  const change = (changes: Partial<PolicyForm>) => setForm({ ...form, ...changes });
  const save = async () => {
    const checked = policySchema.safeParse(policyOf(form));
    if (!checked.success) {
      setErrors(errorsOf(checked.error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message }))));
      return;
    }
    setErrors({});
    setWorking(true);
    try {
      const view = await callResolver('admin/policy/update', { policy: checked.data });
      setState({ status: 'ready', view });
      setForm(formOf(view.policy));
      setVersion((count) => count + 1);
      showSuccessFlag('Token policy saved', 'It applies within 30 seconds.');
    } catch (error) {
      if (error instanceof ResolverCallError && (error.issues.length > 0 || error.field)) {
        setErrors(errorsOf(error.issues.length > 0 ? error.issues : [{ field: error.field ?? '', message: error.message }]));
      } else {
        showErrorFlag('Token policy not saved', error);
      }
    } finally {
      setWorking(false);
    }
  };

  const { view } = state;
  return (
    <Stack space="space.400">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
        noValidate
        data-testid="policy-form"
      >
        <Box xcss={narrow}>
          <Stack space="space.300">
            <Text color="color.text.subtle" testId="policy-updated">
              {view.updatedAt && view.updatedBy
                ? `Last changed by ${view.updatedBy.displayName} on ${formatDateTime(view.updatedAt)}.`
                : 'The default policy applies: nobody has changed it yet.'}
            </Text>
            <Stack space="space.100">
              <Heading size="xsmall" as="h3">
                Who may create tokens
              </Heading>
              <Checkbox
                label="Only members of these groups"
                isChecked={form.limitCreate}
                onChange={() => change({ limitCreate: !form.limitCreate })}
                testId="policy-limit-create"
              />
              {form.limitCreate ? (
                <GroupPicker
                  id="policy-create-groups"
                  value={form.createGroups}
                  onChange={(createGroups) => change({ createGroups })}
                  error={errors.createGroups}
                  placeholder="Pick groups"
                />
              ) : null}
              <HelperMessage>Others see why on their token page. Token managers can still create tokens for them.</HelperMessage>
            </Stack>
            <Stack space="space.100">
              <Heading size="xsmall" as="h3">
                Who may use tokens
              </Heading>
              <Checkbox
                label="Only members of these groups"
                isChecked={form.limitUse}
                onChange={() => change({ limitUse: !form.limitUse })}
                testId="policy-limit-use"
              />
              {form.limitUse ? (
                <GroupPicker
                  id="policy-use-groups"
                  value={form.useGroups}
                  onChange={(useGroups) => change({ useGroups })}
                  error={errors.useGroups}
                  placeholder="Pick groups"
                />
              ) : null}
              <HelperMessage>Tokens of anyone else are refused. Group changes in Jira take effect within 5 minutes.</HelperMessage>
            </Stack>
            <Stack space="space.100">
              <Label htmlFor="policy-manager-groups">Token managers</Label>
              <GroupPicker
                id="policy-manager-groups"
                value={form.managerGroups}
                onChange={(managerGroups) => change({ managerGroups })}
                error={errors.managerGroups}
                placeholder="No groups: Jira admins only"
              />
              <HelperMessage>
                Members see every user&apos;s tokens, create tokens for others and deactivate or delete any token. Jira admins always can.
              </HelperMessage>
            </Stack>
            <Stack space="space.100">
              <Heading size="xsmall" as="h3">
                Lifetimes
              </Heading>
              <Checkbox
                label="Limit how long a token may live"
                isChecked={form.limitLifetime}
                onChange={() => change({ limitLifetime: !form.limitLifetime })}
                testId="policy-limit-lifetime"
              />
              {form.limitLifetime ? (
                <div>
                  <Label htmlFor="policy-max-lifetime">Maximum lifetime (days)</Label>
                  <Box xcss={numberField}>
                    <Textfield
                      id="policy-max-lifetime"
                      testId="policy-max-lifetime"
                      inputMode="numeric"
                      value={form.maxLifetimeDays}
                      onChange={(event) => change({ maxLifetimeDays: event.currentTarget.value })}
                      isInvalid={Boolean(errors.maxLifetimeDays)}
                    />
                  </Box>
                  {errors.maxLifetimeDays ? <ErrorMessage testId="policy-max-lifetime-error">{errors.maxLifetimeDays}</ErrorMessage> : null}
                </div>
              ) : null}
              <div>
                <Label htmlFor="policy-default-lifetime">Default lifetime of new tokens (days)</Label>
                <Box xcss={numberField}>
                  <Textfield
                    id="policy-default-lifetime"
                    testId="policy-default-lifetime"
                    inputMode="numeric"
                    value={form.defaultLifetimeDays}
                    onChange={(event) => change({ defaultLifetimeDays: event.currentTarget.value })}
                    isInvalid={Boolean(errors.defaultLifetimeDays)}
                  />
                </Box>
                {errors.defaultLifetimeDays ? <ErrorMessage testId="policy-default-lifetime-error">{errors.defaultLifetimeDays}</ErrorMessage> : null}
              </div>
            </Stack>
            <Stack space="space.100">
              <Heading size="xsmall" as="h3">
                Tokens
              </Heading>
              <Checkbox
                label="Notes are required"
                isChecked={form.notesRequired}
                onChange={() => change({ notesRequired: !form.notesRequired })}
                testId="policy-notes-required"
              />
              <div>
                <Label htmlFor="policy-max-tokens">Tokens per user that have not expired</Label>
                <Box xcss={numberField}>
                  <Textfield
                    id="policy-max-tokens"
                    testId="policy-max-tokens"
                    inputMode="numeric"
                    value={form.maxActiveTokensPerUser}
                    onChange={(event) => change({ maxActiveTokensPerUser: event.currentTarget.value })}
                    isInvalid={Boolean(errors.maxActiveTokensPerUser)}
                  />
                </Box>
                {errors.maxActiveTokensPerUser ? <ErrorMessage testId="policy-max-tokens-error">{errors.maxActiveTokensPerUser}</ErrorMessage> : null}
              </div>
            </Stack>
            {errors.form ? <ErrorMessage>{errors.form}</ErrorMessage> : null}
            <Inline>
              <Button appearance="primary" type="submit" isLoading={working} testId="policy-save">
                Save policy
              </Button>
            </Inline>
          </Stack>
        </Box>
      </form>
      <HygieneSettingsForm />
      <OverLimit policy={view.policy} version={version} />
      <AdminIpAllowlist />
    </Stack>
  );
}
