// The user page: the caller's tokens, token actions, and how to call the REST API; for
// token managers a second tab with every user's tokens. Dialogs are loaded on first use:
// the table must appear fast, forms can wait a moment. What the token policy allows the
// caller comes with app/context and is shown (why creating is not allowed, the limits).

import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import type { AppContextView, TokenView } from '../../../src/contract/tokens';
import { showSuccessFlag } from '../shared/flags';
import { ErrorState, LoadingState } from '../shared/load-states';
import { callResolver } from '../shared/resolver-client';
import { useNow } from '../shared/use-now';
import type { BuilderOpening } from './report-builder/report-builder-panel';
import { FIRST_REPORT_PARAMS } from './rest-examples';
import { ExpiryBanner } from './expiry-banner';
import { RestApiPanel } from './rest-api-panel';
import { TokenTable } from './token-table';
import type { DialogState } from './dialog-state';

const CreateTokenDialog = lazy(() => import('./create-token-dialog').then((module) => ({ default: module.CreateTokenDialog })));
const IssuedTokenDialog = lazy(() => import('./issued-token-dialog').then((module) => ({ default: module.IssuedTokenDialog })));
const EditTokenDialog = lazy(() => import('./edit-token-dialog').then((module) => ({ default: module.EditTokenDialog })));
const DeleteTokenDialog = lazy(() => import('./delete-token-dialog').then((module) => ({ default: module.DeleteTokenDialog })));
const ReportBuilderPanel = lazy(() => import('./report-builder/report-builder-panel').then((module) => ({ default: module.ReportBuilderPanel })));
const TokenHistoryDialog = lazy(() => import('./token-history-dialog').then((module) => ({ default: module.TokenHistoryDialog })));
const TokenManagerTab = lazy(() => import('./token-manager-tab').then((module) => ({ default: module.TokenManagerTab })));
const RegenerateTokenDialog = lazy(() => import('./regenerate-token-dialog').then((module) => ({ default: module.RegenerateTokenDialog })));

type LoadState = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; context: AppContextView; tokens: TokenView[] };

const tabPanel = xcss({ width: '100%', paddingBlockStart: 'space.200' });
const page = xcss({ maxWidth: '1200px', marginInline: 'auto', paddingInline: 'space.300', paddingBlock: 'space.300' });

export function UserApp() {
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [dialog, setDialog] = useState<DialogState>({ kind: 'none' });
  const [builderOpening, setBuilderOpening] = useState<BuilderOpening | undefined>();
  const now = useNow();

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      const [context, list] = await Promise.all([callResolver('app/context', {}), callResolver('tokens/list', {})]);
      setState({ status: 'ready', context, tokens: list.tokens });
    } catch (error) {
      setState({ status: 'failed', error });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  // Replaces or removes one token in place: no reload flicker after each action.
  const upsertToken = useCallback((token: TokenView) => {
    setState((current) => {
      if (current.status !== 'ready') return current;
      const exists = current.tokens.some((candidate) => candidate.id === token.id);
      const tokens = exists ? current.tokens.map((candidate) => (candidate.id === token.id ? token : candidate)) : [token, ...current.tokens];
      return { ...current, tokens };
    });
  }, []);
  const removeToken = useCallback((id: string) => {
    setState((current) => (current.status === 'ready' ? { ...current, tokens: current.tokens.filter((token) => token.id !== id) } : current));
  }, []);
  const close = useCallback(() => setDialog({ kind: 'none' }), []);

  return (
    <Box xcss={page}>
      <Stack space="space.300">
        <Inline spread="space-between" alignBlock="center" shouldWrap space="space.200">
          <Stack space="space.050">
            <Heading size="large" as="h1">
              API tokens
            </Heading>
            <Text color="color.text.subtle">Tokens let your scripts and reporting tools fetch Time in Status reports as you.</Text>
          </Stack>
          {state.status === 'ready' && state.context.governance.mayCreate ? (
            // With no tokens the empty state's button is the one primary action on the page.
            <Button appearance={state.tokens.length === 0 ? 'default' : 'primary'} onClick={() => setDialog({ kind: 'create' })} testId="create-token">
              Create new token
            </Button>
          ) : null}
        </Inline>
        {state.status === 'loading' ? <LoadingState label="Loading your tokens" /> : null}
        {state.status === 'failed' ? <ErrorState title="Your tokens could not be loaded" error={state.error} onRetry={() => void load()} /> : null}
        {state.status === 'ready' ? (
          <UserTabs
            context={state.context}
            mine={
              <Stack space="space.300">
                {state.context.governance.createRefusal ? (
                  <SectionMessage appearance="information" title="You cannot create tokens" testId="create-refusal">
                    <Text as="p">{state.context.governance.createRefusal}</Text>
                  </SectionMessage>
                ) : null}
                <ExpiryBanner tokens={state.tokens} now={now} governance={state.context.governance} onExtended={upsertToken} />
                <TokenTable tokens={state.tokens} now={now} onAction={setDialog} />
                <Suspense fallback={<LoadingState label="Loading the report builder" />}>
                  <ReportBuilderPanel restBaseUrl={state.context.restBaseUrl} opening={builderOpening} />
                </Suspense>
                <RestApiPanel restBaseUrl={state.context.restBaseUrl} />
              </Stack>
            }
          />
        ) : null}
      </Stack>
      <Suspense fallback={null}>
        {dialog.kind === 'create' ? (
          <CreateTokenDialog
            now={now}
            {...(state.status === 'ready' ? { governance: state.context.governance } : {})}
            onClose={close}
            onCreated={(issued) => {
              upsertToken(issued.tokenInfo);
              setDialog({ kind: 'issued', issued, reason: 'created' });
            }}
          />
        ) : null}
        {dialog.kind === 'issued' && state.status === 'ready' ? (
          <IssuedTokenDialog
            issued={dialog.issued}
            reason={dialog.reason}
            restBaseUrl={state.context.restBaseUrl}
            onClose={close}
            onOpenBuilder={() => {
              // The builder keeps the token in memory only, for its copied requests.
              setBuilderOpening({ at: Date.now(), params: FIRST_REPORT_PARAMS, token: dialog.issued.token });
              close();
            }}
          />
        ) : null}
        {dialog.kind === 'edit' ? (
          <EditTokenDialog
            token={dialog.token}
            now={now}
            maxLifetimeDays={state.status === 'ready' ? state.context.governance.maxLifetimeDays : null}
            onClose={close}
            onSaved={(token) => {
              upsertToken(token);
              close();
              showSuccessFlag('Token updated');
            }}
          />
        ) : null}
        {dialog.kind === 'delete' ? (
          <DeleteTokenDialog
            token={dialog.token}
            onClose={close}
            onDeleted={(id) => {
              removeToken(id);
              close();
              showSuccessFlag('Token deleted', 'Tools that used it can no longer fetch reports.');
            }}
          />
        ) : null}
        {dialog.kind === 'history' ? <TokenHistoryDialog token={dialog.token} onClose={close} /> : null}
        {dialog.kind === 'regenerate' ? (
          <RegenerateTokenDialog
            token={dialog.token}
            onClose={close}
            onRegenerated={(issued) => {
              upsertToken(issued.tokenInfo);
              setDialog({ kind: 'issued', issued, reason: 'regenerated' });
            }}
          />
        ) : null}
      </Suspense>
    </Box>
  );
}

/** The caller's own tokens, plus the Token manager tab for managers and Jira admins. */
function UserTabs({ context, mine }: { context: AppContextView; mine: ReactNode }) {
  if (!context.governance.isTokenManager) return mine;
  return (
    <Tabs id="user-tabs" testId="user-tabs">
      <TabList>
        <Tab testId="user-tab-mine">My tokens</Tab>
        <Tab testId="user-tab-manager">Token manager</Tab>
      </TabList>
      <TabPanel>
        <Box xcss={tabPanel}>{mine}</Box>
      </TabPanel>
      <TabPanel>
        <Box xcss={tabPanel}>
          <Suspense fallback={<LoadingState label="Loading every user's tokens" />}>
            <TokenManagerTab governance={context.governance} restBaseUrl={context.restBaseUrl} />
          </Suspense>
        </Box>
      </TabPanel>
    </Tabs>
  );
}
