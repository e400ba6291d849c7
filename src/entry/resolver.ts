// The one resolver function both Custom UI pages name in manifest.yml.
import { adminPageResolvers, reportConfigResolvers } from './resolvers/admin-page';
import { buildResolver } from './resolvers/define';
import { paramSetResolvers } from './resolvers/param-sets';
import { userPageResolvers } from './resolvers/user-page';

export const resolverHandler = buildResolver([userPageResolvers, adminPageResolvers, reportConfigResolvers, paramSetResolvers]);
