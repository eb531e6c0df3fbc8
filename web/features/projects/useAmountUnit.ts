import { usePersistentState } from '../../shared/usePersistentState'
import type { AmountUnit } from './amounts'

const isAmountUnit = (value: unknown): value is AmountUnit => value === 'yuan' || value === 'wan'

/** 元 or 万元 for the project list, remembered in this browser. */
export const useAmountUnit = () => usePersistentState<AmountUnit>('jixiao.projects.amountUnit', 'yuan', isAmountUnit)
