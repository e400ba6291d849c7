// The one resolver function both Custom UI pages name in manifest.yml.
import { adminPageResolvers, reportConfigResolvers } from './admin-page-resolvers';
import { buildResolver } from './resolver-handler';
import { paramSetResolvers } from './param-set-resolvers';
import { userPageResolvers } from './user-page-resolvers';

export const resolverHandler = buildResolver([userPageResolvers, adminPageResolvers, reportConfigResolvers, paramSetResolvers]);
