// Loading and error placeholders shared by every page section.
import { Box, Flex, xcss } from '@atlaskit/primitives';
import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { messageOf } from './resolver-client';

const centred = xcss({ paddingBlock: 'space.600', justifyContent: 'center' });

export function LoadingState({ label }: { label: string }) {
  return (
    <Flex xcss={centred} testId="loading">
      <Spinner size="large" label={label} />
    </Flex>
  );
}

export function ErrorState({ title, error, onRetry }: { title: string; error: unknown; onRetry?: () => void }) {
  return (
    <Box paddingBlock="space.200">
      <SectionMessage
        appearance="error"
        title={title}
        actions={
          onRetry
            ? [
                <SectionMessageAction key="retry" onClick={onRetry}>
                  Try again
                </SectionMessageAction>,
              ]
            : []
        }
      >
        <p>{messageOf(error)}</p>
      </SectionMessage>
    </Box>
  );
}
