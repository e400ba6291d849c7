// /groups/picker: groups whose names contain the query, as Jira's group picker answers
// (FoundGroups: header, total, groups with the match in <b>).
import { intParam, ok, type EmulatorRequest, type EmulatorResponse } from '../http';

/** Jira's default page of suggestions. */
const PICKER_DEFAULT_MAX_RESULTS = 20;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function groupsPicker(request: EmulatorRequest): EmulatorResponse {
  const query = request.query.get('query') ?? '';
  const caseInsensitive = request.query.get('caseInsensitive') === 'true';
  const excluded = new Set(request.query.getAll('exclude'));
  const excludedIds = new Set(request.query.getAll('excludeId'));
  const maxResults = Math.max(0, intParam(request.query, 'maxResults', PICKER_DEFAULT_MAX_RESULTS));
  const fold = (text: string): string => (caseInsensitive ? text.toLowerCase() : text);
  const matches = request.model.dataset.groups
    .filter((group) => !excluded.has(group.name) && !excludedIds.has(group.groupId))
    .filter((group) => fold(group.name).includes(fold(query)))
    .sort((a, b) => a.name.localeCompare(b.name));
  const shown = matches.slice(0, maxResults);
  return ok({
    header: `Showing ${shown.length} of ${matches.length} matching groups`,
    total: matches.length,
    groups: shown.map((group) => {
      const at = fold(group.name).indexOf(fold(query));
      const html =
        query === ''
          ? escapeHtml(group.name)
          : `${escapeHtml(group.name.slice(0, at))}<b>${escapeHtml(group.name.slice(at, at + query.length))}</b>${escapeHtml(group.name.slice(at + query.length))}`;
      return { name: group.name, html, groupId: group.groupId };
    }),
  });
}
