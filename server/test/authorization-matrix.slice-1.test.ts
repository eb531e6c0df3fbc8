import { describeMatrixSlice, MATRIX_SLICES } from './authorization-matrix.ts'

await describeMatrixSlice(1, MATRIX_SLICES)
