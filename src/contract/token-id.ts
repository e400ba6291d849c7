// The short token id every table shows: the UUID's first block. No zod here, so a page
// can check it without bundling the schema library.
export const SHORT_TOKEN_ID = /^[0-9a-f]{8}$/i;
