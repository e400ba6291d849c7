// The parameter a Jira refusal is about (a bad JQL, an unknown filter...), so that a
// message can name it: the synchronous endpoints answer with it, an export records it.
import { FieldError } from '../kernel/errors';
import type { ReportParams } from './report-params';

export type SelectionParam = 'customjql' | 'jqlFilterID' | 'projectKey' | 'user' | 'sprintID' | 'issueKey' | 'nextPageToken';

export function selectionParamOf(params: ReportParams): SelectionParam {
  if (params.nextPageToken !== undefined) return 'nextPageToken';
  switch (params.selection?.kind) {
    case 'filter':
      return 'jqlFilterID';
    case 'project':
      return 'projectKey';
    case 'issue':
      return 'issueKey';
    default:
      return 'customjql';
  }
}

/** The synchronous lists and the export both need issues chosen one way or another. */
export function requireSelection(params: ReportParams): void {
  if (!params.selection && params.nextPageToken === undefined) {
    throw new FieldError([
      { field: 'filterType', message: 'choose the issues: give customjql, jqlFilterID, projectKey, user or sprintID (with filterType), or paramSetId' },
    ]);
  }
}
