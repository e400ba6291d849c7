// The user page's report builder: a preview of a report run as the signed-in user, with
// the parameters exactly as a REST client would send them (checked on the server by the
// REST API's own parser), and the projects the user may browse for the issue picker.
import { z } from 'zod';

/** Rows the preview shows at most: enough to see the report's shape, quick to compute. */
export const PREVIEW_MAX_ROWS = 50;
export const PREVIEW_MAX_PARAMS = 50;

export const reportPreviewPayload = z.strictObject({
  /** Parameter name -> value as it would appear in a query string (lists comma-separated). */
  params: z
    .record(z.string().min(1).max(100), z.string().max(20_000))
    .refine((params) => Object.keys(params).length <= PREVIEW_MAX_PARAMS, { message: `must hold at most ${PREVIEW_MAX_PARAMS} parameters` }),
});
export type ReportPreviewPayload = z.infer<typeof reportPreviewPayload>;

interface PreviewCell {
  id: string;
  value: string;
  raw?: string;
  count?: string;
}

/** One row of the JSON table (outputType=json), as the REST API writes it. */
export interface PreviewRow {
  headerColumns: Array<{ id: string; value: string }>;
  groupByColumns: PreviewCell[];
  fieldColumns: PreviewCell[];
  valueColumns: PreviewCell[];
  currentState: Array<{ id: string; name: string; value: string; raw: string }>;
}

export interface ReportPreview {
  /** The JSON table of the first rows, in the shape /rest/list answers with outputType=json. */
  table: {
    header: {
      headerColumns: Array<{ id: string; value: string }>;
      groupByColumns: Array<{ id: string; value: string }>;
      fieldColumns: Array<{ id: string; value: string }>;
      valueColumns: Array<{ id: string; value: string; isConsolidated: boolean }>;
    };
    body: { rows: PreviewRow[] };
  };
  includedStatuses: Array<{ id: string; name: string }>;
  /** Issues read for these rows. */
  issueCount: number;
  /** True when the report goes on past the rows shown. */
  more: boolean;
}

export interface ProjectView {
  id: string;
  key: string;
  name: string;
}

/** The saved filter picker: the signed-in user's visible filters whose names contain `query`. */
export const filterSearchPayload = z.strictObject({ query: z.string().max(255).optional() });
export type FilterSearchPayload = z.infer<typeof filterSearchPayload>;

export interface FilterView {
  /** The jqlFilterID a request names. */
  id: string;
  name: string;
  ownerName?: string;
}

/** What the builder's pickers offer, from the server's own lists (never a copy in the page). */
export interface BuilderOptions {
  /** Every columnsBy the API accepts, in the API's order. */
  reportTypes: string[];
  /** The output types a /rest/list page answers in (not the file-only xlsx). */
  outputTypes: string[];
  statuses: Array<{ id: string; name: string; categoryKey: string }>;
  calendars: Array<{ id: string; name: string }>;
  statusGroups: Array<{ id: string; name: string }>;
  paramSets: Array<{ id: string; name: string; description?: string; params: Record<string, string> }>;
}
