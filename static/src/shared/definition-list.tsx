// A two-column list of terms and their descriptions. The CSS reset indents <dl> by 40 px
// and gives <dt> a top margin its <dd> lacks, which put labels below their values; here
// both start at the list's edge and share a baseline.
import { Box, xcss } from '@atlaskit/primitives';
import type { ReactNode } from 'react';

const grid = xcss({
  display: 'grid',
  gridTemplateColumns: 'minmax(96px, max-content) 1fr',
  columnGap: 'space.200',
  rowGap: 'space.100',
  alignItems: 'baseline',
  margin: 'space.0',
  padding: 'space.0',
});
const term = xcss({ margin: 'space.0', padding: 'space.0', font: 'font.body', fontWeight: 'font.weight.semibold' });
const codeTerm = xcss({ margin: 'space.0', padding: 'space.0', font: 'font.body', fontFamily: 'font.family.code' });
const description = xcss({ margin: 'space.0', padding: 'space.0', overflowWrap: 'anywhere' });

export interface DefinitionItem {
  term: string;
  description: ReactNode;
}

export function DefinitionList({ items, codeTerms = false, testId }: { items: readonly DefinitionItem[]; codeTerms?: boolean; testId?: string }) {
  return (
    <Box as="dl" xcss={grid} testId={testId}>
      {items.map((item) => (
        <DefinitionRow key={item.term} item={item} codeTerms={codeTerms} />
      ))}
    </Box>
  );
}

function DefinitionRow({ item, codeTerms }: { item: DefinitionItem; codeTerms: boolean }) {
  return (
    <>
      <Box as="dt" xcss={codeTerms ? codeTerm : term}>
        {item.term}
      </Box>
      <Box as="dd" xcss={description}>
        {item.description}
      </Box>
    </>
  );
}
