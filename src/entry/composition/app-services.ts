// Builds the services from the ports. Forge (platform/forge/forge-ports.ts) and the local
// host (dev/host) each supply ports; everything from here down is identical in both.
import type { Db } from '../../storage/schema';
import { createAuditRepository } from '../../storage/audit-repository';
import { createSettingsRepository } from '../../storage/settings-repository';
import { createTokenRepository } from '../../storage/token-repository';
import { createIssueDataAccess } from '../../jira/report-data-access';
import { createJiraUserDirectory } from '../../jira/jira-user-directory';
import { createReportConfigService, type ReportConfigService } from '../../report-settings/report-config-service';
import type { UserDirectory } from '../../jira/user-directory';
import { createLastUseRecorder } from '../../tokens/last-use-recorder';
import { createSigningKeys } from '../../tokens/signing-keys';
import { createTokenService, type TokenService } from '../../tokens/token-service';
import { createTokenVerifier, type TokenVerifier } from '../../tokens/token-verifier';
import type { Clock, ExportQueue, JiraHttp, SecretStore } from '../../kernel/ports';
import { createReportService, type ReportService, type SyncBudget } from '../../reporting/report-service';
import { createParamSetService, type ParamSetService } from '../../report-settings/param-sets';
import { createRestRequestRepository, type RestRequestRepository } from '../../storage/rest-request-repository';
import { createRestGuard, type RateLimit, type RestGuard } from '../../rest/rest-guard';
import { createExportRepository } from '../../storage/export-repository';
import { createExportService, type ExportService, type ExportSettings } from '../../reporting/export-jobs/export-service';

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
  ports: AppPorts;
  users: UserDirectory;
  tokens: TokenService;
  verifier: TokenVerifier;
  reportConfig: ReportConfigService;
  settings: ReturnType<typeof createSettingsRepository>;
  /** The REST reporting API (src/report-api, src/rest). */
  reports: ReportService;
  paramSets: ParamSetService;
  restRequests: RestRequestRepository;
  restGuard: RestGuard;
  /** /rest/export jobs (src/exports). */
  exports: ExportService;
}

export interface ServiceOverrides {
  users?: UserDirectory;
  restRateLimit?: RateLimit;
  restSyncBudget?: SyncBudget;
  exportSettings?: Partial<ExportSettings>;
}

export function createAppServices(ports: AppPorts, overrides: ServiceOverrides = {}): AppServices {
  const tokenRepository = createTokenRepository(ports.db);
  const keys = createSigningKeys(ports.secrets);
  const users = overrides.users ?? createJiraUserDirectory(ports.jira);
  const jiraData = createIssueDataAccess(ports.jira);
  const reportConfig = createReportConfigService({ db: ports.db, users, clock: ports.clock, statuses: () => jiraData.getStatuses() });
  const restRequests = createRestRequestRepository(ports.db);
  const reports = createReportService({ access: jiraData, config: reportConfig, users, now: () => ports.clock.now(), ...(overrides.restSyncBudget ? { syncBudget: overrides.restSyncBudget } : {}) });
  return {
    ports,
    users,
    reportConfig,
    reports,
    exports: createExportService({
      jobs: createExportRepository(ports.db),
      reports,
      queue: ports.exportQueue,
      clock: ports.clock,
      async tokenUsable(tokenId, ownerAccountId) {
        const row = await tokenRepository.findById(tokenId);
        return row !== undefined && row.owner_account_id === ownerAccountId && row.active === 1 && row.expires_at > ports.clock.now();
      },
      ...(overrides.exportSettings ? { settings: overrides.exportSettings } : {}),
    }),
    paramSets: createParamSetService({ db: ports.db, users, clock: ports.clock }),
    restRequests,
    restGuard: createRestGuard({ log: restRequests, clock: ports.clock, ...(overrides.restRateLimit ? { rateLimit: overrides.restRateLimit } : {}) }),
    settings: createSettingsRepository(ports.db),
    tokens: createTokenService({
      tokens: tokenRepository,
      audit: createAuditRepository(ports.db),
      keys,
      users,
      clock: ports.clock,
    }),
    verifier: createTokenVerifier({
      tokens: tokenRepository,
      keys,
      users,
      clock: ports.clock,
      lastUse: createLastUseRecorder(tokenRepository),
    }),
  };
}
