import { dirname, relative, resolve, sep } from 'node:path'
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const ROOT = import.meta.dirname

/**
 * The direction of dependencies (ARCHITECTURE.md): core ← db ← features ← server / cli. A layer lists
 * either the only places it may import from (`only`, with the packages it may use) or the places it
 * must not import from (`never`). Paths are from the repository root; tests are not checked (they
 * may reach into any layer, for example to run the CLI).
 */
const LAYERS = [
  {
    layer: 'src/core/',
    only: ['src/core/'],
    packages: ['zod', 'node:crypto'],
    why: 'core is pure: it imports nothing outside src/core (zod allowed)',
  },
  {
    layer: 'src/contracts/',
    never: ['src/db/', 'src/features/', 'src/server/', 'src/cli/', 'web/'],
    why: 'contracts are shared with the web UI: zod and core only',
  },
  {
    layer: 'src/db/',
    never: ['src/features/', 'src/server/', 'src/cli/', 'web/'],
    why: 'the database layer knows no feature or shell',
  },
  {
    layer: 'src/server/route.ts',
    never: ['src/features/', 'src/cli/', 'web/'],
    why: 'a route declaration knows no feature: features import it, not the other way round',
  },
  {
    layer: 'src/features/',
    never: ['src/cli/', 'web/'],
    why: 'features never import the CLI or the web UI (the shells import the features)',
  },
]

const layers = {
  rules: {
    'import-direction': {
      meta: { type: 'problem', schema: [], docs: { description: 'imports follow the layer direction' } },
      create(context) {
        const file = relative(ROOT, context.filename).split(sep).join('/')
        const rule = LAYERS.find((l) => file.startsWith(l.layer))
        if (!rule) return {}
        const check = (source) => {
          if (source?.type !== 'Literal' || typeof source.value !== 'string') return
          const specifier = source.value
          const isRelative = specifier.startsWith('.')
          const target = isRelative
            ? relative(ROOT, resolve(dirname(context.filename), specifier))
                .split(sep)
                .join('/')
            : null
          const isAllowed =
            target === null
              ? !rule.packages || rule.packages.some((p) => specifier === p || specifier.startsWith(`${p}/`))
              : (!rule.only || rule.only.some((p) => `${target}/`.startsWith(p))) &&
                !(rule.never ?? []).some((p) => `${target}/`.startsWith(p))
          if (!isAllowed) context.report({ node: source, message: `'${specifier}': ${rule.why}` })
        }
        return {
          ImportDeclaration: (node) => check(node.source),
          ExportNamedDeclaration: (node) => check(node.source),
          ExportAllDeclaration: (node) => check(node.source),
          ImportExpression: (node) => check(node.source),
        }
      },
    },
  },
}

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'dist/**', 'test-results/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The web UI takes types from the shared zod contracts but never zod itself at run time (it would
    // cost 26 kB of the 300 kB each page may load); the server checks the answers against the contracts.
    files: ['web/src/**/*.{ts,tsx}'],
    ignores: ['web/src/**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['zod', 'zod/*', '**/contracts/*'],
              allowTypeImports: true,
              message: 'import types only (`import type`): the UI does not ship zod',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts', 'src/test/**'],
    plugins: { layers },
    rules: { 'layers/import-direction': 'error' },
  },
  {
    files: ['**/*.mjs', 'bin/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
)
