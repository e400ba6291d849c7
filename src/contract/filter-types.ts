// The filterType values of the TISJWT API: the one list the parser accepts, the OpenAPI
// document enumerates and the user page's REST help prints. The vendor documents
// customjql, jqlfilter, project, user and sprint, each with its own selection parameter;
// clients often send that parameter's name as the value instead (filterType=projectKey,
// as this app's own help once did), so each parameter name is accepted as well.

export const FILTER_TYPES = ['customjql', 'jqlfilter', 'project', 'user', 'sprint', 'issue'] as const;
export type FilterType = (typeof FILTER_TYPES)[number];

interface FilterTypeFacts {
  /** The parameter that carries the selection. */
  parameter: string;
  /** What the parameter holds, for help text. */
  holds: string;
  /** Other values that mean the same (compared case-insensitively). */
  aliases: readonly string[];
  /** Offered by the list endpoints' help; `issue` belongs to /rest/issue. */
  listed: boolean;
}

export const FILTER_TYPE_FACTS: Readonly<Record<FilterType, FilterTypeFacts>> = {
  customjql: { parameter: 'customjql', holds: 'JQL', aliases: [], listed: true },
  jqlfilter: { parameter: 'jqlFilterID', holds: 'a saved filter id', aliases: ['jqlFilterID'], listed: true },
  project: { parameter: 'projectKey', holds: 'a project key', aliases: ['projectKey'], listed: true },
  user: { parameter: 'user', holds: 'an account id or currentUser()', aliases: [], listed: true },
  sprint: { parameter: 'sprintID', holds: 'a sprint id', aliases: ['sprintID'], listed: true },
  issue: { parameter: 'issueKey', holds: 'an issue key', aliases: ['issueKey'], listed: false },
};

/** Every accepted spelling, canonical values first: the OpenAPI enum. */
export const FILTER_TYPE_VALUES: readonly string[] = [...FILTER_TYPES, ...FILTER_TYPES.flatMap((type) => FILTER_TYPE_FACTS[type].aliases)];

/** Lower-cased spelling to the canonical value. */
export function filterTypeOf(text: string): FilterType | undefined {
  const wanted = text.trim().toLowerCase();
  return FILTER_TYPES.find((type) => type === wanted || FILTER_TYPE_FACTS[type].aliases.some((alias) => alias.toLowerCase() === wanted));
}

/** One sentence for help panels: "customjql (with customjql=JQL), jqlfilter (with jqlFilterID=a saved filter id), ...". */
export function filterTypeHelp(): string {
  const listed = FILTER_TYPES.filter((type) => FILTER_TYPE_FACTS[type].listed);
  const parts = listed.map((type) => `${type} (with ${FILTER_TYPE_FACTS[type].parameter}=${FILTER_TYPE_FACTS[type].holds})`);
  return `How issues are chosen: ${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1] ?? ''}. Optional when only one of those parameters is given.`;
}
