// The Policy tab's hygiene settings: how long audit events are kept, deactivating tokens
// unused for N days, deleting departed owners' tokens, and the expiry warning window of the
// user page's banner. Stored apart from the token policy (admin/hygiene/*), so it saves on
// its own.
import Button from '@atlaskit/button/new';
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import { useEffect, useState } from 'react';
import type { HygieneSettings } from '../../../src/contract/audit';
import { showErrorFlag, showSuccessFlag } from '../shared/flags';
import { ErrorState, LoadingState } from '../shared/load-states';
import { callResolver, fieldMessage } from '../shared/resolver-client';
import { useLatestLoad } from '../shared/use-latest-load';

const grid = xcss({ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', gap: 'space.200', alignItems: 'start' });

type NumberField = 'auditRetentionDays' | 'staleAfterDays' | 'deleteDeactivatedOwnersAfterDays' | 'expiryWarningDays';
const fields: Array<{ field: NumberField; label: string; help: string; optional: boolean }> = [
  { field: 'auditRetentionDays', label: 'Keep audit events (days)', help: 'Older events are removed by the daily sweep.', optional: false },
  {
    field: 'staleAfterDays',
    label: 'Deactivate tokens unused for (days)',
    help: 'Empty: never. Unused means no successful use since creation or the last use.',
    optional: true,
  },
  { field: 'deleteDeactivatedOwnersAfterDays', label: 'Delete departed owners’ tokens after (days)', help: 'Empty: keep them deactivated.', optional: true },
  { field: 'expiryWarningDays', label: 'Warn before expiry (days)', help: 'Owners see a banner when a token expires within this window.', optional: false },
];

export function HygieneSettingsForm() {
  const { state, shown, reload } = useLatestLoad(() => callResolver('admin/hygiene/get', {}), []);
  const [texts, setTexts] = useState<Record<NumberField, string> | undefined>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    if (shown)
      setTexts(Object.fromEntries(fields.map(({ field }) => [field, shown[field] === null ? '' : String(shown[field])])) as Record<NumberField, string>);
  }, [shown]);

  if (state.status === 'failed') return <ErrorState title="Hygiene settings could not be loaded" error={state.error} onRetry={reload} />;
  if (!texts) return <LoadingState label="Loading hygiene settings" />;

  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      const payload: Partial<HygieneSettings> = {};
      for (const { field, optional } of fields) {
        const text = texts[field].trim();
        const value = text === '' && optional ? null : Number(text);
        Object.assign(payload, { [field]: value });
      }
      await callResolver('admin/hygiene/update', payload);
      reload();
      showSuccessFlag('Hygiene settings saved');
    } catch (failure) {
      setError(failure);
      showErrorFlag('Hygiene settings not saved', failure);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack space="space.200">
      <Heading size="small" as="h2">
        Audit retention and token hygiene
      </Heading>
      <Text color="color.text.subtle">The daily sweep applies these; the expiry window also sets when owners are warned.</Text>
      <Box xcss={grid} testId="hygiene-form">
        {fields.map(({ field, label, help }) => (
          <Stack space="space.050" key={field}>
            <Label htmlFor={`hygiene-${field}`}>{label}</Label>
            <Textfield
              id={`hygiene-${field}`}
              testId={`hygiene-${field}`}
              value={texts[field]}
              onChange={(event) => setTexts({ ...texts, [field]: event.currentTarget.value })}
              inputMode="numeric"
              isCompact
              isInvalid={fieldMessage(error, field) !== undefined}
            />
            {fieldMessage(error, field) ? <ErrorMessage>{fieldMessage(error, field)}</ErrorMessage> : <HelperMessage>{help}</HelperMessage>}
          </Stack>
        ))}
      </Box>
      <Inline>
        <Button appearance="primary" onClick={() => void save()} isLoading={saving} testId="hygiene-save">
          Save hygiene settings
        </Button>
      </Inline>
    </Stack>
  );
}
