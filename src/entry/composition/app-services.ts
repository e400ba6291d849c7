// Builds the services from the ports: the only code that sees everything. Forge
// (forge-services.ts) and the local host (dev/host) each supply ports; everything from
// here down is identical in both. Routes and resolvers get these services, never a port
// or a repository.
import { createActiveCallerCheck, type ActiveCallerCheck } from '../../access/active-caller';
import { createAppContextService, type AppContextService } from '../../access/app-context';
import { cachedUserDirectory, createIssueDataAccess, createJiraProjectDirectory, createJiraUserDirectory, jiraRuntimeOn, type UserDirectory } from '../../jira';
import type { Clock, ExportQueue, JiraHttp, SecretStore } from '../../kernel/ports';
import { createCalendarService, type CalendarService } from '../../report-settings/calendars';
import { createParamSetService, type ParamSetService } from '../../report-settings/param-sets';
import { createStatusGroupService, type StatusGroupService } from '../../report-settings/status-groups';
import { createStatusCatalog, type StatusCatalog } from '../../report-settings/statuses';
import { createExportService, type ExportService, type ExportSettings } from '../../reporting/export-jobs/export-service';
import { createReportService, type ReportService, type SyncBudget } from '../../reporting/report-service';
import { createRestActivity, type RateLimit, type RestActivity } from '../../rest/rest-activity';
import { createAuditRepository } from '../../storage/audit-repository';
import { createExportRepository } from '../../storage/export-repository';
import { createRestRequestRepository } from '../../storage/rest-request-repository';
import { createSettingsRepository } from '../../storage/settings-repository';
import type { Db } from '../../storage/schema';
import { createTokenRepository } from '../../storage/token-repository';
import { createLastUseRecorder } from '../../tokens/last-use-recorder';
import { createInstallationIpAllowlist, type InstallationIpAllowlist } from '../../tokens/installation-ip-allowlist';
import { createSigningKeys } from '../../tokens/signing-keys';
import { createTokenService, type TokenService } from '../../tokens/token-service';
import { createTokenVerifier, type TokenVerifier } from '../../tokens/token-verifier';

export interface AppPorts {
  db: Db;
  secrets: SecretStore;
  jira: JiraHttp;
  clock: Clock;
  /** The REST API base URL clients call (the web trigger URL). */
  restBaseUrl(): Promise<string>;
  exportQueue: ExportQueue;
}

export interface AppServices {
  /** Every resolver's first check: the caller is an active Jira user. */
  activeCaller: ActiveCallerCheck;
  appContext: AppContextService;
  tokens: TokenService;
  verifier: TokenVerifier;
  /** Synchronous reports (the REST list and issue endpoints). */
  reports: ReportService;
  /** /rest/export jobs. */
  exports: ExportService;
  calendars: CalendarService;
  statusGroups: StatusGroupService;
  statuses: StatusCatalog;
  paramSets: ParamSetService;
  restActivity: RestActivity;
  /** The installation-wide IP allow-list (Jira admins set it; the verifier obeys it). */
  ipAllowlist: InstallationIpAllowlist;
}

export interface ServiceOverrides {
  users?: UserDirectory;
  restRateLimit?: RateLimit;
  restSyncBudget?: SyncBudget;
  exportSettings?: Partial<ExportSettings>;
}

export function createAppServices(ports: AppPorts, overrides: ServiceOverrides = {}): AppServices {
  const { db, clock } = ports;
  const runtime = jiraRuntimeOn(clock);
  const users = overrides.users ?? createJiraUserDirectory(ports.jira, { runtime });
  const jiraData = createIssueDataAccess(ports.jira, { runtime });
  const statuses = () => jiraData.getStatuses();
  const calendars = createCalendarService({ db, users, clock });
  const statusGroups = createStatusGroupService({ db, users, clock, statuses });
  const reports = createReportService({
    access: jiraData,
    config: { listCalendars: () => calendars.list(), listStatusGroups: () => statusGroups.list() },
    users,
    clock,
    ...(overrides.restSyncBudget ? { syncBudget: overrides.restSyncBudget } : {}),
  });
  const tokenRepository = createTokenRepository(db);
  // Account state for token verification and the resolvers' active-caller check, through a
  // short cache: no Jira call per request when warm.
  const accountState = cachedUserDirectory(users, clock);
  const keys = createSigningKeys(ports.secrets);
  const audit = createAuditRepository(db);
  const projects = createJiraProjectDirectory(ports.jira, { runtime });
  const tokens = createTokenService({ tokens: tokenRepository, audit, keys, users, projects, clock });
  const ipAllowlist = createInstallationIpAllowlist({ settings: createSettingsRepository(db), audit, users, clock });
  return {
    activeCaller: createActiveCallerCheck({ accountState }),
    appContext: createAppContextService({ users, restBaseUrl: () => ports.restBaseUrl() }),
    tokens,
    // Verification reads owner state through a short cache: no Jira call per request when warm.
    verifier: createTokenVerifier({
      tokens: tokenRepository,
      keys,
      users: cachedUserDirectory(users, clock),
      clock,
      lastUse: createLastUseRecorder(tokenRepository),
      installationIps: ipAllowlist,
    }),
    reports,
    exports: createExportService({
      jobs: createExportRepository(db),
      reports,
      queue: ports.exportQueue,
      clock,
      tokenAccess: (tokenId, ownerAccountId) => tokens.accessOf(tokenId, ownerAccountId),
      ...(overrides.exportSettings ? { settings: overrides.exportSettings } : {}),
    }),
    calendars,
    statusGroups,
    statuses: createStatusCatalog({ users, statuses }),
    paramSets: createParamSetService({ db, users, clock }),
    restActivity: createRestActivity({
      log: createRestRequestRepository(db),
      clock,
      users,
      ...(overrides.restRateLimit ? { rateLimit: overrides.restRateLimit } : {}),
    }),
    ipAllowlist,
  };
}
