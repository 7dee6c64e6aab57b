import { describe, expect, it } from 'vitest';
import { isPrivateHost } from '../../crawler/fetch/index.ts';
import { backoffMs, isRetryableError, isRetryableStatus, parseRetryAfter } from '../../crawler/fetch/retry-policy.ts';
import { classifyNetworkError } from '../../crawler/fetch/classify-error.ts';
import { isTextual, mimeType } from '../../crawler/fetch/content-type.ts';

describe('isPrivateHost', () => {
  const hostOf = (url: string) => new URL(url).hostname;

  it.each(['127.0.0.1', '127.8.9.10', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '0.0.0.0', '::1', '[::1]', 'localhost', 'LOCALHOST', 'intranet.localhost', 'fd00::1', 'fe80::1'])(
    '%s is private',
    (host) => expect(isPrivateHost(host)).toBe(true),
  );

  it.each(['8.8.8.8', '11.0.0.1', '172.15.0.1', '172.32.0.1', '192.169.0.1', '169.255.0.1', 'www.gov.cn', 'localhost.gov.cn', '[2001:db8::1]'])('%s is public', (host) =>
    expect(isPrivateHost(host)).toBe(false),
  );

  it('sees through the spellings the URL parser normalises (hex, integer, IPv4-mapped IPv6)', () => {
    expect(isPrivateHost(hostOf('http://0x7f.1/'))).toBe(true);
    expect(isPrivateHost(hostOf('http://2130706433/'))).toBe(true);
    expect(isPrivateHost(hostOf('http://[::ffff:127.0.0.1]/'))).toBe(true);
    expect(isPrivateHost(hostOf('http://[::ffff:8.8.8.8]/'))).toBe(false);
  });
});

describe('retry policy', () => {
  it('retries overload and gateway statuses, not answers', () => {
    for (const s of [429, 500, 502, 503, 504]) expect(isRetryableStatus(s)).toBe(true);
    for (const s of [200, 301, 403, 404, 410, 501]) expect(isRetryableStatus(s)).toBe(false);
  });

  it('retries network failures but not TLS faults or its own refusals', () => {
    for (const k of ['timeout', 'dns', 'reset', 'refused'] as const) expect(isRetryableError(k)).toBe(true);
    for (const k of ['tls', 'robots', 'off-site', 'private-address', 'redirect-loop'] as const) expect(isRetryableError(k)).toBe(false);
  });

  it('backs off exponentially with jitter in the upper half of each step', () => {
    expect(backoffMs(1, 500, () => 0)).toBe(250);
    expect(backoffMs(1, 500, () => 1)).toBe(500);
    expect(backoffMs(3, 500, () => 0)).toBe(1000);
    expect(backoffMs(3, 500, () => 1)).toBe(2000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-01-15T08:00:00Z');
    expect(parseRetryAfter('1', now)).toBe(1000);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
    expect(parseRetryAfter('Thu, 15 Jan 2026 08:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Thu, 15 Jan 2026 07:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('classifyNetworkError', () => {
  const failed = (cause: unknown) => new TypeError('fetch failed', { cause });
  const sysError = (code: string) => Object.assign(new Error(`${code} something`), { code });

  it.each([
    ['ENOTFOUND', 'dns'],
    ['EAI_AGAIN', 'dns'],
    ['ECONNREFUSED', 'refused'],
    ['ECONNRESET', 'reset'],
    ['UND_ERR_SOCKET', 'reset'],
    ['UND_ERR_CONNECT_TIMEOUT', 'timeout'],
    ['CERT_HAS_EXPIRED', 'tls'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls'],
    ['EWHATEVER', 'other'],
  ])('%s is %s', (code, kind) => {
    const e = classifyNetworkError(failed(sysError(code)));
    expect(e.kind).toBe(kind);
    expect(e.message).toContain(code);
  });

  it('looks inside AggregateError (happy-eyeballs connects) and plain errors', () => {
    expect(classifyNetworkError(failed(new AggregateError([sysError('ECONNREFUSED')]))).kind).toBe('refused');
    expect(classifyNetworkError(new Error('boom'))).toEqual({ kind: 'other', message: 'boom' });
  });
});

describe('content types', () => {
  it('downloads pages and data, not documents and media', () => {
    expect(mimeType('Text/HTML; charset=GBK')).toBe('text/html');
    for (const t of [undefined, 'text/html', 'text/plain', 'application/xhtml+xml', 'application/json', 'application/rss+xml']) expect(isTextual(t)).toBe(true);
    for (const t of ['application/pdf', 'image/png', 'application/zip', 'application/msword']) expect(isTextual(t)).toBe(false);
  });
});
