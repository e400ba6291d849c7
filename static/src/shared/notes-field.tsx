// The token notes field of the create and edit dialogs. The counter turns into an error the
// moment the text passes the limit (not at submit), saying how much to cut.
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import TextArea from '@atlaskit/textarea';
import { NOTES_MAX_LENGTH } from '../../../src/contract/tokens';

export interface NotesFieldProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  /** The server's (or submit's) message; the length warning needs none. */
  error?: string;
  help?: string;
  placeholder?: string;
  autoFocus?: boolean;
}

export function notesTooLong(notes: string): boolean {
  return notes.trim().length > NOTES_MAX_LENGTH;
}

export function NotesField({ id, value, onChange, error, help, placeholder, autoFocus }: NotesFieldProps) {
  const over = value.trim().length - NOTES_MAX_LENGTH;
  const counter = `${value.length}/${NOTES_MAX_LENGTH} characters`;
  const message = error ?? (over > 0 ? `${counter}: ${over} over the limit. Shorten the notes to ${NOTES_MAX_LENGTH} characters.` : undefined);
  return (
    <div>
      <Label htmlFor={id}>Notes</Label>
      <TextArea
        id={id}
        testId={id}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        placeholder={placeholder}
        minimumRows={2}
        resize="vertical"
        isInvalid={Boolean(message)}
        aria-invalid={message ? true : undefined}
        aria-describedby={`${id}-help`}
        autoFocus={autoFocus}
      />
      {message ? (
        <ErrorMessage testId={`${id}-error`}>
          <span id={`${id}-help`} aria-live="polite">
            {message}
          </span>
        </ErrorMessage>
      ) : (
        <HelperMessage testId={`${id}-counter`}>
          <span id={`${id}-help`}>{help ? `${help} ${counter}.` : `${counter}.`}</span>
        </HelperMessage>
      )}
    </div>
  );
}
