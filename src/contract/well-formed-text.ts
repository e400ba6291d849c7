// Text must be whole UTF-16: a lone surrogate (half of a pair) cannot be encoded as UTF-8,
// so a database or JSON encoder would silently store U+FFFD in its place. Refused instead.
// (String.prototype.isWellFormed is ES2024; the pages' browsers may predate it.)
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isWellFormedText = (text: string): boolean => !LONE_SURROGATE.test(text);

export const LONE_SURROGATE_MESSAGE = 'contains a lone surrogate (half of a character); send whole characters';
