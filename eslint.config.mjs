// One lint configuration for the server, the tests and the dashboard; Prettier owns formatting
// (eslint-config-prettier turns off every rule it decides).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import vue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '**/dist/',
      'coverage/',
      'bench/out/',
      '.scratch/',
      'src/generated/',
      'web/src/generated/',
      'tests/fixtures/',
      'tests/browser/artifacts/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-require-imports': 'error',
      // Sanitising untrusted text means matching control characters on purpose.
      'no-control-regex': 'off',
      // Reports print full-width spaces; comments and templates quote them.
      'no-irregular-whitespace': ['error', { skipComments: true, skipTemplates: true, skipStrings: true }],
    },
  },
  {
    // Tests and benches read GraphQL answers as plain JSON.
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['web/**/*.{ts,vue}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
  {
    // The browser bundles src/shared: nothing in it may need Node.
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(node:)?(fs|path|os|crypto|child_process|worker_threads|stream|zlib|util|net|http|https|url|buffer|events)(/.*)?$',
              message: 'src/shared is bundled for the browser: no Node built-ins.',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
