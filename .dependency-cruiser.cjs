// `npm run lint`, its import-boundary half: the layers of ARCHITECTURE.md as rules, so a wrong import fails CI
// rather than a review. Each rule says which arrow it keeps. Tests (*.test.ts) and the test data beside them
// (*.fixtures.ts) may reach across layers to set up what they prove, so the domain rules look at production files only.
const TEST = '\\.(test|spec|fixtures)\\.tsx?$';
/** Test data and test-only generators: named *.fixtures.ts, imported only by tests and benchmarks, never bundled. */
const FIXTURES = '\\.fixtures\\.tsx?$';
/** The console's code: pages, server actions, components. */
const UI = '^(app|components)/';
/** The service's insides, which the console reaches only through the API (an AWS SDK client). */
const SERVICE_INSIDES = '^lib/(store|iam|sts|analyzer|authn|authz|audit|crypto|sigv4|protocol|service)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'production-never-imports-fixtures',
      comment:
        'Test data (*.fixtures.ts: the SigV4 test suite, policy builders, synthetic accounts, request generators) is ' +
        'imported by tests and benchmarks only, so it is never bundled into the service or the console.',
      severity: 'error',
      from: { pathNot: [TEST, '^(bench|e2e)/'] },
      to: { path: FIXTURES },
    },
    {
      name: 'core-is-the-bottom',
      comment:
        'lib/core (AwsError and its table, Principal, OperationContext, Operation) is what every layer shares: at run ' +
        'time it imports nothing of ours; OperationContext names the Store, configuration and SecretBox interfaces by type only.',
      severity: 'error',
      from: { path: '^lib/core/', pathNot: TEST },
      to: { path: '^(app|components|bin|e2e|lib/(?!core/))', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'core-types-only-name-interfaces',
      comment: "lib/core's type-only imports are the interfaces OperationContext carries, nothing else.",
      severity: 'error',
      from: { path: '^lib/core/', pathNot: TEST },
      to: { path: '^(app|components|bin|e2e|lib/(?!(core/|store/types|config|crypto/secrets)))' },
    },
    {
      name: 'policy-is-pure',
      comment: 'lib/policy (parse, validate, evaluate, explain) imports nothing of ours: it runs in the browser too.',
      severity: 'error',
      from: { path: '^lib/policy/' },
      to: { path: '^(app|components|bin|e2e|lib/(?!policy/))' },
    },
    {
      name: 'csv-is-a-leaf',
      comment: 'lib/csv, the one CSV writer, is shared by the service and the browser: it imports nothing of ours.',
      severity: 'error',
      from: { path: '^lib/csv/' },
      to: { path: '^(app|components|bin|e2e|lib/(?!csv/))' },
    },
    {
      name: 'browser-analyses-use-only-the-policy-engine',
      comment: 'lib/explorer and lib/simulator run in the browser over data read through the API.',
      severity: 'error',
      from: { path: '^lib/(explorer|simulator)/' },
      to: { path: '^(app|components|bin|lib/(?!(policy|explorer|simulator)/))' },
    },
    {
      name: 'ui-never-reaches-the-service-insides',
      comment:
        'Pages and components reach IAM only through lib/console and the SDK: never the store, the domain, authn/authz ' +
        'or audit. The one exception is the route that mounts the IAM endpoint on the console origin (app/aws).',
      severity: 'error',
      from: { path: UI, pathNot: '^app/aws/' },
      to: { path: SERVICE_INSIDES },
    },
    {
      name: 'console-is-a-client',
      comment:
        'lib/console calls IAM through @aws-sdk/client-iam like any client; it never imports the service. One exception: ' +
        "lib/service/client-stamp.ts, the signed stamp of the browser's address that the console's server-side calls " +
        'forward to the /aws mount of the same process (the trusted channel of issue 10, item 2); and ' +
        'lib/authn/sign-in-limits.ts, the one sign-in limiter (pure rules over a repository interface), which the ' +
        "console's access-key sign-in runs over memory and the service over its database.",
      severity: 'error',
      from: { path: '^lib/console/' },
      to: { path: SERVICE_INSIDES, pathNot: '^lib/(service/client-stamp|authn/sign-in-limits)\\.ts$' },
    },
    {
      name: 'service-never-imports-the-console',
      comment: 'The service (everything under lib/ but the console and its browser analyses) knows nothing of the UI.',
      severity: 'error',
      from: { path: '^lib/(?!(console|explorer|simulator)/)' },
      to: { path: '^(app|components|lib/console)/' },
    },
    {
      name: 'domain-never-imports-the-wire',
      comment: 'The domain (lib/iam, lib/sts, lib/analyzer) throws the typed errors of lib/core and never knows the wire.',
      severity: 'error',
      from: { path: '^lib/(iam|sts|analyzer)/', pathNot: TEST },
      to: { path: '^lib/(protocol|service)/' },
    },
    {
      name: 'domain-reads-the-catalogue-through-its-port',
      comment:
        'The AWS managed policy catalogue is infrastructure (a data package, files, a cache on disk): the domain and the ' +
        'request pipeline read it through lib/core/managed-policy-catalogue.ts; only the composition root (lib/service) ' +
        'installs lib/catalog.',
      severity: 'error',
      from: { path: '^lib/(iam|sts|analyzer|authn|authz|audit|policy|protocol|sigv4|store)/', pathNot: TEST },
      to: { path: '^lib/catalog/' },
    },
    {
      name: 'signatures-never-import-the-wire',
      comment: 'lib/sigv4 is a pure step of authentication: it imports only lib/core (the AWS error classes).',
      severity: 'error',
      from: { path: '^lib/sigv4/', pathNot: TEST },
      to: { path: '^lib/(?!(sigv4|core)/)' },
    },
    {
      name: 'store-knows-no-caller',
      comment: 'lib/store implements the Store interface; it never imports the domain, the wire or the edges.',
      severity: 'error',
      from: { path: '^lib/store/', pathNot: TEST },
      to: { path: '^(app|components|bin|lib/(iam|sts|analyzer|authn|authz|audit|protocol|service|console)/)' },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|\\.next)/' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.json'] },
  },
};
