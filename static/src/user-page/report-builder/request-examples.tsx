// The exact request for the report on show, ready to copy: curl, Power Query (Power BI and
// Excel), Python requests and the plain URL, all from rest-examples.ts (one source with the
// show-once dialog). The token text is in them only when the page holds it: just created.
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { CodeBlock } from '../../shared/code-block';
import { CopyButton } from '../../shared/copy-button';
import { curlRequest, powerQueryRequest, pythonRequest, requestUrl, TOKEN_PLACEHOLDER, type RequestParams } from '../rest-examples';

const panel = xcss({ width: '100%', paddingBlockStart: 'space.150' });

export interface RequestExamplesProps {
  restBaseUrl: string;
  params: RequestParams;
  /** The token's text while the page holds it (just created); otherwise a placeholder is shown. */
  token: string | undefined;
}

export function RequestExamples({ restBaseUrl, params, token }: RequestExamplesProps) {
  const tokenText = token ?? TOKEN_PLACEHOLDER;
  const examples = [
    { id: 'curl', tab: 'curl', label: 'curl request', text: curlRequest(restBaseUrl, tokenText, params) },
    { id: 'power-query', tab: 'Power BI / Excel', label: 'Power Query request', text: powerQueryRequest(restBaseUrl, tokenText, params) },
    { id: 'python', tab: 'Python', label: 'Python request', text: pythonRequest(restBaseUrl, tokenText, params) },
    { id: 'url', tab: 'URL', label: 'Request URL', text: requestUrl(restBaseUrl, params) },
  ];
  return (
    <Stack space="space.100">
      <Text color="color.text.subtle">
        {token
          ? 'These requests hold the token you just created: keep them as private as the token.'
          : `Replace ${TOKEN_PLACEHOLDER} with one of your tokens. The URL needs the token in an Authorization: TISJWT header.`}
      </Text>
      <Tabs id="builder-request-tabs" testId="builder-request-tabs">
        <TabList>
          {examples.map((example) => (
            <Tab key={example.id} testId={`builder-tab-${example.id}`}>
              {example.tab}
            </Tab>
          ))}
        </TabList>
        {examples.map((example) => (
          <TabPanel key={example.id}>
            <Box xcss={panel}>
              <Stack space="space.100">
                <CodeBlock text={example.text} testId={`builder-request-${example.id}`} label={example.label} />
                <Inline space="space.100">
                  <CopyButton text={example.text} label={`Copy ${example.label}`} testId={`builder-copy-${example.id}`} />
                </Inline>
              </Stack>
            </Box>
          </TabPanel>
        ))}
      </Tabs>
    </Stack>
  );
}
