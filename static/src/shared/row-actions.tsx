// The actions at the end of a table row: buttons when the table is wide, one "⋯" menu
// (@atlaskit/dropdown-menu) when it is narrow, so an 800 px wide iframe never stacks three
// buttons per row. Both carry the same accessible names and test ids.
import Button from '@atlaskit/button/new';
import { Inline } from '@atlaskit/primitives';
import type { RowAction } from './row-actions-menu';
import { lazy, Suspense, useEffect, useState } from 'react';

// The menu (and @atlaskit/dropdown-menu) loads only when a narrow viewport needs it.
const RowActionsMenu = lazy(() => import('./row-actions-menu').then((module) => ({ default: module.RowActionsMenu })));

/** Below this viewport width the actions fold into a menu. */
const NARROW_MAX_WIDTH = 1100;

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
      <Suspense fallback={null}>
        <RowActionsMenu actions={actions} menuLabel={menuLabel} />
      </Suspense>
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
