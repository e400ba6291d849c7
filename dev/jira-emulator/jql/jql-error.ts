// A JQL problem, reported like Jira: "Error in the JQL Query: ... (line 1, character N)"
// for syntax, plain messages for values Jira does not know.
export class JqlError extends Error {
  constructor(
    readonly detail: string,
    /** 0-based offset of the offending token, when the problem is syntactic. */
    readonly at?: number,
  ) {
    super(at === undefined ? detail : `Error in the JQL Query: ${detail} (line 1, character ${at + 1})`);
  }
}
