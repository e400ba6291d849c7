// The admin page. Only Jira admins see it in Jira, but any page can call any resolver,
// so the resolvers refuse non-admins; this page just explains the refusal nicely.
import Heading from '@atlaskit/heading';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { useCallback, useEffect, useState } from 'react';
import type { AppContextView } from '../../../src/contract/tokens';
import { ErrorState, LoadingState } from '../shared/load-states';
import { callResolver } from '../shared/resolver-client';
import { AdminTabs } from './admin-tabs';

type LoadState = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; context: AppContextView };

const page = xcss({ maxWidth: '1400px', marginInline: 'auto', paddingInline: 'space.300', paddingBlock: 'space.300' });

export function AdminApp() {
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      setState({ status: 'ready', context: await callResolver('app/context', {}) });
    } catch (error) {
      setState({ status: 'failed', error });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Box xcss={page}>
      <Stack space="space.300">
        <Stack space="space.050">
          <Heading size="large" as="h1">
            Status Clock administration
          </Heading>
          <Text color="color.text.subtle">
            Every user&apos;s API tokens, the working calendars and status groups reports use, and the REST API&apos;s recent requests.
          </Text>
        </Stack>
        {state.status === 'loading' ? <LoadingState label="Loading" /> : null}
        {state.status === 'failed' ? <ErrorState title="Status Clock could not be loaded" error={state.error} onRetry={() => void load()} /> : null}
        {state.status === 'ready' && !state.context.isJiraAdmin ? (
          <SectionMessage appearance="warning" title="Jira administrators only" testId="admin-only">
            <Text as="p">
              Only Jira administrators can see and manage everyone&apos;s tokens. Your own tokens are on the Status Clock page in the Apps menu.
            </Text>
          </SectionMessage>
        ) : null}
        {state.status === 'ready' && state.context.isJiraAdmin ? <AdminTabs restBaseUrl={state.context.restBaseUrl} /> : null}
      </Stack>
    </Box>
  );
}
