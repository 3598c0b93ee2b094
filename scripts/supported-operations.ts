// Writes docs/SUPPORTED.md: which IAM, STS and IAM Access Analyzer operations Gatehouse implements, from the operation tables and
// AWS's service models. `npx tsx scripts/supported-operations.ts` (a unit test checks the file is current).
import fs from 'node:fs';
import path from 'node:path';
import { supportedOperationsMarkdown } from '../lib/protocol/supported';

const file = path.resolve(import.meta.dirname, '../docs/SUPPORTED.md');
fs.writeFileSync(file, supportedOperationsMarkdown());
console.log(`wrote ${file}`);
