// The Edit / Delete pair at the end of an admin table row, labelled with the item's name
// for screen readers.
import Button from '@atlaskit/button/new';
import { Inline } from '@atlaskit/primitives';

export interface EditDeleteActionsProps {
  itemName: string;
  /** Prefix of the buttons' test ids: `<prefix>-edit`, `<prefix>-delete`. */
  testIdPrefix: string;
  onEdit: () => void;
  onDelete: () => void;
}

export function EditDeleteActions({ itemName, testIdPrefix, onEdit, onDelete }: EditDeleteActionsProps) {
  return (
    <Inline space="space.050">
      <Button spacing="compact" onClick={onEdit} aria-label={`Edit ${itemName}`} testId={`${testIdPrefix}-edit`}>
        Edit
      </Button>
      <Button spacing="compact" appearance="subtle" onClick={onDelete} aria-label={`Delete ${itemName}`} testId={`${testIdPrefix}-delete`}>
        Delete
      </Button>
    </Inline>
  );
}
