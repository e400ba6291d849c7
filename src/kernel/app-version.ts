// The app's version, from package.json: error bodies carry it as `pluginVersion` (the
// TISJWT wire format does), so a support request can say which build answered.
import { version } from '../../package.json';

export const APP_VERSION: string = version;
