// Lint gate (npm run lint): typescript-eslint and eslint-plugin-svelte on their recommended sets,
// plus the import boundary of design.md: src/lib is pure TypeScript (no Svelte, Astro or
// component import; tests/unit/architecture.test.ts checks DOM globals and domain edges).
import svelte from 'eslint-plugin-svelte';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'dist-*/', '.astro/', 'node_modules/', '**/*.astro'] },
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'as' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // {'\n'}, {' '} and {'; '} keep whitespace exactly where markup formatting would change it.
      'svelte/no-useless-mustaches': 'off',
    },
  },
  {
    // Tests may assert that a value exists with `!` after checking it.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['src/lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(svelte|astro)(/|:|$)', message: 'src/lib is pure TypeScript: no Svelte or Astro (design.md).' },
            { regex: '^@astrojs/', message: 'src/lib is pure TypeScript: no Astro integration (design.md).' },
            { regex: '(^|/)components/', message: 'src/lib must not import components.' },
          ],
        },
      ],
    },
  },
);
