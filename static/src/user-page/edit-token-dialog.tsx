// Edit a token's settings. Only changed fields are sent, so a save that changes nothing
// is simply a close.
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import TextArea from '@atlaskit/textarea';
import Toggle from '@atlaskit/toggle';
import { useState } from 'react';
import { NOTES_MAX_LENGTH, type TokenView, type UpdateTokenPayload } from '../../../src/contract/tokens';
import { type ExpiryChoice, ExpiryPicker, expiryDateOf } from '../shared/expiry-picker';
import { showErrorFlag } from '../shared/flags';
import { FormDialog } from '../shared/form-dialog';
import { ResolverCallError, callResolver } from '../shared/resolver-client';

export interface EditTokenDialogProps {
  token: TokenView;
  now: number;
  onClose: () => void;
  onSaved: (token: TokenView) => void;
  /** The token policy's maximum lifetime in days, for the expiry picker. */
  maxLifetimeDays?: number | null;
}

type FieldErrors = Partial<Record<'notes' | 'expiresAt' | 'active', string>>;

export function EditTokenDialog({ token, now, onClose, onSaved, maxLifetimeDays = null }: EditTokenDialogProps) {
  const [active, setActive] = useState(token.active);
  const [notes, setNotes] = useState(token.notes);
  const [expiry, setExpiry] = useState<ExpiryChoice>({ preset: 'keep', customDate: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [working, setWorking] = useState(false);

  const submit = async () => {
    const changes: Omit<UpdateTokenPayload, 'id'> = {};
    if (active !== token.active) changes.active = active;
    if (notes.trim() !== token.notes) changes.notes = notes.trim();
    const expiresAt = expiryDateOf(expiry, now, maxLifetimeDays);
    if (expiry.preset === 'custom' && !expiresAt) {
      setErrors({ expiresAt: 'Pick the date the token should stop working.' });
      return;
    }
    if (expiresAt) changes.expiresAt = expiresAt;
    if (notes.trim().length > NOTES_MAX_LENGTH) {
      setErrors({ notes: `Notes must be at most ${NOTES_MAX_LENGTH} characters.` });
      return;
    }
    if (Object.keys(changes).length === 0) {
      onClose();
      return;
    }
    setErrors({});
    setWorking(true);
    try {
      onSaved(await callResolver('tokens/update', { id: token.id, ...changes }));
    } catch (error) {
      setWorking(false);
      if (error instanceof ResolverCallError && (error.field === 'notes' || error.field === 'expiresAt' || error.field === 'active')) {
        setErrors({ [error.field]: error.message });
      } else {
        showErrorFlag('Token not updated', error);
      }
    }
  };

  return (
    <FormDialog
      title={`Edit token ${token.id.slice(0, 8)}`}
      testId="edit-token-dialog"
      width="medium"
      working={working}
      submitLabel="Save"
      submitTestId="edit-token-submit"
      onClose={onClose}
      onSubmit={submit}
    >
      <Stack space="space.200">
        {token.deactivatedBy === 'administrator' ? (
          // A deactivation by an admin or token manager sticks: no switch for the owner.
          <Text testId="edit-token-deactivated-by-administrator">
            Deactivated by an administrator. Only a Jira administrator or token manager can turn it back on.
          </Text>
        ) : (
          <div>
            <Inline space="space.100" alignBlock="center">
              <Toggle id="edit-token-active" testId="edit-token-active" isChecked={active} onChange={() => setActive(!active)} label="Active" />
              <Label htmlFor="edit-token-active">Active</Label>
            </Inline>
            {errors.active ? (
              <ErrorMessage>{errors.active}</ErrorMessage>
            ) : (
              <HelperMessage>
                {active ? 'Tools using this token can fetch reports.' : 'Requests with this token are refused until you turn it back on.'}
              </HelperMessage>
            )}
          </div>
        )}
        {token.expired ? <Text color="color.text.warning">This token has expired. Pick a new expiry to use it again.</Text> : null}
        <ExpiryPicker
          id="edit-token-expiry"
          choice={expiry}
          onChange={setExpiry}
          now={now}
          currentExpiry={token.expiresAt}
          error={errors.expiresAt}
          maxLifetimeDays={maxLifetimeDays}
        />
        <div>
          <Label htmlFor="edit-token-notes">Notes</Label>
          <TextArea
            id="edit-token-notes"
            testId="edit-token-notes"
            value={notes}
            onChange={(event) => setNotes(event.currentTarget.value)}
            minimumRows={2}
            resize="vertical"
            isInvalid={Boolean(errors.notes)}
          />
          {errors.notes ? (
            <ErrorMessage>{errors.notes}</ErrorMessage>
          ) : (
            <HelperMessage>
              {notes.length}/{NOTES_MAX_LENGTH} characters.
            </HelperMessage>
          )}
        </div>
      </Stack>
    </FormDialog>
  );
}
