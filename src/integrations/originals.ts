/**
 * At the end of `astro build`, writes the readable UTF-8 copy of every original that is not UTF-8 next
 * to it in the output (see src/lib/originals.ts). The originals themselves are copied from public/ untouched and
 * checked against public/SHA256SUMS by the content loader (src/content.config.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { ORIGINALS_DIR, originalNames } from '../lib/fixity.ts';
import { needsUtf8View, utf8View, utf8ViewName } from '../lib/originals.ts';

export default function originalsUtf8(): AstroIntegration {
  return {
    name: 'archive-originals-utf8',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const out = join(fileURLToPath(dir), 'originals');
        let copies = 0;
        for (const name of originalNames('.')) {
          const file = `${ORIGINALS_DIR}/${name}`;
          const bytes = readFileSync(file);
          if (!needsUtf8View(bytes)) continue;
          writeFileSync(join(out, utf8ViewName(name)), utf8View(file, bytes));
          copies++;
        }
        logger.info(`wrote UTF-8 copies of the ${copies} originals in other encodings`);
      },
    },
  };
}
