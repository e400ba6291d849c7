// The actions at the end of a table row: buttons when the table is wide, one "⋯" menu
// (@atlaskit/dropdown-menu) when it is narrow, so an 800 px wide iframe never stacks three
// buttons per row. Both carry the same accessible names and test ids.
import Button from '@atlaskit/button/new';
import DropdownMenu, { DropdownItem, DropdownItemGroup } from '@atlaskit/dropdown-menu';
import { Inline } from '@atlaskit/primitives';
import { useEffect, useState } from 'react';

/** Below this viewport width the actions fold into a menu. */
const NARROW_MAX_WIDTH = 1100;

export interface RowAction {
  label: string;
  /** Names the row too, for screen readers: "Edit token c7701610". */
  accessibleName: string;
  onClick: () => void;
  testId: string;
  subtle?: boolean;
}

export function useNarrowViewport(maxWidth = NARROW_MAX_WIDTH): boolean {
  const query = `(max-width: ${maxWidth}px)`;
  const [narrow, setNarrow] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const update = () => setNarrow(list.matches);
    update();
    list.addEventListener('change', update);
    return () => list.removeEventListener('change', update);
  }, [query]);
  return narrow;
}

export function RowActions({ actions, menuLabel, narrow }: { actions: readonly RowAction[]; menuLabel: string; narrow: boolean }) {
  if (narrow) {
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
  return (
    <Inline space="space.050">
      {actions.map((action) => (
        <Button
          key={action.testId}
          spacing="compact"
          appearance={action.subtle ? 'subtle' : 'default'}
          onClick={action.onClick}
          aria-label={action.accessibleName}
          testId={action.testId}
        >
          {action.label}
        </Button>
      ))}
    </Inline>
  );
}
