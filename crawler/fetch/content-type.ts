/** MIME type without parameters, lower case: 'text/html; charset=GBK' → 'text/html'. */
export function mimeType(contentType: string | null | undefined): string | undefined {
  const mime = contentType?.split(';')[0]?.trim().toLowerCase();
  return mime || undefined;
}

/**
 * Whether a body is worth downloading and decoding. Without a Content-Type it is assumed to be a page: many old
 * government servers send none. PDFs, images and archives are not downloaded, only their status is wanted.
 */
export function isTextual(mime: string | undefined): boolean {
  if (!mime) return true;
  return (
    mime.startsWith('text/') ||
    mime.endsWith('+xml') ||
    mime.endsWith('+json') ||
    mime === 'application/xml' ||
    mime === 'application/json' ||
    mime === 'application/javascript' ||
    mime === 'application/x-javascript'
  );
}
