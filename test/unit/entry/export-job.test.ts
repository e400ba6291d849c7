// The export queue consumer never throws back to Forge: an event it cannot read is
// logged and dropped without building the services, and a failing invocation is logged.
import { exportJobHandler } from '../../../src/entry/export-job';
import { installComposition } from '../../../src/entry/composition/current-services';
import type { AppServices } from '../../../src/entry/composition/app-services';

describe('exportJobHandler', () => {
  let consoleError: jest.SpyInstance;
  const runInvocation = jest.fn();
  const services = jest.fn(async () => ({ exports: { runInvocation } }) as unknown as AppServices);

  beforeAll(() => installComposition(services));
  beforeEach(() => {
    consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    runInvocation.mockReset();
    services.mockClear();
  });
  afterEach(() => consoleError.mockRestore());

  it.each([
    ['no body', {}],
    ['an exportId that is not a UUID', { body: { exportId: 'not-a-uuid' } }],
    ['no event at all', undefined],
  ])('drops an event with %s, logging it', async (_name, event) => {
    await expect(exportJobHandler(event)).resolves.toBeUndefined();
    expect(consoleError).toHaveBeenCalledWith('export event without an export id');
    expect(services).not.toHaveBeenCalled();
  });

  it('runs one invocation of the export the event names', async () => {
    const exportId = '0b7e9f8c-3f7a-4c2e-9d1a-5e6f7a8b9c0d';
    runInvocation.mockResolvedValue('done');
    await expect(exportJobHandler({ body: { exportId } })).resolves.toBe('done');
    expect(runInvocation).toHaveBeenCalledWith(exportId);
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('logs a failing invocation instead of throwing', async () => {
    runInvocation.mockRejectedValue(new TypeError('boom'));
    await expect(exportJobHandler({ body: { exportId: '0b7e9f8c-3f7a-4c2e-9d1a-5e6f7a8b9c0d' } })).resolves.toBeUndefined();
    expect(consoleError).toHaveBeenCalledWith('export invocation failed', 'TypeError');
  });
});
