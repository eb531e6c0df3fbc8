import { describeMatrixSlice, MATRIX_SLICES } from './authorization-matrix.ts'

await describeMatrixSlice(2, MATRIX_SLICES)
