// Create a token: notes and an expiry. The form is checked with the same schema the
// resolver uses, so people see the server's rules before sending; whatever the server
// still refuses comes back with a field and is shown under that field.
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import { Stack } from '@atlaskit/primitives';
import TextArea from '@atlaskit/textarea';
import { useState } from 'react';
import { createTokenPayload, NOTES_MAX_LENGTH, type CallerGovernance, type IssuedToken } from '../../../src/contract/tokens';
import { type ExpiryChoice, ExpiryPicker, expiryDateOf, initialPreset } from '../shared/expiry-picker';
import { showErrorFlag } from '../shared/flags';
import { FormDialog } from '../shared/form-dialog';
import { ResolverCallError, callResolver } from '../shared/resolver-client';

export interface CreateTokenDialogProps {
  now: number;
  onClose: () => void;
  onCreated: (issued: IssuedToken) => void;
  /** The token policy's limits for the caller (from app/context). */
  governance?: Pick<CallerGovernance, 'maxLifetimeDays' | 'defaultLifetimeDays' | 'notesRequired'>;
}

type FieldErrors = Partial<Record<'notes' | 'expiresAt', string>>;

export function CreateTokenDialog({ now, onClose, onCreated, governance }: CreateTokenDialogProps) {
  const maxLifetimeDays = governance?.maxLifetimeDays ?? null;
  const [notes, setNotes] = useState('');
  const [expiry, setExpiry] = useState<ExpiryChoice>({ preset: initialPreset(governance?.defaultLifetimeDays, maxLifetimeDays), customDate: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [working, setWorking] = useState(false);

  const submit = async () => {
    const expiresAt = expiryDateOf(expiry, now, maxLifetimeDays);
    if (governance?.notesRequired && !notes.trim()) {
      setErrors({ notes: 'Notes are required by your administrator: say what the token is for.' });
      return;
    }
    if (!expiresAt) {
      setErrors({ expiresAt: 'Pick the date the token should stop working.' });
      return;
    }
    const payload = { expiresAt, ...(notes.trim() ? { notes: notes.trim() } : {}) };
    const checked = createTokenPayload.safeParse(payload);
    if (!checked.success) {
      const fieldErrors: FieldErrors = {};
      for (const issue of checked.error.issues) {
        const field = issue.path[0];
        if (field === 'notes') fieldErrors.notes = `Notes ${issue.message}.`;
        if (field === 'expiresAt') fieldErrors.expiresAt = 'Pick a valid date.';
      }
      setErrors(fieldErrors);
      return;
    }
    setErrors({});
    setWorking(true);
    try {
      onCreated(await callResolver('tokens/create', checked.data));
    } catch (error) {
      setWorking(false);
      if (error instanceof ResolverCallError && (error.field === 'notes' || error.field === 'expiresAt')) {
        setErrors({ [error.field]: error.message });
      } else {
        showErrorFlag('Token not created', error);
      }
    }
  };

  return (
    <FormDialog
      title="Create new token"
      testId="create-token-dialog"
      width="medium"
      working={working}
      submitLabel="Create token"
      submitTestId="create-token-submit"
      onClose={onClose}
      onSubmit={submit}
    >
      <Stack space="space.200">
        <div>
          <Label htmlFor="create-token-notes">Notes</Label>
          <TextArea
            id="create-token-notes"
            testId="create-token-notes"
            value={notes}
            onChange={(event) => setNotes(event.currentTarget.value)}
            placeholder="What uses this token, such as: Power BI cycle time dashboard"
            minimumRows={2}
            resize="vertical"
            isInvalid={Boolean(errors.notes)}
            aria-describedby="create-token-notes-help"
            autoFocus
          />
          {errors.notes ? (
            <ErrorMessage>{errors.notes}</ErrorMessage>
          ) : (
            <HelperMessage>
              <span id="create-token-notes-help">
                {governance?.notesRequired ? 'Required. ' : ''}Helps you and your Jira admins recognise the token later. {notes.length}/{NOTES_MAX_LENGTH}{' '}
                characters.
              </span>
            </HelperMessage>
          )}
        </div>
        <ExpiryPicker id="create-token-expiry" choice={expiry} onChange={setExpiry} now={now} error={errors.expiresAt} maxLifetimeDays={maxLifetimeDays} />
      </Stack>
    </FormDialog>
  );
}
