// The one way a message repeats what the caller sent: at most a short prefix, control
// characters and lone surrogates replaced, and nothing shaped like a token (a JWS, or a
// long run of base64 or hex), so a token pasted into the wrong parameter never comes back
// in an answer, a log line or an export's message.

/** At most this many characters of a value are repeated (a UUID fits). */
export const ECHO_MAX = 40;

// A JWS header ("eyJ" is base64url for '{"'), or 32+ characters of base64/base64url/hex:
// longer than any status, group or calendar name a person types, shorter than any secret.
const TOKEN_SHAPED = /eyJ[A-Za-z0-9_-]{8,}|[A-Za-z0-9+/_]{32,}/;
const TOKEN_SHAPED_ALL = new RegExp(TOKEN_SHAPED.source, 'g');
const UNPRINTABLE =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this replaces
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const NOT_SHOWN = '(value not shown)';

export function echo(value: string): string {
  if (TOKEN_SHAPED.test(value)) return NOT_SHOWN;
  const clean = value.replace(UNPRINTABLE, '?');
  return clean.length > ECHO_MAX ? `${clean.slice(0, ECHO_MAX)}…` : clean;
}

/**
 * A whole message kept for later (the REST activity log): every token-shaped run replaced,
 * control characters too, and at most `max` characters. The messages it keeps already echo
 * input through `echo`; this is the second fence, for text no one checked.
 */
export function scrubbed(message: string, max: number): string {
  const clean = message.replace(TOKEN_SHAPED_ALL, NOT_SHOWN).replace(UNPRINTABLE, '?');
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
