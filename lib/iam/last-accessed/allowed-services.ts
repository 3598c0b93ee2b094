// The service namespaces a set of policy documents allows (Allow statements' Action / NotAction), for last-accessed reports.
import { matchWildcard, compileWildcard } from '../../policy';
import { serviceNames } from './service-names';

function asList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * Namespaces granted by the documents' Allow statements: `svc:Action` names `svc`; a wildcard in the service
 * part (`*`, `s3*:Get*`) or a `NotAction` covers every known service it matches.
 */
export function allowedServiceNamespaces(documents: string[]): string[] {
  const found = new Set<string>();
  const all = [...serviceNames().keys()];
  for (const text of documents) {
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch {
      continue;
    }
    const raw = (document as { Statement?: unknown }).Statement;
    const statements = Array.isArray(raw) ? raw : raw ? [raw] : [];
    for (const statement of statements as Record<string, unknown>[]) {
      if (!statement || statement.Effect !== 'Allow') continue;
      if (statement.NotAction !== undefined) {
        all.forEach((s) => found.add(s));
        continue;
      }
      for (const action of asList(statement.Action)) {
        const service = action === '*' ? '*' : action.split(':')[0].toLowerCase();
        if (!/[*?]/.test(service)) {
          found.add(service);
          continue;
        }
        const pattern = compileWildcard(service);
        for (const s of all) if (matchWildcard(pattern, s)) found.add(s);
      }
    }
  }
  return [...found].sort();
}
