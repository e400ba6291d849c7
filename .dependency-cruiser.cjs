// The layering rules of docs/architecture.md, checked by `npm test` (scripts/test.sh runs
// depcruise; test/contract/architecture.test.ts shows a deliberate back-edge fails).
// Type-only imports count too: a type import is still a dependency a reader must follow.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'No module may depend on itself through others, in src/ or static/.',
      from: { path: '^(src|static/src)/' },
      to: { circular: true },
    },
    {
      name: 'forge-sdk-at-the-edges',
      severity: 'error',
      comment: '@forge/* belongs to entry/ and platform/forge/ (and the Custom UI pages, which run in Jira).',
      from: { path: '^src/', pathNot: '^src/(entry|platform/forge)/' },
      to: { path: '^@forge/|node_modules/@forge/' },
    },
    {
      name: 'static-sees-only-the-contract',
      severity: 'error',
      comment: 'The pages share types and schemas with the backend through src/contract/ only.',
      from: { path: '^static/' },
      to: { path: '^src/', pathNot: '^src/contract/' },
    },
    {
      name: 'src-never-imports-dev-or-test',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(dev|test)/' },
    },
    {
      name: 'engine-imports-only-kernel',
      severity: 'error',
      comment: 'The time-in-status engine is pure: it knows nothing of Jira, storage, REST or Forge.',
      from: { path: '^src/engine/' },
      to: { path: '^src/', pathNot: '^src/(engine|kernel)/' },
    },
    {
      name: 'kernel-imports-nothing',
      severity: 'error',
      comment: 'Ports and the error family are the basement: they import no other part of src/.',
      from: { path: '^src/kernel/' },
      to: { path: '^src/', pathNot: '^src/kernel/' },
    },
    {
      name: 'contract-imports-only-engine-types',
      severity: 'error',
      comment: 'The contract is shared with the pages: it may name engine types, nothing else of src/.',
      from: { path: '^src/contract/' },
      to: { path: '^src/', pathNot: '^src/(contract|engine)/' },
    },
    {
      name: 'nothing-imports-entry',
      severity: 'error',
      comment: 'entry/ is the top: only src/index.ts re-exports it. dev/ and test/ may use entry/composition to build the same services.',
      from: { path: '^src/', pathNot: '^src/(index\\.ts$|entry/)' },
      to: { path: '^src/entry/' },
    },
    {
      name: 'platform-only-from-composition',
      severity: 'error',
      comment: 'The Forge adapters are wired in by entry/ only; services see ports.',
      from: { path: '^src/', pathNot: '^src/(entry|platform)/' },
      to: { path: '^src/platform/' },
    },
    {
      name: 'rest-is-an-edge',
      severity: 'error',
      comment: 'Use cases never depend on the HTTP layer.',
      from: { path: '^src/(access|audit|engine|jira|kernel|policy|report-settings|reporting|storage|tokens|contract|platform)/' },
      to: { path: '^src/rest/' },
    },
    {
      name: 'one-way-into-engine',
      severity: 'error',
      comment: 'src/ outside the engine imports its public surface, src/engine/index.ts.',
      from: { path: '^src/', pathNot: '^src/engine/' },
      to: { path: '^src/engine/', pathNot: '^src/engine/index\\.ts$' },
    },
    {
      name: 'one-way-into-jira',
      severity: 'error',
      comment: 'src/ outside the Jira data access imports its public surface, src/jira/index.ts.',
      from: { path: '^src/', pathNot: '^src/jira/' },
      to: { path: '^src/jira/', pathNot: '^src/jira/index\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(node_modules|static/dist|data|test-output)/' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
