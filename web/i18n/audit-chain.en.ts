import type { auditChainZhCN } from './audit-chain.zh-CN'

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> }

export const auditChainEn: Messages<typeof auditChainZhCN> = {
  open: 'Verify hash chain',
  title: 'Audit log integrity check',
  intro: 'Recomputes the whole audit hash chain (signed with the audit key kept outside the database) and names the first row that was deleted, altered or reordered. Add a checkpoint file downloaded earlier to find a chain cut short or rewritten behind it.',
  run: 'Verify',
  checkpointFile: 'Against a checkpoint',
  chooseCheckpoint: 'Choose a checkpoint file (.json)',
  clearCheckpoint: 'No checkpoint',
  badCheckpoint: 'This file is not an audit checkpoint',
  download: 'Download checkpoint',
  downloadHint: 'A checkpoint records the chain’s head now (row, hash, time), signed with the audit key. Keep it outside this system to verify against later.',
  intact: 'The hash chain is intact',
  intactDetail: '{{rows}} rows verified (signed with the key from row {{keyedFromSeq}} on)',
  intactCheckpoint: 'Nothing up to the checkpoint (row {{seq}}) has changed',
  intactArchived: 'Rows up to {{seq}} are archived to a file: verify it with jixiao audit verify --archive',
  broken: 'The hash chain is broken',
  brokenDetail: 'First broken row: {{seq}} ({{rows}} rows before it are sound)',
  reasons: {
    missing_row: 'A row is missing (deleted)',
    link_broken: 'The link to the previous row is broken',
    content_altered: 'The row’s content was altered',
    head_mismatch: 'Rows were removed from the end',
    wrong_key: 'The audit key is not the key the chain was written with',
    checkpoint_signature: 'The checkpoint is not signed with this system’s audit key (altered, or from another system)',
    checkpoint_rewritten: 'Rows before the checkpoint were rewritten',
    checkpoint_truncated: 'Rows the checkpoint recorded are gone (chain cut short)',
    archive_unrecorded: 'The chain starts after an archive that no row of the chain records (rows removed from its start)',
    segment_incomplete: 'The rows of a bulk segment (a project import) do not match its seal (rows removed, or no seal)',
  },
}
