// Module keys of manifest.yml that code refers to. Kept free of Forge imports so the
// local host can use them without loading the Forge SDKs; the manifest test checks them.

/** The web trigger that serves the REST API. */
export const REST_WEBTRIGGER_KEY = 'rest-api';
/** The async events queue export jobs are pushed to. */
export const EXPORT_QUEUE_KEY = 'export-jobs';
/** The scheduled trigger of the daily hygiene sweep (issue 12). */
export const HYGIENE_SWEEP_TRIGGER_KEY = 'hygiene-sweep';
