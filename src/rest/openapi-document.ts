// The OpenAPI 3.1 description of the REST API, served at /openapi.json without a token.
// Parameters are generated from the parser's own table, so the document cannot list a
// parameter the API does not accept (or miss one it does).
import { COLUMNS_BY } from '../reporting/kinds';
import { FILTER_TYPE_VALUES } from '../contract/filter-types';
import { AGGREGATION_TYPES, DATE_RANGE_FIELDS, DAY_LENGTHS, MAX_PAGE_SIZE, OUTPUT_TYPES, PARAM_NAMES, type ParamName } from '../reporting/report-params';
import { MULTI_VISIT_BEHAVIORS, TIME_PERIODS } from '../engine';
import { PART_MAX_ROWS } from '../reporting/export-jobs/export-layout';
import { XLSX_CONTENT_TYPE } from '../reporting/output/render-file';
import { WEEKDAYS } from './routes/calendar-routes';
import { EXPORT_STATUS_WORDS } from './routes/export-routes';

type Schema = Record<string, unknown>;

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}([ T]\\d{2}:\\d{2}(:\\d{2})?)?$';
const list = (description: string): { schema: Schema; description: string } => ({
  schema: { type: 'string' },
  description: `${description} Comma-separated; may be repeated.`,
});

const PARAM_DOCS: Record<Exclude<ParamName, 'tisjwt'>, { schema: Schema; description: string }> = {
  filterType: {
    schema: { type: 'string', enum: [...FILTER_TYPE_VALUES] },
    description:
      'How issues are chosen; inferred when exactly one selection parameter is given. Case-insensitive; the name of the selection parameter (projectKey, jqlFilterID, sprintID) is accepted as its value.',
  },
  customjql: { schema: { type: 'string', maxLength: 20000 }, description: 'JQL (filterType=customjql). currentUser() means the token owner.' },
  jqlFilterID: { schema: { type: 'string', pattern: '^\\d+$' }, description: 'Saved filter id the token owner may see (filterType=jqlfilter).' },
  projectKey: { schema: { type: 'string' }, description: 'Project key (filterType=project).' },
  user: { schema: { type: 'string' }, description: "Assignee account id or currentUser() (filterType=user): that user's issues." },
  sprintID: { schema: { type: 'string', pattern: '^\\d+$' }, description: 'Sprint id (filterType=sprint).' },
  issueKey: { schema: { type: 'string' }, description: 'Issue key (/rest/issue, /rest/issue/expanded, filterType=issue).' },
  columnsBy: { schema: { type: 'string', enum: [...COLUMNS_BY] }, description: 'Report type. Case-insensitive. Default statusDuration.' },
  statuses: list('Status ids or names to report (default: every status Jira knows).'),
  groups: list('Status group ids or names added as consolidated columns (groupDuration: default every group).'),
  includeDeletedStatuses: {
    schema: { type: 'string', enum: ['true', 'false'] },
    description: 'Also show statuses found in history that Jira no longer has. Default false.',
  },
  excludeCurrentStatus: {
    schema: { type: 'string', enum: ['true', 'false'] },
    description: 'Leave the current (ongoing) status out of durations and counts. Default false.',
  },
  startDate: { schema: { type: 'string', pattern: DATE_PATTERN }, description: 'Keep issues whose dateRangeField is on or after this (UTC).' },
  endDate: {
    schema: { type: 'string', pattern: DATE_PATTERN },
    description: 'Keep issues whose dateRangeField is on or before this (a bare date includes the whole day, UTC).',
  },
  dateRangeField: { schema: { type: 'string', enum: [...DATE_RANGE_FIELDS] }, description: 'Field for startDate/endDate. Default created.' },
  trimHistoryStartDate: { schema: { type: 'string', pattern: DATE_PATTERN }, description: 'Count time only from this instant (UTC).' },
  trimHistoryEndDate: {
    schema: { type: 'string', pattern: DATE_PATTERN },
    description: 'Count time only until this instant (a bare date includes the whole day, UTC).',
  },
  calendar: { schema: { type: 'string' }, description: 'normalHours (default, 24x7), or a calendar number, calendarId or name from /rest/calendar.' },
  dayLength: {
    schema: { type: 'string', enum: [...DAY_LENGTHS] },
    description: 'Length of a day for viewFormat=days and readable: 24 hours or the calendar working day.',
  },
  viewFormat: {
    schema: { type: 'string' },
    description: 'days, hours, minutes (default), seconds, ms, or readable (an example such as 1d 6h 32m also means readable).',
  },
  outputType: { schema: { type: 'string', enum: [...OUTPUT_TYPES] }, description: 'Response format. Case-insensitive. Default json.' },
  multiVisitBehavior: { schema: { type: 'string', enum: [...MULTI_VISIT_BEHAVIORS] }, description: 'How several visits to one status add up. Default total.' },
  pageSize: {
    schema: { type: 'string', pattern: '^\\d+$' },
    description: `Issues per page, 1 to ${MAX_PAGE_SIZE}. Without it a synchronous call answers up to the synchronous limit.`,
  },
  startIssueIndex: { schema: { type: 'string', pattern: '^\\d+$' }, description: 'Issues to skip (offset paging). nextPageToken is faster.' },
  nextPageToken: { schema: { type: 'string' }, description: 'From the previous page; repeat the other parameters.' },
  paramSetId: { schema: { type: 'string', format: 'uuid' }, description: 'A saved parameter set; explicit parameters override it.' },
  fromStatuses: list('durationBetweenStatuses: start statuses.'),
  fromEntry: {
    schema: { type: 'string', enum: ['firstEntry', 'lastEntry', 'created'] },
    description: 'durationBetweenStatuses: start at the first or last entry into fromStatuses, or at creation (default when fromStatuses is empty).',
  },
  toStatuses: list('durationBetweenStatuses: stop statuses (required).'),
  toEntry: {
    schema: { type: 'string', enum: ['firstEntry', 'lastEntry'] },
    description: 'durationBetweenStatuses: stop at the first (default) or last entry into toStatuses.',
  },
  pausedStatuses: list('durationBetweenStatuses: time in these statuses is not counted.'),
  fields: list('Jira field ids (summary, priority, assignee, labels, customfield_10010, ...) shown as fieldColumns and as csv/jsonSimplified columns.'),
  groupByFields: list('Jira field ids whose values group the rows (groupByColumns); /rest/aggregation aggregates per group.'),
  timePeriod: {
    schema: { type: 'string', enum: [...TIME_PERIODS] },
    description: 'statusDurationByTimePeriod, timePeriodDurationByStatus: the calendar period (UTC; ISO weeks from Monday) time is split by. Default month.',
  },
  historyFields: list('anyFieldDurationExpanded (required there): Jira field ids whose history is reported, such as priority or customfield_10020; at most 8.'),
  includeTransitionedByColumns: {
    schema: { type: 'string', enum: ['true', 'false'] },
    description:
      'Adds who made each transition: a transitionedBy column in statusDurationExpanded and anyFieldDurationExpanded, a "<status> Transitioned By" column after each date column of firstTransitionToStatusDate / lastTransitionFromStatusDate. Default false.',
  },
  aggregationType: {
    schema: { type: 'string', enum: [...AGGREGATION_TYPES] },
    description: '/rest/aggregation (required there): the statistic over the issues that have a value. Case-insensitive. Other endpoints ignore it.',
  },
};

const reportParameters = PARAM_NAMES.filter((name): name is Exclude<ParamName, 'tisjwt'> => name !== 'tisjwt').map((name) => ({
  name,
  in: 'query',
  required: false,
  description: PARAM_DOCS[name].description,
  schema: PARAM_DOCS[name].schema,
}));

const exportIdParameter = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string', format: 'uuid' },
  description: 'exportId from POST /rest/export.',
};

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const errors = (...codes: number[]): Record<string, unknown> =>
  Object.fromEntries(codes.map((code) => [String(code), { $ref: `#/components/responses/Error${code}` }]));

/** A list of {statusId, value} (ms or a count) in /rest/issue/expanded's stats. */
const STAT_VALUES: Schema = {
  type: 'array',
  items: { type: 'object', required: ['statusId', 'value'], properties: { statusId: { type: ['integer', 'string'] }, value: { type: 'integer' } } },
};

const columnValue: Schema = {
  type: 'object',
  required: ['id', 'value'],
  properties: { id: { type: 'string' }, value: { type: 'string' }, raw: { type: 'string' }, count: { type: 'string' } },
};

const reportResponses = {
  '200': {
    description: 'The report. json: the table; jsonSimplified: flat results; csv: RFC 4180 text. X-Next-Page-Token is set when more issues follow.',
    headers: { 'X-Next-Page-Token': { schema: { type: 'string' }, description: 'Present when more issues follow.' } },
    content: {
      'application/json': { schema: { oneOf: [ref('JsonTable'), ref('JsonSimplified')] } },
      'text/csv': { schema: { type: 'string' } },
    },
  },
  ...errors(400, 401, 405, 413, 429, 500, 502, 503),
};

const formBody = {
  required: false,
  content: {
    'application/x-www-form-urlencoded': { schema: { type: 'object', additionalProperties: { type: 'string' } } },
    'application/json': { schema: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean', 'array'] } } },
  },
};

function reportOperation(summary: string, operationId: string, post: boolean): Schema {
  return {
    summary,
    operationId,
    parameters: reportParameters,
    ...(post ? { requestBody: formBody } : {}),
    responses: reportResponses,
  };
}

/** json: the per-issue expanded document; jsonSimplified and csv: one row per visit. */
function expandedOperation(operationId: string, post: boolean): Schema {
  return {
    summary: 'Every visit of one issue: stats per status and one row per status entry',
    operationId,
    parameters: reportParameters,
    ...(post ? { requestBody: formBody } : {}),
    responses: {
      ...reportResponses,
      '200': {
        ...reportResponses['200'],
        content: { ...reportResponses['200'].content, 'application/json': { schema: { oneOf: [ref('IssueExpanded'), ref('JsonSimplified')] } } },
      },
    },
  };
}

function aggregationOperation(summary: string, operationId: string, post: boolean): Schema {
  return {
    summary,
    operationId,
    description:
      'The report parameters of /rest/list plus aggregationType (required); groupByFields makes one row per group. The whole selection is read in one call: a set that does not fit is a 400 naming the selection (use /rest/export).',
    parameters: reportParameters,
    ...(post ? { requestBody: formBody } : {}),
    responses: {
      '200': {
        description: 'json: the table shape with one row per group (issueCount per row); jsonSimplified / csv: one row per group with an Issues column.',
        content: {
          'application/json': { schema: { oneOf: [ref('JsonAggregation'), ref('JsonSimplified')] } },
          'text/csv': { schema: { type: 'string' } },
        },
      },
      ...errors(400, 401, 405, 413, 429, 500, 502, 503),
    },
  };
}

const aggregationSchema: Schema = {
  type: 'object',
  required: ['table', 'aggregationType', 'issueCount', 'includedStatuses'],
  additionalProperties: false,
  properties: {
    table: {
      type: 'object',
      required: ['header', 'body'],
      properties: {
        header: {
          type: 'object',
          required: ['headerColumns', 'groupByColumns', 'fieldColumns', 'valueColumns'],
          properties: {
            headerColumns: { type: 'array', maxItems: 0 },
            groupByColumns: { type: 'array', items: ref('ColumnValue') },
            fieldColumns: { type: 'array', maxItems: 0 },
            valueColumns: {
              type: 'array',
              items: {
                type: 'object',
                required: ['id', 'value', 'isConsolidated'],
                properties: { id: { type: 'string' }, value: { type: 'string' }, isConsolidated: { type: 'boolean' } },
              },
            },
          },
        },
        body: {
          type: 'object',
          required: ['rows'],
          properties: {
            rows: {
              type: 'array',
              items: {
                type: 'object',
                required: ['headerColumns', 'groupByColumns', 'fieldColumns', 'valueColumns', 'issueCount'],
                additionalProperties: false,
                properties: {
                  headerColumns: { type: 'array', maxItems: 0 },
                  groupByColumns: { type: 'array', items: ref('ColumnValue') },
                  fieldColumns: { type: 'array', maxItems: 0 },
                  valueColumns: { type: 'array', items: { ...columnValue, required: ['id', 'value', 'raw'] } },
                  issueCount: { type: 'integer', minimum: 0, description: 'Distinct issues in the group' },
                },
              },
            },
          },
        },
      },
    },
    timePeriod: {
      schema: { type: 'string', enum: [...TIME_PERIODS] },
      description: 'statusDurationByTimePeriod, timePeriodDurationByStatus: the calendar period (UTC; ISO weeks from Monday) time is split by. Default month.',
    },
    historyFields: list(
      'anyFieldDurationExpanded (required there): Jira field ids whose history is reported, such as priority or customfield_10020; at most 8.',
    ),
    includeTransitionedByColumns: {
      schema: { type: 'string', enum: ['true', 'false'] },
      description:
        'Adds who made each transition: a transitionedBy column in statusDurationExpanded and anyFieldDurationExpanded, a "<status> Transitioned By" column after each date column of firstTransitionToStatusDate / lastTransitionFromStatusDate. Default false.',
    },
    aggregationType: { type: 'string', enum: [...AGGREGATION_TYPES] },
    issueCount: { type: 'integer', minimum: 0 },
    includedStatuses: {
      type: 'array',
      items: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string' }, name: { type: 'string' } } },
    },
  },
};

/** A Forge web trigger body is a string: the workbook is sent as its base64 text (Content-Transfer-Encoding: base64). */
const XLSX_BODY: Schema = { schema: { type: 'string', contentEncoding: 'base64', description: 'The workbook as base64 text; decode it to open the file.' } };
const TRANSFER_ENCODING_HEADER: Schema = { schema: { type: 'string', enum: ['base64'] }, description: 'Present on an xlsx body: it is base64 text.' };

function smallExportOperation(operationId: string, post: boolean): Schema {
  return {
    summary: 'A list report as one file, synchronously (csv by default, or xlsx, json, jsonSimplified)',
    operationId,
    description:
      'Takes the parameters of /rest/list. The whole selection must fit one synchronous page; a bigger one is 413 (use /rest/export), unless pageSize asks for a page (X-Next-Page-Token names the next).',
    parameters: reportParameters,
    ...(post ? { requestBody: formBody } : {}),
    responses: {
      '200': {
        description: 'The file, as an attachment.',
        headers: {
          'Content-Disposition': { schema: { type: 'string' } },
          'X-Next-Page-Token': { schema: { type: 'string' } },
          'Content-Transfer-Encoding': TRANSFER_ENCODING_HEADER,
        },
        content: {
          'text/csv': { schema: { type: 'string' } },
          [XLSX_CONTENT_TYPE]: XLSX_BODY,
          'application/json': { schema: { oneOf: [ref('JsonTable'), ref('JsonSimplified')] } },
        },
      },
      ...errors(400, 401, 404, 405, 413, 429, 500, 502, 503),
    },
  };
}

export function openApiDocument(serverUrl: string): Schema {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Status Clock REST API',
      version: '1.0.0',
      description:
        'Time in Status reports computed from the Jira changelog, with the token owner’s Jira permissions. Compatible with clients of the TISJWT REST API: change only the base URL. See docs/rest-api.md.',
    },
    servers: [{ url: serverUrl }],
    security: [{ tisjwt: [] }, { tisjwtQuery: [] }],
    paths: {
      '/openapi.json': {
        get: {
          summary: 'This document',
          operationId: 'openApi',
          security: [],
          responses: { '200': { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } } },
        },
      },
      '/rest/token/rotate': {
        post: {
          summary: 'The token renews itself: a new text for the same token id and settings; the old text stops working at once',
          operationId: 'rotateToken',
          parameters: [
            {
              name: 'expiresAt',
              in: 'query',
              required: false,
              description: 'New expiry (2099-12-31 or a date-time with an offset); default: the same lifetime again from now. Also accepted in a form body.',
              schema: { type: 'string' },
            },
          ],
          responses: {
            '200': { description: 'The new token text, shown once', content: { 'application/json': { schema: ref('RotatedToken') } } },
            ...errors(400, 401, 409, 429),
          },
        },
      },
      '/rest/whoami': {
        get: {
          summary: 'The token owner',
          operationId: 'whoami',
          responses: {
            '200': {
              description:
                'Owner. Within 14 days of expiry every authenticated answer also carries X-Token-Expires-At (ISO 8601) and Warning: 299 - "..." saying when the token stops working.',
              headers: {
                'X-Token-Expires-At': { description: 'Only within 14 days of expiry', schema: { type: 'string', format: 'date-time' } },
                Warning: { description: 'Only within 14 days of expiry: 299 - "<when the token stops working>"', schema: { type: 'string' } },
              },
              content: { 'application/json': { schema: ref('Whoami') } },
            },
            ...errors(401, 429),
          },
        },
      },
      '/rest/issue': { get: reportOperation('One issue', 'issueGet', false), post: reportOperation('One issue', 'issuePost', true) },
      '/rest/issue/expanded': {
        get: expandedOperation('issueExpandedGet', false),
        post: expandedOperation('issueExpandedPost', true),
      },
      '/rest/list': {
        get: reportOperation('A list of issues', 'listGet', false),
        post: reportOperation('A list of issues (form-encoded parameters)', 'listPost', true),
      },
      '/rest/list2': {
        get: reportOperation('A list of issues, paged with nextPageToken', 'list2Get', false),
        post: reportOperation('A list of issues, paged with nextPageToken', 'list2Post', true),
      },
      '/rest/aggregation': {
        get: aggregationOperation('Statistics over the selected issues, optionally per group', 'aggregationGet', false),
        post: aggregationOperation('Statistics over the selected issues (form-encoded parameters, tisjwt may be in the body)', 'aggregationPost', true),
      },
      '/rest/issues': {
        get: reportOperation('A list of issues (the newer name of /rest/list)', 'issuesGet', false),
        post: reportOperation('A list of issues (the newer name of /rest/list)', 'issuesPost', true),
      },
      '/rest/issues/v2': {
        get: reportOperation('A list of issues, paged with nextPageToken (the newer name of /rest/list2)', 'issuesV2Get', false),
        post: reportOperation('A list of issues, paged with nextPageToken (the newer name of /rest/list2)', 'issuesV2Post', true),
      },
      '/rest/smallexport': {
        get: smallExportOperation('smallExportGet', false),
        post: smallExportOperation('smallExportPost', true),
      },
      '/rest/calendar': {
        get: {
          summary: 'Calendars',
          operationId: 'calendars',
          responses: {
            '200': {
              description: 'normalHours first, then the admin-defined calendars',
              content: { 'application/json': { schema: { type: 'array', items: ref('Calendar') } } },
            },
            ...errors(401, 429),
          },
        },
      },
      '/rest/export': {
        get: {
          summary: "The caller's exports (kept for 7 days), newest first",
          operationId: 'exportList',
          responses: {
            '200': { description: 'Their statuses', content: { 'application/json': { schema: { type: 'array', items: ref('ExportStatus') } } } },
            ...errors(401, 405, 429),
          },
        },
        post: {
          summary: 'Start an export of the whole set (any number of issues up to the export limit)',
          operationId: 'exportStart',
          description:
            'Takes the report parameters of /rest/list (query string or form body) except nextPageToken and startIssueIndex; pageSize is ignored; outputType may also be xlsx. Answers 202 with the status; poll statusLink until Successful, then download.',
          parameters: reportParameters,
          requestBody: formBody,
          responses: {
            '202': {
              description: 'Queued',
              headers: { Location: { schema: { type: 'string' }, description: 'The status URL.' } },
              content: { 'application/json': { schema: ref('ExportStatus') } },
            },
            ...errors(400, 401, 405, 413, 429, 500),
          },
        },
      },
      '/rest/export/{id}': {
        get: {
          summary: 'Status of an export',
          operationId: 'exportStatus',
          parameters: [exportIdParameter],
          responses: { '200': { description: 'The status', content: { 'application/json': { schema: ref('ExportStatus') } } }, ...errors(401, 404, 405, 429) },
        },
        delete: {
          summary: 'Abort a queued or running export of the caller',
          operationId: 'exportAbort',
          description:
            'Answers the status, now Aborted (again Aborted when it already was). An export that already ended Successful or Failed is not aborted: 404.',
          parameters: [exportIdParameter],
          responses: { '200': { description: 'The status', content: { 'application/json': { schema: ref('ExportStatus') } } }, ...errors(401, 404, 405, 429) },
        },
      },
      '/rest/export/{id}/download': {
        get: {
          summary: 'Download a completed export, one part at a time',
          operationId: 'exportDownload',
          parameters: [
            exportIdParameter,
            { name: 'part', in: 'query', required: false, schema: { type: 'string', pattern: '^[1-9][0-9]*$' }, description: 'Part number, from 1 (default).' },
          ],
          responses: {
            '200': {
              description: "The part in the export's outputType; every part is a whole document with the same header.",
              headers: {
                'X-Export-Part': { schema: { type: 'string' } },
                'X-Export-Parts': { schema: { type: 'string' } },
                Link: { schema: { type: 'string' }, description: 'rel="next": the next part, when there is one.' },
                'Content-Disposition': { schema: { type: 'string' } },
                'Content-Transfer-Encoding': TRANSFER_ENCODING_HEADER,
              },
              content: {
                'application/json': { schema: { oneOf: [ref('JsonTable'), ref('JsonSimplified')] } },
                'text/csv': { schema: { type: 'string' } },
                [XLSX_CONTENT_TYPE]: XLSX_BODY,
              },
            },
            ...errors(400, 401, 404, 405, 409, 429),
          },
        },
      },
      '/rest/calendar/search': {
        get: {
          summary: 'Calendars by name, a page at a time',
          operationId: 'calendarSearch',
          parameters: [
            {
              name: 'name',
              in: 'query',
              required: false,
              schema: { type: 'string' },
              description: 'Case-insensitive; empty or absent matches every calendar.',
            },
            { name: 'searchType', in: 'query', required: false, schema: { type: 'string', enum: ['exact', 'contain'] }, description: 'Default contain.' },
            { name: 'pageNumber', in: 'query', required: false, schema: { type: 'string', pattern: '^\\d+$' }, description: 'From 0 (default).' },
            { name: 'maxResults', in: 'query', required: false, schema: { type: 'string', pattern: '^\\d+$' }, description: '1 to 100, default 10.' },
          ],
          responses: { '200': { description: 'One page', content: { 'application/json': { schema: ref('CalendarSearch') } } }, ...errors(400, 401, 405, 429) },
        },
      },
      '/rest/calendar/{id}': {
        get: {
          summary: 'One calendar, by number, calendarId or normalHours',
          operationId: 'calendar',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'The calendar', content: { 'application/json': { schema: ref('Calendar') } } }, ...errors(401, 404, 429) },
        },
      },
    },
    components: {
      securitySchemes: {
        tisjwt: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'TISJWT <token> (any case) or Bearer <token>.' },
        tisjwtQuery: {
          type: 'apiKey',
          in: 'query',
          name: 'tisjwt',
          description: 'Discouraged: lands in logs. On POST, tisjwt may also be a field of a form-encoded body. Order: header, then query, then body.',
        },
      },
      responses: Object.fromEntries(
        [400, 401, 404, 405, 409, 413, 429, 500, 502, 503].map((code) => [
          `Error${code}`,
          {
            description: `Error ${code}`,
            ...([429, 503].includes(code) ? { headers: { 'Retry-After': { schema: { type: 'string' }, description: 'Seconds to wait.' } } } : {}),
            content: { 'application/json': { schema: ref('Error') } },
          },
        ]),
      ),
      schemas: {
        Error: {
          type: 'object',
          required: ['status', 'message', 'messages', 'pluginVersion', 'time'],
          properties: {
            status: { type: 'integer' },
            message: { type: 'string' },
            messages: { type: 'array', items: { type: 'string' } },
            pluginVersion: { type: 'string', description: 'The app version that answered.' },
            time: { type: 'string', description: 'When it answered, UTC, yyyy-MM-dd HH:mm:ss.' },
            exportId: { type: 'string', description: 'The export id, on a 404 of the export endpoints.' },
          },
        },
        RotatedToken: {
          type: 'object',
          required: ['token', 'tokenId', 'expiresAt'],
          properties: { token: { type: 'string' }, tokenId: { type: 'string' }, expiresAt: { type: 'string', format: 'date-time' } },
        },
        Whoami: {
          type: 'object',
          required: ['accountId', 'displayName', 'tokenId', 'expiresAt'],
          properties: {
            accountId: { type: 'string' },
            displayName: { type: 'string' },
            tokenId: { type: 'string' },
            expiresAt: { type: 'string', format: 'date-time', description: 'When the token stops working' },
          },
          additionalProperties: false,
        },
        ColumnValue: columnValue,
        JsonAggregation: aggregationSchema,
        JsonTable: {
          type: 'object',
          required: ['table', 'includedStatuses'],
          additionalProperties: false,
          properties: {
            table: {
              type: 'object',
              required: ['header', 'body'],
              properties: {
                header: {
                  type: 'object',
                  required: ['headerColumns', 'groupByColumns', 'fieldColumns', 'valueColumns'],
                  properties: {
                    headerColumns: { type: 'array', items: ref('ColumnValue') },
                    groupByColumns: { type: 'array', items: ref('ColumnValue') },
                    fieldColumns: { type: 'array', items: ref('ColumnValue') },
                    valueColumns: {
                      type: 'array',
                      items: {
                        type: 'object',
                        required: ['id', 'value', 'isConsolidated'],
                        properties: { id: { type: 'string' }, value: { type: 'string' }, isConsolidated: { type: 'boolean' } },
                      },
                    },
                  },
                },
                body: {
                  type: 'object',
                  required: ['rows'],
                  properties: {
                    rows: {
                      type: 'array',
                      items: {
                        type: 'object',
                        required: ['headerColumns', 'groupByColumns', 'fieldColumns', 'valueColumns', 'currentState'],
                        properties: {
                          headerColumns: { type: 'array', items: ref('ColumnValue') },
                          groupByColumns: { type: 'array', items: ref('ColumnValue') },
                          fieldColumns: { type: 'array', items: ref('ColumnValue') },
                          valueColumns: {
                            type: 'array',
                            description: 'A status the issue never visited is {id, value: "-"} without raw or count.',
                            items: { ...columnValue, required: ['id', 'value'] },
                          },
                          currentState: {
                            type: 'array',
                            items: {
                              type: 'object',
                              required: ['id', 'name', 'value', 'raw'],
                              properties: { id: { type: 'string' }, name: { type: 'string' }, value: { type: 'string' }, raw: { type: 'string' } },
                            },
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
            includedStatuses: { type: 'array', items: ref('WireStatus') },
            excludedStatuses: { type: 'array', items: ref('WireStatus'), description: 'Statuses left out by the statuses parameter.' },
            dateFormat: { type: 'string', description: 'The pattern dates are written in (Java style).' },
            timeZone: { type: 'string', description: "The calendar's time zone." },
            viewFormat: { type: 'string' },
            calendar: ref('CalendarSummary'),
            pageSize: { type: ['integer', 'null'], description: 'The pageSize asked for; null when none was.' },
            nextPageToken: { type: 'string' },
          },
        },
        IssueExpanded: {
          type: 'object',
          required: ['dateFormat', 'timeZone', 'viewFormat', 'calendar', 'pageSize', 'includedStatuses', 'excludedStatuses', 'table'],
          additionalProperties: false,
          properties: {
            dateFormat: { type: 'string' },
            timeZone: { type: 'string' },
            viewFormat: { type: 'string' },
            calendar: ref('CalendarSummary'),
            pageSize: { type: ['integer', 'null'] },
            includedStatuses: { type: 'array', items: ref('WireStatus') },
            excludedStatuses: { type: 'array', items: ref('WireStatus') },
            table: {
              type: 'object',
              required: ['header', 'body'],
              properties: {
                header: { type: 'object', required: ['headerColumns', 'valueColumns'] },
                body: {
                  type: 'object',
                  required: ['rows'],
                  properties: {
                    rows: {
                      type: 'array',
                      maxItems: 1,
                      items: {
                        type: 'object',
                        required: ['headerColumns', 'expanded'],
                        properties: {
                          headerColumns: { type: 'array', items: ref('ColumnValue') },
                          expanded: {
                            type: 'object',
                            required: ['stats', 'rows'],
                            properties: {
                              stats: {
                                type: 'object',
                                required: ['visitCounts', 'totalValues', 'averageValues', 'minValues', 'maxValues'],
                                properties: {
                                  visitCounts: STAT_VALUES,
                                  totalValues: STAT_VALUES,
                                  averageValues: STAT_VALUES,
                                  minValues: STAT_VALUES,
                                  maxValues: STAT_VALUES,
                                },
                              },
                              rows: {
                                type: 'array',
                                items: {
                                  type: 'object',
                                  required: ['uniqueDate', 'statusId', 'value'],
                                  additionalProperties: false,
                                  properties: {
                                    uniqueDate: { type: 'string', description: 'When the issue entered statusId, in dateFormat and timeZone.' },
                                    statusId: { type: ['integer', 'string'] },
                                    value: { type: 'integer', description: 'Working ms in the previous status (0 for the creation).' },
                                    transitionedBy: { type: 'string', description: 'Who made the transition; absent for the creation.' },
                                  },
                                },
                              },
                            },
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
        WireStatus: {
          type: 'object',
          required: ['id', 'name', 'statusCategory', 'scopeProjectKey'],
          properties: {
            id: { type: 'string' },
            name: { type: 'string' },
            statusCategory: { type: 'object', required: ['key', 'name'], properties: { key: { type: 'string' }, name: { type: 'string' } } },
            scopeProjectKey: { type: ['string', 'null'], description: 'The project of a team-managed status; null for company-wide ones.' },
          },
        },
        CalendarSummary: {
          type: 'object',
          required: ['id', 'name', 'timeZone', 'dailyWorkingHours', 'is7x24Calendar'],
          properties: {
            id: { type: ['integer', 'null'], description: 'The calendar number; null for normalHours.' },
            name: { type: 'string' },
            timeZone: { type: 'string' },
            dailyWorkingHours: { type: 'number' },
            is7x24Calendar: { type: 'boolean' },
          },
        },
        JsonSimplified: {
          type: 'object',
          required: ['results'],
          additionalProperties: false,
          properties: {
            results: { type: 'array', items: { type: 'object', required: ['Key', 'Summary'], additionalProperties: { type: ['string', 'null'] } } },
            nextPageToken: { type: 'string' },
          },
        },
        Calendar: {
          type: 'object',
          required: [
            'id',
            'calendarId',
            'name',
            'timeZone',
            'isDefault',
            'is7x24Calendar',
            'builtIn',
            'dailyWorkingHours',
            'allWorkingDaysHaveEqualLengths',
            'workingTimes',
            'holidays',
          ],
          additionalProperties: false,
          properties: {
            id: { type: ['integer', 'null'], description: 'The calendar number (calendar=<number>); null for normalHours.' },
            calendarId: { type: 'string', description: 'normalHours or the calendar UUID; also accepted as calendar=.' },
            name: { type: 'string' },
            timeZone: { type: 'string' },
            isDefault: { type: 'boolean', description: 'The calendar reports use when they name none (normalHours).' },
            is7x24Calendar: { type: 'boolean' },
            builtIn: { type: 'boolean' },
            dailyWorkingHours: { type: 'number', description: 'The working day length in hours (dayLength=businessDays).' },
            allWorkingDaysHaveEqualLengths: { type: 'boolean' },
            workingTimes: {
              type: 'array',
              items: {
                type: 'object',
                required: ['weekday', 'start', 'end'],
                additionalProperties: false,
                properties: {
                  weekday: { type: 'string', enum: [...WEEKDAYS] },
                  start: { type: 'integer', description: 'ms since local midnight' },
                  end: { type: 'integer', description: 'ms since local midnight' },
                },
              },
            },
            holidays: {
              type: 'array',
              items: {
                type: 'object',
                required: ['name', 'date', 'recurring'],
                additionalProperties: false,
                properties: { name: { type: 'string' }, date: { type: 'string', description: 'yyyy-MM-dd' }, recurring: { type: 'boolean' } },
              },
            },
          },
        },
        CalendarSearch: {
          type: 'object',
          required: ['pageNumber', 'pageSize', 'total', 'last', 'calendars'],
          additionalProperties: false,
          properties: {
            pageNumber: { type: 'integer' },
            pageSize: { type: 'integer', description: 'maxResults of the request.' },
            total: { type: 'integer', description: 'Calendars matching, on every page.' },
            last: { type: 'boolean' },
            calendars: { type: 'array', items: ref('Calendar') },
          },
        },
        ExportStatus: {
          type: 'object',
          required: ['exportId', 'status', 'created', 'completed', 'total', 'message', 'statusLink', 'downloadLink', 'finished', 'parts', 'downloadLinks'],
          additionalProperties: false,
          properties: {
            exportId: { type: 'string', format: 'uuid' },
            status: {
              type: 'string',
              enum: [...new Set(Object.values(EXPORT_STATUS_WORDS))],
              description: 'Queued until the first invocation, Running until Successful, Failed or Aborted.',
            },
            created: { type: 'integer', description: 'Epoch milliseconds.' },
            completed: { type: 'integer', description: 'Issues processed so far.' },
            total: { type: 'integer', description: 'Issues in the export: those found so far while it runs, all of them once it ends.' },
            message: { type: ['string', 'null'], description: 'Why it failed or was aborted, or that it stopped at the issue limit.' },
            statusLink: { type: 'string', description: 'GET it to poll this status.' },
            downloadLink: { type: ['string', 'null'], description: 'The first (often only) part, once Successful.' },
            finished: { type: ['integer', 'null'], description: 'When it ended, epoch milliseconds.' },
            parts: { type: ['integer', 'null'], description: `Parts the result downloads in (at most ${PART_MAX_ROWS} rows each), once Successful.` },
            downloadLinks: { type: 'array', items: { type: 'string' }, description: 'One link per part, in order.' },
          },
        },
      },
    },
  };
}
