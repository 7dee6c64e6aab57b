import ExcelJS from 'exceljs';
import { UnreadableAttachment, type AttachmentPart } from './types.ts';

/** Rows read at most per sheet. */
const MAX_ROWS = 5000;

/** Cell text as shown: numbers as written (an ID number typed as text stays text; as a number it is printed whole). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  }
  return String(value);
}

/** Each sheet's rows, one a line, cells separated by tabs, with exceljs. */
export async function readXlsx(bytes: Uint8Array): Promise<AttachmentPart[]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (e) {
    throw new UnreadableAttachment(`XLSX 无法解析（可能已加密或损坏）/ XLSX not parsed (encrypted or damaged): ${(e as Error).message.split('\n')[0]}`);
  }
  return book.worksheets.map((sheet) => {
    // Line N is row N (empty rows kept as empty lines), so a finding names the row to open.
    const lines: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > MAX_ROWS) return;
      while (lines.length < n - 1) lines.push('');
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      lines.push(values.map((v) => cellText(v as ExcelJS.CellValue)).join('\t'));
    });
    return { label: `工作表「${sheet.name}」`, text: lines.join('\n') };
  });
}
