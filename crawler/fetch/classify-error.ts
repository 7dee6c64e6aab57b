import type { FetchError, FetchErrorKind } from './types.ts';

/**
 * Names a failed request by its cause, so a report can say "DNS failure" or "connection reset" rather than
 * "fetch failed" (undici's message for every network error; the system error code sits in `cause`).
 */
export function classifyNetworkError(err: unknown): FetchError {
  const code = errorCode(err);
  const message = describe(err, code);
  return { kind: kindOf(code, message), message };
}

const KIND_BY_CODE: Record<string, FetchErrorKind> = {
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EAI_NONAME: 'dns',
  EAI_NODATA: 'dns',
  EAI_FAIL: 'dns',
  ECONNREFUSED: 'refused',
  ECONNRESET: 'reset',
  ECONNABORTED: 'reset',
  EPIPE: 'reset',
  UND_ERR_SOCKET: 'reset', // "other side closed": the server dropped the connection
  UND_ERR_CLOSED: 'reset',
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  EPROTO: 'tls',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'tls',
  SELF_SIGNED_CERT_IN_CHAIN: 'tls',
  CERT_HAS_EXPIRED: 'tls',
  CERT_NOT_YET_VALID: 'tls',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'tls',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'tls',
};

function kindOf(code: string | undefined, message: string): FetchErrorKind {
  if (code && KIND_BY_CODE[code]) return KIND_BY_CODE[code];
  if (code && /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_)/.test(code)) return 'tls';
  if (/\b(SSL|TLS|certificate)\b/i.test(message)) return 'tls';
  return 'other';
}

/** The first system or undici error code found along the `cause` chain (and inside AggregateErrors). */
function errorCode(err: unknown, depth = 0): string | undefined {
  if (!err || typeof err !== 'object' || depth > 5) return undefined;
  const e = err as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string') return e.code;
  if (Array.isArray(e.errors)) for (const inner of e.errors) {
    const c = errorCode(inner, depth + 1);
    if (c) return c;
  }
  return errorCode(e.cause, depth + 1);
}

function describe(err: unknown, code: string | undefined): string {
  let e: unknown = err;
  let innermost = String((err as Error)?.message ?? err);
  for (let i = 0; i < 5 && e && typeof e === 'object' && 'cause' in e && (e as { cause?: unknown }).cause; i++) {
    e = (e as { cause: unknown }).cause;
    if ((e as Error)?.message) innermost = (e as Error).message;
  }
  return code && !innermost.includes(code) ? `${code}: ${innermost}` : innermost;
}
