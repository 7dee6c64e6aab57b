import mammoth from 'mammoth';
import { UnreadableAttachment, type AttachmentPart } from './types.ts';

/** The raw text of a DOCX (paragraphs one a line), with mammoth. */
export async function readDocx(bytes: Uint8Array): Promise<AttachmentPart[]> {
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    // mammoth separates paragraphs with a blank line; one paragraph a line makes line N paragraph N.
    return [{ label: '正文', text: value.replace(/\n\n/g, '\n') }];
  } catch (e) {
    throw new UnreadableAttachment(`DOCX 无法解析（可能已加密或损坏）/ DOCX not parsed (encrypted or damaged): ${(e as Error).message.split('\n')[0]}`);
  }
}
