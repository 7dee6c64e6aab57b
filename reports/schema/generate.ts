// Regenerates report.schema.json from the zod schema: npx tsx reports/schema/generate.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { reportJsonSchemaText } from './report.ts';

const out = fileURLToPath(new URL('./report.schema.json', import.meta.url));
writeFileSync(out, reportJsonSchemaText());
console.log(out);
