// typescript-eslint's type-aware recommended rules over every TypeScript file.
// A rule changed here, or disabled in a file, has its reason beside it.
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeGlobals = { console: 'readonly', process: 'readonly', module: 'writable', require: 'readonly', __dirname: 'readonly', Buffer: 'readonly' };

export default tseslint.config(
  { ignores: ['node_modules/', 'static/dist/', 'data/', 'test-output/', '.cache/'] },
  js.configs.recommended,
  comments.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Ports and Kysely's Driver are async interfaces; an implementation that answers at
      // once still keeps the promise contract, and `async` is the plain way to say so.
      '@typescript-eslint/require-await': 'off',
      // `_name` marks a value kept on purpose (a stub's unused argument); `...rest` omits keys.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Every eslint-disable comment gives its reason after `--`, on the same line.
      '@eslint-community/eslint-comments/require-description': ['error', { ignore: [] }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // jest's asymmetric matchers (expect.objectContaining, expect.any...) are typed `any`
      // by @types/jest; assigning them into expected objects is how jest is written.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: nodeGlobals },
  },
);
