import { extname } from 'node:path';

/**
 * Content types of a saved copy's files, by extension. No charset: the bytes are served as stored, and the fetcher
 * finds the encoding from the page itself (meta, BOM, detection), as it does for servers that send none.
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html', '.htm': 'text/html', '.shtml': 'text/html', '.jhtml': 'text/html', '.xhtml': 'application/xhtml+xml',
  '.jsp': 'text/html', '.asp': 'text/html', '.aspx': 'text/html', '.php': 'text/html',
  '.css': 'text/css', '.js': 'application/javascript', '.mjs': 'application/javascript', '.json': 'application/json',
  '.xml': 'application/xml', '.txt': 'text/plain', '.csv': 'text/csv',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.svg': 'image/svg+xml', '.ico': 'image/x-icon', '.webp': 'image/webp', '.bmp': 'image/bmp',
  '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.otf': 'font/otf', '.eot': 'application/vnd.ms-fontobject',
  '.mp4': 'video/mp4', '.mp3': 'audio/mpeg', '.swf': 'application/x-shockwave-flash',
  '.pdf': 'application/pdf', '.doc': 'application/msword', '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel', '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '.zip': 'application/zip', '.rar': 'application/vnd.rar',
};

export function contentTypeFor(file: string): string {
  // HTTrack's hashed names (`indexc904.html`) and wget's (`x.html?a=b`) keep the page's extension before any query.
  const name = file.replace(/[?@].*$/, '');
  return TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream';
}
