// Builds the services from the ports: the only code that sees everything. Forge
// (forge-services.ts) and the local host (dev/host) each supply ports; everything from
// here down is identical in both. Routes and resolvers get these services, never a port
// or a repository.
import { createAuditRecorder } from '../../audit/audit-recorder';
import { createAuditService, type AuditService } from '../../audit/audit-service';
import { createHygieneSettings, type HygieneSettingsService } from '../../audit/hygiene-settings';
import { createSigningKeyService, type SigningKeyService } from '../../audit/signing-key-service';
import { createTokenHygiene, type TokenHygiene } from '../../audit/token-hygiene';
import { recordingRefusals, trackingAddresses } from '../../audit/use-recording';
import { createActiveCallerCheck, type ActiveCallerCheck } from '../../access/active-caller';
import { createAppContextService, type AppContextService } from '../../access/app-context';
import {
  cachedGroupDirectory,
  cachedUserDirectory,
  createIssueDataAccess,
  createJiraGroupDirectory,
  createJiraUserDirectory,
  createFilterDirectory,
  createProjectDirectory,
  jiraRuntimeOn,
  type GroupDirectory,
  type UserDirectory,
} from '../../jira';
import type { Clock, ExportQueue, JiraHttp, SecretStore } from '../../kernel/ports';
import { createPolicyService, type PolicyService } from '../../policy/policy-service';
import { createPolicyStore } from '../../policy/policy-store';
import { createCalendarService, type CalendarService } from '../../report-settings/calendars';
import { createParamSetService, type ParamSetService } from '../../report-settings/param-sets';
import { createStatusGroupService, type StatusGroupService } from '../../report-settings/status-groups';
import { createStatusCatalog, type StatusCatalog } from '../../report-settings/statuses';
import { createExportService, type ExportService, type ExportSettings } from '../../reporting/export-jobs/export-service';
import { createReportPreview, type ReportPreviewService } from '../../reporting/report-preview';
import { createReportService, type ReportService, type SyncBudget } from '../../reporting/report-service';
import { createRestActivity, type RateLimit, type RestActivity } from '../../rest/rest-activity';
import { createAuditRepository } from '../../storage/audit-repository';
import { createExportRepository } from '../../storage/export-repository';
import { createRestRequestRepository } from '../../storage/rest-request-repository';
import type { Db } from '../../storage/schema';
import { createPageTokens, type PageTokens } from '../../reporting/page-tokens';
import { createRateWindowRepository } from '../../storage/rate-window-repository';
import { createSettingsRepository } from '../../storage/settings-repository';
import { createSigningKeyRepository } from '../../storage/signing-key-repository';
import { createTokenAddressRepository } from '../../storage/token-address-repository';
import { createTokenHygieneRepository } from '../../storage/token-hygiene-repository';
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
  /** The token policy (admin page's Policy tab) and who may create, use and manage tokens. */
  policy: PolicyService;
  tokens: TokenService;
  verifier: TokenVerifier;
  /** Synchronous reports (the REST list and issue endpoints). */
  reports: ReportService;
  /** The signed nextPageToken of the synchronous lists. */
  pageTokens: PageTokens;
  /** /rest/export jobs. */
  exports: ExportService;
  calendars: CalendarService;
  statusGroups: StatusGroupService;
  statuses: StatusCatalog;
  paramSets: ParamSetService;
  restActivity: RestActivity;
  /** The user page's report builder: previews as the signed-in user, and its project picker. */
  reportPreview: ReportPreviewService;
  /** The audit log: list, export, each owner's token history. */
  audit: AuditService;
  hygieneSettings: HygieneSettingsService;
  /** The daily sweep and "deactivate all tokens". */
  tokenHygiene: TokenHygiene;
  signingKeys: SigningKeyService;
  /** The installation-wide IP allow-list (Jira admins set it; the verifier obeys it). */
  ipAllowlist: InstallationIpAllowlist;
}

export interface ServiceOverrides {
  users?: UserDirectory;
  groups?: GroupDirectory;
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
    config: { listCalendars: () => calendars.numbered(), listStatusGroups: () => statusGroups.list() },
    users,
    clock,
    ...(overrides.restSyncBudget ? { syncBudget: overrides.restSyncBudget } : {}),
  });
  const tokenRepository = createTokenRepository(db);
  // Account state for token verification and the resolvers' active-caller check, through a
  // short cache: no Jira call per request when warm.
  const accountState = cachedUserDirectory(users, clock);
  const keys = createSigningKeys(ports.secrets);
  const auditRepository = createAuditRepository(db);
  const recorder = createAuditRecorder({ audit: auditRepository, clock });
  const addresses = createTokenAddressRepository(db);
  const tokenHygieneRepository = createTokenHygieneRepository(db);
  const settingsRepository = createSettingsRepository(db);
  // Group membership through a 5-minute cache: verification asks on every request.
  const groups = cachedGroupDirectory(overrides.groups ?? createJiraGroupDirectory(ports.jira, { runtime }), clock);
  const policy = createPolicyService({ store: createPolicyStore(settingsRepository), audit: auditRepository, users, groups, clock });
  const projects = createProjectDirectory(ports.jira, { runtime });
  const hygieneSettings = createHygieneSettings({ settings: settingsRepository, users, clock, recorder });
  const tokens = createTokenService({
    tokens: tokenRepository,
    audit: auditRepository,
    recorder,
    keys,
    users,
    policy,
    projects,
    expiryWarningDays: () => hygieneSettings.expiryWarningDays(),
    clock,
  });
  const ipAllowlist = createInstallationIpAllowlist({ settings: settingsRepository, audit: auditRepository, users, clock });
  const activeCaller = createActiveCallerCheck({ accountState });
  const paramSets = createParamSetService({ db, users, clock });
  return {
    activeCaller,
    appContext: createAppContextService({ users, restBaseUrl: () => ports.restBaseUrl(), governanceOf: (caller) => policy.governanceOf(caller) }),
    policy,
    tokens,
    // Verification reads owner state through a short cache: no Jira call per request when warm.
    // Refused uses and first uses from a new address go to the audit log.
    verifier: recordingRefusals(
      createTokenVerifier({
        tokens: tokenRepository,
        keys,
        users: cachedUserDirectory(users, clock),
        clock,
        lastUse: trackingAddresses(createLastUseRecorder(tokenRepository), addresses, recorder),
        expiryWarningDays: () => hygieneSettings.expiryWarningDays(),
        mayUse: (ownerAccountId) => policy.mayUse(ownerAccountId),
        installationIps: ipAllowlist,
      }),
      recorder,
      clock,
    ),
    reports,
    pageTokens: createPageTokens({ secrets: ports.secrets, clock }),
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
    paramSets,
    restActivity: createRestActivity({
      log: createRestRequestRepository(db),
      windows: createRateWindowRepository(db),
      clock,
      users,
      tokens: tokenRepository,
      ...(overrides.restRateLimit ? { rateLimit: overrides.restRateLimit } : {}),
    }),
    reportPreview: createReportPreview({
      activeCaller,
      reports,
      savedParams: (id) => paramSets.savedParams(id),
      projects,
      filters: createFilterDirectory(ports.jira, { runtime }),
      settings: { calendars: () => calendars.list(), statusGroups: () => statusGroups.list(), paramSets: () => paramSets.list() },
    }),
    audit: createAuditService({ audit: auditRepository, addresses, tokens: tokenRepository, users, policy, clock }),
    hygieneSettings,
    // The sweep asks Jira itself, not the short cache: it acts on what Jira says now.
    tokenHygiene: createTokenHygiene({
      audit: auditRepository,
      addresses,
      tokens: tokenRepository,
      hygiene: tokenHygieneRepository,
      settings: hygieneSettings,
      users,
      clock,
      recorder,
    }),
    signingKeys: createSigningKeyService({ keys, registry: createSigningKeyRepository(db), tokens: tokenHygieneRepository, users, clock, recorder }),
    ipAllowlist,
  };
}
