// The "⋯" menu of a narrow table row; see row-actions.tsx.
import Button from '@atlaskit/button/new';
import DropdownMenu, { DropdownItem, DropdownItemGroup } from '@atlaskit/dropdown-menu';

export interface RowAction {
  label: string;
  /** Names the row too, for screen readers: "Edit token c7701610". */
  accessibleName: string;
  onClick: () => void;
  testId: string;
  subtle?: boolean;
}

export function RowActionsMenu({ actions, menuLabel }: { actions: readonly RowAction[]; menuLabel: string }) {
  return (
    <DropdownMenu<HTMLButtonElement>
      testId="row-actions"
      shouldRenderToParent
      trigger={({ triggerRef, ...props }) => (
        <Button {...props} ref={triggerRef} spacing="compact" appearance="subtle" aria-label={menuLabel}>
          ⋯
        </Button>
      )}
    >
      <DropdownItemGroup>
        {actions.map((action) => (
          <DropdownItem key={action.testId} onClick={action.onClick} testId={action.testId} aria-label={action.accessibleName}>
            {action.label}
          </DropdownItem>
        ))}
      </DropdownItemGroup>
    </DropdownMenu>
  );
}
