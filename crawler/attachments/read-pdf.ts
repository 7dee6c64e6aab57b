import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { AttachmentPart } from './types.ts';
import { UnreadableAttachment } from './types.ts';

const require = createRequire(import.meta.url);

/** Pages read at most per PDF: a 300-page annual report is not worth the CPU for a text scan. */
const MAX_PAGES = 60;

/** Text per page of a PDF, with pdf.js (the library Firefox renders PDFs with), in the main thread. */
export async function readPdf(bytes: Uint8Array): Promise<AttachmentPart[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // Node has no worker by default; pointing at the bundled worker lets pdf.js run it in-process ("fake worker").
  pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')).href;
  const cMapUrl = pathToFileURL(require.resolve('pdfjs-dist/package.json').replace(/package\.json$/, 'cmaps/')).href;
  const standardFontDataUrl = pathToFileURL(require.resolve('pdfjs-dist/package.json').replace(/package\.json$/, 'standard_fonts/')).href;
  let doc;
  try {
    doc = await pdfjs.getDocument({ data: bytes.slice(), cMapUrl, cMapPacked: true, standardFontDataUrl, isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  } catch (e) {
    const err = e as Error;
    if (err.name === 'PasswordException') throw new UnreadableAttachment('PDF 已加密 / encrypted PDF');
    throw new UnreadableAttachment(`PDF 无法解析 / PDF not parsed: ${err.message.split('\n')[0]}`);
  }
  try {
    const parts: AttachmentPart[] = [];
    for (let n = 1; n <= Math.min(doc.numPages, MAX_PAGES); n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str + (item.hasEOL ? '\n' : '');
      }
      parts.push({ label: `第${n}页`, text });
      page.cleanup();
    }
    if (doc.numPages > MAX_PAGES) parts.push({ label: `第${MAX_PAGES + 1}页起未读 / pages after ${MAX_PAGES} not read`, text: '' });
    return parts;
  } finally {
    await doc.destroy();
  }
}
