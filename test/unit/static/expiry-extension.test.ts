// The expiry banner's "Extend": the same lifetime again, capped at the token policy's
// maximum lifetime from today (the last instant tokens/update accepts), never shortening.
import { extensionOf } from '../../../static/src/user-page/expiry-extension';

const DAY = 86_400_000;
const now = Date.UTC(2026, 11, 4, 1, 30);
const token = (createdDaysAgo: number, expiresInDays: number) => ({
  createdAt: new Date(now - createdDaysAgo * DAY).toISOString(),
  expiresAt: new Date(now + expiresInDays * DAY).toISOString(),
});
const noLimit = { maxLifetimeDays: null, defaultLifetimeDays: 90 };

it('adds the same lifetime again to the current expiry when the policy sets no maximum', () => {
  expect(extensionOf(token(80, 10), now, noLimit)).toEqual({ expiresAt: new Date(now + 100 * DAY).toISOString(), capped: false });
});

it('stays within the maximum lifetime: at most the end of the UTC day maxLifetimeDays after today', () => {
  // 90 days again would be now + 100 days; the policy allows 60: through 2 February 2027 (UTC).
  expect(extensionOf(token(80, 10), now, { maxLifetimeDays: 60, defaultLifetimeDays: 30 })).toEqual({
    expiresAt: '2027-02-03T00:00:00.000Z',
    capped: true,
  });
  // Within the limit, the whole lifetime again.
  expect(extensionOf(token(20, 10), now, { maxLifetimeDays: 60, defaultLifetimeDays: 30 })).toEqual({
    expiresAt: new Date(now + 40 * DAY).toISOString(),
    capped: false,
  });
});

it('offers nothing when the token already expires at or after the limit (a lowered maximum)', () => {
  expect(extensionOf(token(80, 10), now, { maxLifetimeDays: 7, defaultLifetimeDays: 7 })).toBeUndefined();
});

it('uses the default lifetime for a token with no lifetime of its own', () => {
  const odd = { createdAt: new Date(now + 10 * DAY).toISOString(), expiresAt: new Date(now + 10 * DAY).toISOString() };
  expect(extensionOf(odd, now, { maxLifetimeDays: null, defaultLifetimeDays: 30 })).toEqual({
    expiresAt: new Date(now + 40 * DAY).toISOString(),
    capped: false,
  });
});
