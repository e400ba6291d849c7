// Monospace text people copy: wraps anywhere so long tokens never widen the dialog. The
// body font's line height (not the code token's, which sets lines almost touching) keeps
// wrapped tokens and multi-line curl commands readable.
import { Box, xcss } from '@atlaskit/primitives';

const block = xcss({
  font: 'font.body',
  fontFamily: 'font.family.code',
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
