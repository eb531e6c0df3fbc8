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
)
