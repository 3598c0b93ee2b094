// Next.js configuration: the IAM service's native and Node-only modules stay on the server.
/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
  reactStrictMode: true,
};

module.exports = nextConfig;
