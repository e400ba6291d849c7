// The user page's expiry banner: the caller's tokens that stop working within the warning
// window (a hygiene setting, 14 days by default), each named, with a one-click "extend" by
// the same lifetime again, within the policy's maximum lifetime (expiry-extension.ts), the
// new expiry named on the button (through tokens/update, so the server's rules apply).
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { useEffect, useState } from 'react';
import type { CallerGovernance, TokenView } from '../../../src/contract/tokens';
import { showErrorFlag, showSuccessFlag } from '../shared/flags';
import { formatExpiry, formatRelative } from '../shared/format';
import { callResolver } from '../shared/resolver-client';
import { extensionOf, type Extension } from './expiry-extension';

const DAY_MS = 86_400_000;

/** The token's name as the table shows it: its notes, else its short id. */
const nameOf = (token: TokenView): string => token.notes.trim() || `Token ${token.id.slice(0, 8)}`;

export function ExpiryBanner({
  tokens,
  now,
  governance,
  onExtended,
}: {
  tokens: readonly TokenView[];
  now: number;
  governance: Pick<CallerGovernance, 'maxLifetimeDays' | 'defaultLifetimeDays'>;
  onExtended: (token: TokenView) => void;
}) {
  const [windowDays, setWindowDays] = useState<number | undefined>();
  const [extending, setExtending] = useState<string | undefined>();
  useEffect(() => {
    callResolver('tokens/expiry-window', {})
      .then((result) => setWindowDays(result.expiryWarningDays))
      .catch(() => setWindowDays(14));
  }, []);
  if (windowDays === undefined) return null;
  const soon = tokens.filter((token) => {
    const left = Date.parse(token.expiresAt) - now;
    return token.active && !token.expired && left > 0 && left <= windowDays * DAY_MS;
  });
  if (soon.length === 0) return null;

  const extend = async (token: TokenView, extension: Extension) => {
    setExtending(token.id);
    try {
      const updated = await callResolver('tokens/update', { id: token.id, expiresAt: extension.expiresAt });
      onExtended(updated);
      showSuccessFlag(`${nameOf(token)} extended`, `It now expires ${formatExpiry(updated.expiresAt)}.`);
    } catch (error) {
      showErrorFlag('Token not extended', error);
    } finally {
      setExtending(undefined);
    }
  };

  return (
    <SectionMessage appearance="warning" title={soon.length === 1 ? 'A token expires soon' : `${soon.length} tokens expire soon`} testId="expiry-banner">
      <Stack space="space.100">
        {soon.map((token) => {
          const extension = extensionOf(token, now, governance);
          return (
            <Inline key={token.id} space="space.100" alignBlock="center" shouldWrap testId={`expiry-banner-${token.id}`}>
              <Text>
                <Text weight="semibold">{nameOf(token)}</Text> stops working {formatRelative(token.expiresAt, now)} ({formatExpiry(token.expiresAt)}).
                {extension?.capped ? ` The token policy's maximum lifetime (${governance.maxLifetimeDays} days) limits the extension.` : ''}
                {extension
                  ? ''
                  : ` The token policy allows tokens at most ${governance.maxLifetimeDays} days, so it cannot be extended; create a new token before then.`}
              </Text>
              {extension ? (
                <Button
                  spacing="compact"
                  onClick={() => void extend(token, extension)}
                  isLoading={extending === token.id}
                  aria-label={`Extend ${nameOf(token)} to ${formatExpiry(extension.expiresAt)}`}
                  testId="expiry-extend"
                >
                  Extend to {formatExpiry(extension.expiresAt)}
                </Button>
              ) : null}
            </Inline>
          );
        })}
      </Stack>
    </SectionMessage>
  );
}
