// How to call the REST API: the base URL, the API description, and the parameters most
// reports need. The full reference is the OpenAPI document.
import Heading from '@atlaskit/heading';
import { router } from '@forge/bridge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { CopyButton } from '../shared/copy-button';
import { CodeBlock } from '../shared/code-block';
import { DefinitionList } from '../shared/definition-list';
import { filterTypeHelp } from '../../../src/contract/filter-types';

const panel = xcss({
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
  padding: 'space.300',
  backgroundColor: 'elevation.surface.raised',
});
const grow = xcss({ flexGrow: 1, minWidth: '0' });
const parameters: Array<[string, string]> = [
  ['filterType', filterTypeHelp()],
  ['columnsBy', 'statusDuration (default), statusCount, assigneeDuration, groupDuration and more.'],
  ['viewFormat', 'days, hours, minutes, seconds, or a readable format such as 1d 6h 32m.'],
  ['outputType', 'json (default), jsonSimplified, or csv for spreadsheets.'],
  ['calendar', 'normalHours (24x7, the default) or the id of a working calendar.'],
  ['startDate, endDate', 'Keep only issues created, resolved or updated in the range (dateRangeField).'],
];

export function RestApiPanel({ restBaseUrl }: { restBaseUrl: string }) {
  const openApiUrl = `${restBaseUrl}/openapi.json`;
  return (
    <Box xcss={panel} as="section" testId="rest-api-panel">
      <Stack space="space.200">
        <Heading size="medium" as="h2">
          Use the REST API
        </Heading>
        <Text>
          Send requests to this base URL with the header <Text as="strong">Authorization: TISJWT &lt;your token&gt;</Text>. Reports run with your Jira
          permissions.
        </Text>
        <Inline space="space.100" alignBlock="center">
          <Box xcss={grow}>
            <CodeBlock text={restBaseUrl} testId="rest-base-url" label="REST API base URL" />
          </Box>
          <CopyButton text={restBaseUrl} label="Copy REST API base URL" testId="copy-base-url" />
        </Inline>
        <Text>
          Every endpoint and parameter is described in the{' '}
          <a
            href={openApiUrl}
            target="_blank"
            rel="noopener noreferrer"
            // Underlined: inside a sentence, colour alone does not mark a link (WCAG 1.4.1).
            style={{ textDecoration: 'underline' }}
            onClick={(event) => {
              // Jira's iframe sandbox may block plain new-tab links; the bridge asks Jira to open it.
              event.preventDefault();
              void router.open(openApiUrl);
            }}
          >
            OpenAPI document (openapi.json)
          </a>
          .
        </Text>
        <Heading size="small" as="h3">
          Parameters most reports need
        </Heading>
        <DefinitionList items={parameters.map(([name, meaning]) => ({ term: name, description: <Text>{meaning}</Text> }))} codeTerms testId="rest-parameters" />
      </Stack>
    </Box>
  );
}
