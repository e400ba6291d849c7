// The one resolver function both Custom UI pages name in manifest.yml (function
// `resolver`): the keys of both pages and of token governance, defined once.
import { adminPageResolvers } from './resolvers/admin-page';
import { auditResolvers } from './resolvers/audit-resolvers';
import { buildResolver } from './resolvers/define';
import { governanceResolvers } from './resolvers/governance';
import { userPageResolvers } from './resolvers/user-page';

export const resolverHandler = buildResolver([userPageResolvers, adminPageResolvers, governanceResolvers, auditResolvers]);
