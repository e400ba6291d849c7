// Instants travel as epoch milliseconds inside the app and as ISO 8601 text (UTC) to
// callers; this is the one place that writes the text.
export const isoInstant = (epochMs: number): string => new Date(epochMs).toISOString();
