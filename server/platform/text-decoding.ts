/**
 * Text from Chinese Windows: UTF-8 when the bytes are valid UTF-8, otherwise GB18030 (a superset of GBK, what
 * "CSV (逗号分隔)" and older zip tools write). Invalid UTF-8 is never silently turned into "�".
 */
export function decodeUtf8OrGb18030(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}
