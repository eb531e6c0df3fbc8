import { STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import type { FastifyBaseLogger } from 'fastify'
import { type ErrorCode, errorCatalog, type Language } from '../../domain/errors.ts'

type ClientError = Error & { code?: string; rawPacket?: unknown }

const codeOf = (error: ClientError): ErrorCode =>
  error.code === 'HPE_HEADER_OVERFLOW' ? 'HEADERS_TOO_LARGE' : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'REQUEST_TIMEOUT' : 'MALFORMED_REQUEST'

/**
 * Node's parser refused the request, so there is no request object to read Accept-Language from: look for it in
 * the bytes received (an oversized header after it does not hide it; one before it does, and the answer is Chinese).
 */
function languageOf(raw: unknown): Language {
  return Buffer.isBuffer(raw) && /\r\naccept-language:[ \t]*en\b/i.test(raw.toString('latin1')) ? 'en' : 'zh'
}

/**
 * Fastify's `clientErrorHandler`: a request Node's HTTP parser refuses (headers over the limit, a broken request
 * line, a request that never finished arriving) gets our `{error:{code,message}}` instead of Node's bare status
 * line or Fastify's English JSON, and the connection closes.
 */
export function answerClientError(this: { log: FastifyBaseLogger }, error: ClientError, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  this.log.debug({ err: error }, 'client error')
  // As Node does: never write a status line into a response already under way on this connection.
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage
  if (socket.writable && !inFlight?.headersSent) {
    const code = codeOf(error)
    const { status } = errorCatalog[code]
    const body = JSON.stringify({ error: { code, message: errorCatalog[code][languageOf(error.rawPacket)] } })
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
    )
  }
  socket.destroySoon()
}
