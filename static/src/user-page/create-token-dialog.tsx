// Create a token: notes and an expiry. The form is checked with the same schema the
// resolver uses, so people see the server's rules before sending; whatever the server
// still refuses comes back with a field and is shown under that field.
import { Stack } from '@atlaskit/primitives';
import { useState } from 'react';
import { createTokenPayload, NOTES_MAX_LENGTH, type CallerGovernance, type IssuedToken } from '../../../src/contract/tokens';
import { type ExpiryChoice, ExpiryPicker, expiryDateOf, initialPreset } from '../shared/expiry-picker';
import { showErrorFlag } from '../shared/flags';
import { RestrictionFields, readRestrictions, restrictionValueOf } from '../shared/restriction-fields';
import { FormDialog } from '../shared/form-dialog';
import { NotesField, notesTooLong } from '../shared/notes-field';
import { ResolverCallError, callResolver } from '../shared/resolver-client';

export interface CreateTokenDialogProps {
  now: number;
  onClose: () => void;
  onCreated: (issued: IssuedToken) => void;
  /** The token policy's limits for the caller (from app/context). */
  governance?: Pick<CallerGovernance, 'maxLifetimeDays' | 'defaultLifetimeDays' | 'notesRequired'>;
}

type FieldErrors = Partial<Record<'notes' | 'expiresAt' | 'allowedIps' | 'projectKeys', string>>;

export function CreateTokenDialog({ now, onClose, onCreated, governance }: CreateTokenDialogProps) {
  const maxLifetimeDays = governance?.maxLifetimeDays ?? null;
  const [notes, setNotes] = useState('');
  const [expiry, setExpiry] = useState<ExpiryChoice>({ preset: initialPreset(governance?.defaultLifetimeDays, maxLifetimeDays), customDate: '' });
  const [restrictions, setRestrictions] = useState(restrictionValueOf());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [working, setWorking] = useState(false);

  const submit = async () => {
    const expiresAt = expiryDateOf(expiry, now, maxLifetimeDays);
    const notesMissing = Boolean(governance?.notesRequired && !notes.trim());
    if (!expiresAt || notesTooLong(notes) || notesMissing) {
      setErrors({
        ...(expiresAt ? {} : { expiresAt: expiry.customProblem ?? 'Pick the date the token should stop working.' }),
        ...(notesMissing ? { notes: 'Notes are required by your administrator: say what the token is for.' } : {}),
        ...(notesTooLong(notes)
          ? { notes: `Notes must be at most ${NOTES_MAX_LENGTH} characters: shorten them by ${notes.trim().length - NOTES_MAX_LENGTH}.` }
          : {}),
      });
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
        <NotesField
          id="create-token-notes"
          value={notes}
          onChange={(value) => {
            setNotes(value);
            setErrors(({ notes: _fixed, ...rest }) => rest);
          }}
          error={errors.notes}
          help={`${governance?.notesRequired ? 'Required. ' : ''}Helps you and your Jira admins recognise the token later.`}
          placeholder="What uses this token, such as: Power BI cycle time dashboard"
          autoFocus
        />
        <ExpiryPicker
          id="create-token-expiry"
          choice={expiry}
          onChange={(choice) => {
            setExpiry(choice);
            setErrors(({ expiresAt: _fixed, ...rest }) => rest);
          }}
          now={now}
          error={errors.expiresAt}
          maxLifetimeDays={maxLifetimeDays}
        />
        <RestrictionFields idPrefix="create-token" value={restrictions} onChange={setRestrictions} errors={errors} />
      </Stack>
    </FormDialog>
  );
}
