// Stands in for @atlaskit/feature-gate-js-client (Statsig, about 120 KB) in our bundles.
// Atlaskit components read feature gates through it, but inside a Forge Custom UI iframe
// no product ever initialises the client, so every gate and experiment answers its
// default. This stub answers the same defaults without shipping the client.
const FeatureGatesStub = {
  initializeCalled: (): boolean => false,
  initializeCompleted: (): boolean => false,
  checkGate: (_gate: string): boolean => false,
  getExperimentValue: <T>(_experiment: string, _parameter: string, defaultValue: T): T => defaultValue,
  getExperiment: (_experiment: string): undefined => undefined,
  hasCheckGateErrorOccurred: (): boolean => false,
  hasGetExperimentValueErrorOccurred: (): boolean => false,
  getDefaultPerimeter: (): string => 'commercial',
};

export default FeatureGatesStub;
