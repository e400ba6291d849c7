// The Policy tab's installation IP allow-list section: the installation-wide list of
// addresses and CIDR ranges every token obeys on top of its own. Lines are checked as the
// server checks them, and every bad line is named; an empty list lets calls in from any
// address. It has its own Save: the list is its own setting (admin/ip-allowlist/update),
// not part of the policy document.
import Button from '@atlaskit/button/new';
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import TextArea from '@atlaskit/textarea';
import { useEffect, useState } from 'react';
import { readIpLines } from '../../../src/contract/ip-lines';
import type { IpAllowlistView } from '../../../src/contract/token-restrictions';
import { showErrorFlag, showSuccessFlag } from '../shared/flags';
import { formatDateTime } from '../shared/format';
import { ErrorState, LoadingState } from '../shared/load-states';
import { ResolverCallError, callResolver } from '../shared/resolver-client';
import { useLatestLoad } from '../shared/use-latest-load';

const sentence = (message: string): string => `${message.charAt(0).toUpperCase()}${message.slice(1)}.`;

const narrow = xcss({ maxWidth: '560px' });

export function AdminIpAllowlist() {
  const { state, reload } = useLatestLoad(() => callResolver('admin/ip-allowlist/get', {}), []);
  return (
    <Box xcss={narrow} as="section" testId="ip-allowlist-section">
      <Stack space="space.150">
        <Heading size="small" as="h3">
          Installation IP allow-list
        </Heading>
        {state.status === 'loading' ? <LoadingState label="Loading the IP allow-list" /> : null}
        {state.status === 'failed' ? <ErrorState title="The IP allow-list could not be loaded" error={state.error} onRetry={reload} /> : null}
        {state.status === 'ready' ? <AllowlistForm saved={state.value} /> : null}
      </Stack>
    </Box>
  );
}

function AllowlistForm({ saved: initial }: { saved: IpAllowlistView }) {
  const [saved, setSaved] = useState(initial);
  const [text, setText] = useState(initial.allowedIps.join('\n'));
  const [error, setError] = useState<string | undefined>();
  const [working, setWorking] = useState(false);
  useEffect(() => setText(saved.allowedIps.join('\n')), [saved]);

  const save = async () => {
    const { canonical, problems } = readIpLines(text.split(/\r?\n/), 'allowedIps');
    if (problems.length > 0) return setError(problems.map((problem) => sentence(problem.message)).join(' '));
    setError(undefined);
    setWorking(true);
    try {
      const next = await callResolver('admin/ip-allowlist/update', { allowedIps: canonical });
      setSaved(next);
      showSuccessFlag(
        'IP allow-list saved',
        next.allowedIps.length === 0
          ? 'Tokens work from any address.'
          : `Tokens work only from ${next.allowedIps.length === 1 ? '1 address range' : `${next.allowedIps.length} address ranges`}.`,
      );
    } catch (caught) {
      if (caught instanceof ResolverCallError && caught.field === 'allowedIps') setError(caught.message);
      else showErrorFlag('IP allow-list not saved', caught);
    } finally {
      setWorking(false);
    }
  };

  return (
    <Stack space="space.200" testId="ip-allowlist">
      <Text>
        Every token works only from these addresses, on top of any list its owner set. Calls from anywhere else get the ordinary 401 and show up in REST
        activity as refused, with their address.
      </Text>
      <div>
        <Label htmlFor="ip-allowlist-lines">Allowed IP addresses and ranges</Label>
        <TextArea
          id="ip-allowlist-lines"
          testId="ip-allowlist-lines"
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          placeholder={'203.0.113.0/24\n2001:db8::/32'}
          minimumRows={4}
          resize="vertical"
          isInvalid={Boolean(error)}
        />
        {error ? (
          <ErrorMessage testId="ip-allowlist-error">{error}</ErrorMessage>
        ) : (
          <HelperMessage>
            One IPv4 or IPv6 address or CIDR range a line. Empty: any address.
            {saved.updatedAt ? ` Last changed ${formatDateTime(saved.updatedAt)}.` : ''}
          </HelperMessage>
        )}
      </div>
      <Inline>
        <Button appearance="primary" onClick={() => void save()} isLoading={working} testId="ip-allowlist-save">
          Save IP allow-list
        </Button>
      </Inline>
      <Text size="small" color="color.text.subtle">
        Jira’s own API tokens are not governed here: restrict those in Atlassian Administration (Security › API token controls).
      </Text>
    </Stack>
  );
}
