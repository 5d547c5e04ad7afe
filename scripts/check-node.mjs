// Astro 7 and Vitest 5 need Node >= 22.12. The project ships Node 24 as the `node` devDependency;
// npm scripts put node_modules/.bin first on PATH, so this guard only fails when that binary is missing
// (for example when npm skipped its install script) or a command runs outside npm.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    [
      `工会报告档案: Node ${process.versions.node} is too old; Astro 7 needs Node >= 22.12 (the project uses Node 24).`,
      'Run the commands through npm (npm run build, npm test) so the bundled Node 24 from node_modules/.bin is used.',
      'If it is missing, its install script was blocked: run `npm install` again and check that package.json',
      '"allowScripts" approves "node" (npm install-scripts approve node), or install Node 24 yourself.',
    ].join('\n'),
  );
  process.exit(1);
}
