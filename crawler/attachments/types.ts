/** One part of an attachment's text: a PDF page, a sheet, the whole of a DOCX. */
export interface AttachmentPart {
  label: string;
  text: string;
}

/** An attachment that cannot be read, with the reason shown to the evaluator. */
export class UnreadableAttachment extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'UnreadableAttachment';
  }
}
