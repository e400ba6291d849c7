// The one 401 body every refused token gets: the TISJWT shape, with the vendor's
// pluginVersion (this package's version) and time (UTC `yyyy-MM-dd HH:mm:ss`, the only
// part that differs between two refusals).
import { version } from '../../package.json';

export const ERROR_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** For toEqual: the whole body, nothing more and nothing less. */
export const UNAUTHORIZED_BODY = {
  status: 401,
  message: 'Unauthorized access',
  messages: ['tisjwt is required for authentication.'],
  pluginVersion: version,
  time: expect.stringMatching(ERROR_TIME) as unknown,
};
