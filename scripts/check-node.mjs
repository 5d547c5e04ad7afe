// Astro 7 and Vitest 5 need Node >= 22.12. The project ships Node 24 as the `node` dependency; npm
// scripts put node_modules/.bin first on PATH, so this guard fails only when that binary is missing
// (npm skipped its install script) or a command runs outside npm. Used by astro.config.mjs and npm scripts.
import { fileURLToPath } from 'node:url';

export function assertSupportedNode(version = process.versions.node) {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  if (major > 22 || (major === 22 && minor >= 12)) return;
  throw new Error(
    [
      `工会报告档案：Node ${version} 版本过低 / is too old: Astro 7 needs Node >= 22.12 (the project uses Node 24).`,
      'Run the commands through npm (npm run build, npm test) so the bundled Node 24 in node_modules/.bin is used.',
      'If that binary is missing, its install script was blocked: check that package.json "allowScripts" approves',
      '"node" (npm install-scripts approve node) and run `npm install` again, or install Node 24 yourself.',
    ].join('\n'),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    assertSupportedNode();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
