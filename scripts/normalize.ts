// Prints a source text with the archive's normalisation rules applied (a starting point for an article).
// Usage: npm run normalize -- <file>
import { readFileSync } from 'node:fs';
import { normalizeText, rejoinBrokenLines } from '../src/lib/normalize.ts';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run normalize -- <file>');
  process.exit(2);
}
process.stdout.write(rejoinBrokenLines(normalizeText(readFileSync(file, 'utf8'))));
