/** Node flags of the standalone server (see bin/iam.mjs). */
export const IAM_NODE_FLAGS: string[];
/** Environment of the standalone server's process (see bin/iam.mjs). */
export const IAM_NODE_ENV: Record<string, string>;
/** Builds bin/iam-server.ts into one ES module and returns its path. */
export function buildIamServer(): Promise<string>;
/** Replaces non-ASCII characters on the comment lines of a bundle, when that leaves it all ASCII. */
export function asciiOnly(file: string): void;
