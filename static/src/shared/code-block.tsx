// Monospace text people copy: wraps anywhere so long tokens never widen the dialog.
import { Box, xcss } from '@atlaskit/primitives';

const block = xcss({
  fontFamily: 'font.family.code',
  font: 'font.code',
  backgroundColor: 'color.background.neutral',
  color: 'color.text',
  borderRadius: 'radius.small',
  padding: 'space.150',
  whiteSpace: 'pre-wrap',
  overflowWrap: 'anywhere',
  margin: 'space.0',
});

export function CodeBlock({ text, testId, label }: { text: string; testId?: string; label: string }) {
  return (
    <Box as="pre" xcss={block} testId={testId} aria-label={label} tabIndex={0}>
      {text}
    </Box>
  );
}
