import { describeMatrixSlice, MATRIX_SLICES } from './authorization-matrix.ts'

await describeMatrixSlice(3, MATRIX_SLICES)
