// ESLint for TypeScript and Astro components; formatting is Prettier's job (eslint-config-prettier).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { defineConfig } from 'eslint/config';

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', '.astro/', 'bench/results*', 'tests/fixtures/archive/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Reading localStorage or clipboard may throw in private modes; there is nothing to do then.
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Binary detection and the MDX fuzzer match control characters on purpose.
      'no-control-regex': 'off',
      // Chinese text uses the ideographic space (U+3000) in strings, patterns and comments.
      // Relative imports name their file (`./x.ts`): Node runs the tools without a bundler, and one
      // convention serves the site, the tools and the tests alike.
      'no-restricted-syntax': [
        'error',
        ...['ImportDeclaration', 'ExportNamedDeclaration', 'ExportAllDeclaration', 'ImportExpression'].map((node) => ({
          selector: `${node}[source.value=/^\\.\\.?\\/(?!.*\\.(ts|mjs|js|astro|json|css|svg)$)/]`,
          message: 'A relative import names its file with the extension (e.g. ./urls.ts).',
        })),
      ],
      'no-irregular-whitespace': [
        'error',
        { skipStrings: true, skipComments: true, skipRegExps: true, skipTemplates: true },
      ],
    },
  },
  // Functions a reader can take in whole (issue #22): longer logic is split into named steps. Tests may
  // keep long cases together.
  {
    files: ['src/**/*.{ts,mjs,js,astro}', 'tools/**/*.{ts,mjs,js}'],
    rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: false, skipComments: false }] },
  },
  prettier,
  // After Prettier's config, which turns max-len off: Prettier does not break long strings or comments.
  { rules: { 'max-len': ['error', { code: 140, ignoreUrls: true, ignoreRegExpLiterals: true }] } },
);
