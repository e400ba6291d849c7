// The admin page's tabs. Only the Tokens tab is in the first load; the other tabs'
// code is fetched the first time they are opened.
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { Box, xcss } from '@atlaskit/primitives';
import { lazy, Suspense } from 'react';
import { LoadingState } from '../shared/load-states';
import { AdminTokens } from './admin-tokens';

const panel = xcss({ width: '100%', paddingBlockStart: 'space.200' });

const AdminCalendars = lazy(() => import('./admin-calendars').then((module) => ({ default: module.AdminCalendars })));
const AdminStatusGroups = lazy(() => import('./admin-status-groups').then((module) => ({ default: module.AdminStatusGroups })));
const AdminParamSets = lazy(() => import('./admin-param-sets').then((module) => ({ default: module.AdminParamSets })));
const AdminAudit = lazy(() => import('./admin-audit').then((module) => ({ default: module.AdminAudit })));
const AdminKeys = lazy(() => import('./admin-keys').then((module) => ({ default: module.AdminKeys })));
const AdminPolicy = lazy(() => import('./admin-policy').then((module) => ({ default: module.AdminPolicy })));
const AdminActivity = lazy(() => import('./admin-activity').then((module) => ({ default: module.AdminActivity })));

/** `restBaseUrl`: the REST API's base URL, for the activity tab's hint. */
export function AdminTabs({ restBaseUrl }: { restBaseUrl: string }) {
  return (
    <Tabs id="admin-tabs" testId="admin-tabs">
      <TabList>
        <Tab testId="admin-tab-tokens">Tokens</Tab>
        <Tab testId="admin-tab-calendars">Calendars</Tab>
        <Tab testId="admin-tab-status-groups">Status groups</Tab>
        <Tab testId="admin-tab-activity">REST activity</Tab>
        <Tab testId="admin-tab-param-sets">Saved parameter sets</Tab>
        <Tab testId="admin-tab-audit">Audit log</Tab>
        <Tab testId="admin-tab-keys">Signing keys</Tab>
        <Tab testId="admin-tab-policy">Policy</Tab>
      </TabList>
      <TabPanel>
        <Box xcss={panel}>
          <AdminTokens />
        </Box>
      </TabPanel>
      <TabPanel>
        <Box xcss={panel}>
          <Suspense fallback={<LoadingState label="Loading calendars" />}>
            <AdminCalendars />
          </Suspense>
        </Box>
      </TabPanel>
      <TabPanel>
        <Box xcss={panel}>
          <Suspense fallback={<LoadingState label="Loading status groups" />}>
            <AdminStatusGroups />
          </Suspense>
        </Box>
      </TabPanel>
      <TabPanel>
        <Box xcss={panel}>
          <Suspense fallback={<LoadingState label="Loading REST activity" />}>
            <AdminActivity restBaseUrl={restBaseUrl} />
          </Suspense>
        </Box>
      </TabPanel>
      <TabPanel>
        <Box xcss={panel}>
          <Suspense fallback={<LoadingState label="Loading saved parameter sets" />}>
            <AdminParamSets />
          </Suspense>
        </Box>
      </TabPanel>
      <TabPanel>
        <Box xcss={panel}>
          <Suspense fallback={<LoadingState label="Loading the audit log" />}>
            <AdminAudit />
          </Suspense>
        </Box>
      </TabPanel>
      <TabPanel>
        <Box xcss={panel}>
          <Suspense fallback={<LoadingState label="Loading signing keys" />}>
            <AdminKeys />
          </Suspense>
        </Box>
      </TabPanel>
      <TabPanel>
        <Box xcss={panel}>
          <Suspense fallback={<LoadingState label="Loading the token policy" />}>
            <AdminPolicy />
          </Suspense>
        </Box>
      </TabPanel>
    </Tabs>
  );
}
