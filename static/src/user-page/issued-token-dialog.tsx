// Shows a new token's text, once. Nothing stores it: the server keeps only a hash, and
// this component forgets it when the dialog closes.
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import type { IssuedToken } from '../../../src/contract/tokens';
import { CopyButton } from '../shared/copy-button';
import { formatExpiry } from '../shared/format';
import { CodeBlock } from '../shared/code-block';
import { curlExample, powerQueryExample } from './rest-examples';

export interface IssuedTokenDialogProps {
  issued: IssuedToken;
  reason: 'created' | 'regenerated';
  restBaseUrl: string;
  onClose: () => void;
  /** Opens the report builder on this example, with this token in its requests. */
  onOpenBuilder?: () => void;
  /** A token manager created it for this user (display name). */
  forName?: string;
}

export function IssuedTokenDialog({ issued, reason, restBaseUrl, onClose, onOpenBuilder, forName }: IssuedTokenDialogProps) {
  const curl = curlExample(restBaseUrl, issued.token);
  const powerQuery = powerQueryExample(restBaseUrl, issued.token);
  return (
    <Modal onClose={onClose} testId="issued-token-dialog" width="large" shouldScrollInViewport>
      <ModalHeader hasCloseButton>
        <ModalTitle>{forName ? `New token for ${forName}` : reason === 'created' ? 'Your new token' : 'Your regenerated token'}</ModalTitle>
      </ModalHeader>
      <ModalBody>
        <Stack space="space.200">
          <SectionMessage appearance="warning" title="Copy this token now">
            <Text as="p">
              This is the only time it is shown. Status Clock keeps only a fingerprint of it, so nobody can show it to you again. If you lose it, regenerate it.
              {reason === 'regenerated' ? ' The previous text of this token has stopped working.' : ''}
            </Text>
          </SectionMessage>
          <Stack space="space.100">
            <CodeBlock text={issued.token} testId="issued-token" label="Token" />
            <Inline space="space.100" alignBlock="center" shouldWrap>
              <CopyButton text={issued.token} label="Copy token" appearance="primary" testId="copy-token" />
              <Text color="color.text.subtle">
                Works until {formatExpiry(issued.tokenInfo.expiresAt)}
                {issued.tokenInfo.notes ? ` · ${issued.tokenInfo.notes}` : ''}
              </Text>
            </Inline>
          </Stack>
          <Heading size="small" as="h3">
            Try it with curl
          </Heading>
          <CodeBlock text={curl} testId="example-curl" label="curl example" />
          <Inline space="space.100">
            <CopyButton text={curl} label="Copy curl example" />
          </Inline>
          <Heading size="small" as="h3">
            Power BI or Excel (Power Query)
          </Heading>
          <Text as="p">Get Data, Blank query, Advanced editor, then paste:</Text>
          <CodeBlock text={powerQuery} testId="example-power-query" label="Power Query example" />
          <Inline space="space.100">
            <CopyButton text={powerQuery} label="Copy Power Query example" />
          </Inline>
          {onOpenBuilder ? (
            <Inline space="space.100" alignBlock="center" shouldWrap>
              <Button onClick={onOpenBuilder} testId="open-report-builder">
                Open in the report builder
              </Button>
              <Text color="color.text.subtle">Change the issues or the report, see the first rows, copy Python or a URL: with this token.</Text>
            </Inline>
          ) : null}
        </Stack>
      </ModalBody>
      <ModalFooter>
        <Button appearance="primary" onClick={onClose} testId="issued-token-done">
          I have copied it
        </Button>
      </ModalFooter>
    </Modal>
  );
}
