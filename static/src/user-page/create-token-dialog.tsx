// Create a token: notes and an expiry. The form is checked with the same schema the
// resolver uses, so people see the server's rules before sending; whatever the server
// still refuses comes back with a field and is shown under that field.
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import { Stack } from '@atlaskit/primitives';
import TextArea from '@atlaskit/textarea';
import { useState } from 'react';
import { createTokenPayload, NOTES_MAX_LENGTH, type IssuedToken } from '../../../src/contract/tokens';
import { type ExpiryChoice, ExpiryPicker, expiryDateOf } from '../shared/expiry-picker';
import { showErrorFlag } from '../shared/flags';
import { RestrictionFields, readRestrictions, restrictionValueOf } from '../shared/restriction-fields';
import { FormDialog } from '../shared/form-dialog';
import { ResolverCallError, callResolver } from '../shared/resolver-client';

export interface CreateTokenDialogProps {
  now: number;
  onClose: () => void;
  onCreated: (issued: IssuedToken) => void;
}

type FieldErrors = Partial<Record<'notes' | 'expiresAt' | 'allowedIps' | 'projectKeys', string>>;

export function CreateTokenDialog({ now, onClose, onCreated }: CreateTokenDialogProps) {
  const [notes, setNotes] = useState('');
  const [expiry, setExpiry] = useState<ExpiryChoice>({ preset: '90d', customDate: '' });
  const [restrictions, setRestrictions] = useState(restrictionValueOf());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [working, setWorking] = useState(false);

  const submit = async () => {
    const expiresAt = expiryDateOf(expiry, now);
    if (!expiresAt) {
      setErrors({ expiresAt: 'Pick the date the token should stop working.' });
      return;
    }
    const { allowedIps, projectKeys, errors: restrictionErrors } = readRestrictions(restrictions);
    if (Object.keys(restrictionErrors).length > 0) return setErrors(restrictionErrors);
    const payload = { expiresAt, ...(notes.trim() ? { notes: notes.trim() } : {}), allowedIps, projectKeys };
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
      if (error instanceof ResolverCallError && ['notes', 'expiresAt', 'allowedIps', 'projectKeys'].includes(error.field ?? '')) {
        setErrors({ [error.field as keyof FieldErrors]: error.message });
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
                Helps you and your Jira admins recognise the token later. {notes.length}/{NOTES_MAX_LENGTH} characters.
              </span>
            </HelperMessage>
          )}
        </div>
        <ExpiryPicker id="create-token-expiry" choice={expiry} onChange={setExpiry} now={now} error={errors.expiresAt} />
        <RestrictionFields idPrefix="create-token" value={restrictions} onChange={setRestrictions} errors={errors} />
      </Stack>
    </FormDialog>
  );
}
