import tseslint from 'typescript-eslint'

// Import boundaries of DESIGN.md §2: domain/ imports nothing of ours; web/ and server/ never import each other.
const forbid = (...groups) => ({ 'no-restricted-imports': ['error', { patterns: groups.map((group) => ({ group, message: 'crosses a boundary of DESIGN.md §2' })) }] })

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'data/', 'test-results/', '.scratch/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  { files: ['domain/**'], rules: forbid(['**/server/**', '**/web/**', '**/e2e/**', '**/bench/**']) },
  { files: ['web/**'], rules: forbid(['**/server/**']) },
  { files: ['server/**'], rules: forbid(['**/web/**']) },
  // Exported workbooks are written only by server/platform/excel.ts (sendXlsx, workbookBuffer), which quotes text
  // a spreadsheet could take for a formula (issue 10, point 9; ADR 0006).
  {
    files: ['server/**'],
    ignores: ['server/**/*.test.ts', 'server/test/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['writeBuffer', 'writeFile', 'WorkbookWriter'].map((property) => ({ property, message: 'write workbooks with sendXlsx or workbookBuffer (server/platform/excel.ts): they guard formulas' })),
      ],
    },
  },
)
