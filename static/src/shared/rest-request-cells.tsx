// Cells of a REST request row, shared by the admin's activity tab and the owner's token
// details: the status lozenge and, for a failure, the message under the request.
import Lozenge, { type ThemeAppearance } from '@atlaskit/lozenge';
import { Box, Text, xcss } from '@atlaskit/primitives';
import type { RestActivityView } from '../../../src/contract/rest-activity';

const messageText = xcss({ overflowWrap: 'anywhere' });

function statusAppearance(status: number): ThemeAppearance {
  if (status >= 200 && status < 300) return 'success';
  if (status >= 500) return 'removed';
  if (status >= 400) return 'moved';
  return 'default';
}

export function RequestStatus({ status }: { status: number }) {
  return <Lozenge appearance={statusAppearance(status)}>{String(status)}</Lozenge>;
}

/** What a failed request was told, or for a refused token which check failed (the caller only got the one 401 message). */
export function RequestMessage({ request }: { request: Pick<RestActivityView, 'message' | 'refusal'> }) {
  if (request.message === null) return null;
  return (
    <Box as="span" xcss={messageText} testId="activity-message">
      <Text size="small" color={request.refusal !== null ? 'color.text.danger' : 'color.text.subtle'}>
        {request.refusal !== null ? `Refused: ${request.message}` : request.message}
      </Text>
    </Box>
  );
}
