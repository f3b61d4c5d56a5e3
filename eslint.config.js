import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/** The adapters: one folder per outside system. They never import each other. */
const ADAPTERS = ['avito', 'knowledge', 'store', 'telegram', 'server'];

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
    // The house keeps its shape: the core imports only itself, errors.ts and messages/; an adapter
    // imports the core, errors.ts, messages/ and net/, never another adapter, the CLI or the configuration.
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
      // no-cycle reads the imported files too: with TypeScript's parser.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts', '.js'],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './src/core', from: './src', except: ['./core', './errors.ts', './messages'], message: 'The core imports only itself, errors.ts and the message catalogue.' },
            { target: './src/messages', from: './src', except: ['./messages'], message: 'The message catalogue imports nothing of ours: everyone may import it.' },
            ...ADAPTERS.map((adapter) => ({
              target: `./src/${adapter}`,
              from: [...ADAPTERS.filter((other) => other !== adapter).map((other) => `./src/${other}`), './src/cli', './src/config'],
              message: 'Adapters never import each other, the CLI or the configuration: the CLI composes them.',
            })),
          ],
        },
      ],
    },
  },
  {
    // Only the CLI edge may print; the core and adapters report through callbacks.
    files: ['src/core/**/*.ts', 'src/avito/**/*.ts', 'src/store/**/*.ts', 'src/knowledge/**/*.ts', 'src/telegram/**/*.ts', 'src/server/**/*.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': ['error', { paths: ['chalk', 'ora', 'commander'] }],
      'no-restricted-globals': ['error', 'process'],
    },
  },
  {
    // The core decides; it touches no file, socket or process.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            'chalk',
            'ora',
            'commander',
            {
              name: '../errors.js',
              importNames: ['AvitoApiError', 'AvitoAuthError', 'AvitoResponseError', 'GeminiApiError', 'TelegramBotError'],
              message: "The core decides on the ports' errors (MessengerError, KnowledgeError), never on an adapter's.",
            },
          ],
          patterns: [{ group: ['node:*'], message: 'The core does no I/O: take a port as a parameter.' }],
        },
      ],
    },
  },
);
