import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Only the CLI edge may print; the core and adapters report through callbacks.
    files: ['src/core/**/*.ts', 'src/avito/**/*.ts', 'src/store/**/*.ts', 'src/knowledge/**/*.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': ['error', { paths: ['chalk', 'ora', 'commander'] }],
      'no-restricted-globals': ['error', 'process'],
    },
  },
);
