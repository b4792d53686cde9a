import { ReportParseError, ReportTooComplexError } from '../common/errors';
import { assembleReport, type AssembleOptions } from './report-assembler';
import type { ParsedReport } from '../shared/parsed-report';
import type { ReportDocument, SourceFormat } from './report-document';
import { readText } from './readers/text-reader';
import { readHtml } from './readers/html-reader';
import { readDocx } from './readers/docx-reader';
import { readPdf } from './readers/pdf-reader';
import { OLE_SIGNATURE, readDoc } from './readers/doc-reader';

/** `text`: the bytes decoded, for the formats read as text (decoded once, kept as the source text too). */
type Reader = (bytes: Buffer, text: () => string) => ReportDocument | Promise<ReportDocument>;

const readers: Partial<Record<SourceFormat, Reader>> = {
  text: (_, text) => readText(text()),
  html: (_, text) => readHtml(text()),
  docx: readDocx,
  doc: readDoc,
  pdf: (bytes) => readPdf(bytes),
};

/** Whether a reader for the format is present (the PDF reader may be absent in some builds). */
export function hasReader(format: SourceFormat): boolean {
  return readers[format] !== undefined;
}

function decodeText(bytes: Buffer): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return text;
}

/** Recognises the format from the bytes themselves; the file name is only a tie-breaker. */
export function detectFormat(bytes: Buffer, fileName = ''): SourceFormat {
  if (bytes.length === 0) throw new ReportParseError('empty file', { file: fileName }, 'REPORT_EMPTY');
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'docx';
  // Legacy Word and WPS files are OLE compound files; the .doc reader rejects other kinds (.xls) by name.
  if (bytes.subarray(0, 8).equals(OLE_SIGNATURE)) return 'doc';
  const head = bytes.subarray(0, 4096);
  const nul = head.includes(0);
  const decoded = new TextDecoder('utf-8', { fatal: false }).decode(head);
  const bad = (decoded.match(/\ufffd/g) ?? []).length;
  if (nul || bad > head.length / 50)
    throw new ReportParseError(
      'not a text, HTML, DOCX, DOC or PDF document (binary content)',
      { file: fileName },
      'REPORT_UNSUPPORTED_FORMAT',
    );
  if (/^\s*(<!doctype html|<html|<\?xml|<meta|<div|<table|<p[\s>]|<body|<head)/i.test(decoded) || /<(table|p|div|td)[\s>]/i.test(decoded))
    return 'html';
  if (/\.html?$/i.test(fileName)) return 'html';
  return 'text';
}

export async function readReport(
  bytes: Buffer,
  opts: AssembleOptions & { format?: SourceFormat } = {},
): Promise<{ parsed: ParsedReport; sourceText: string; format: SourceFormat }> {
  const file = opts.file;
  try {
    const format = opts.format ?? detectFormat(bytes, file);
    const reader = readers[format];
    if (!reader) throw new ReportParseError(`no reader for ${format} documents`, { file }, 'REPORT_UNSUPPORTED_FORMAT');
    let decoded: string | undefined;
    const text = () => (decoded ??= decodeText(bytes));
    const doc = await reader(bytes, text);
    if (!doc.blocks.some((b) => b.kind === 'paragraph' && b.text.trim()) && !doc.blocks.some((b) => b.kind === 'table'))
      throw new ReportParseError('the document holds no text', { file }, 'REPORT_EMPTY');
    const parsed = assembleReport(doc, opts);
    const sourceText = format === 'text' || format === 'html' ? text() : documentText(doc);
    return { parsed, sourceText, format };
  } catch (e) {
    if (e instanceof ReportParseError) throw file && !e.location.file ? e.withFile(file) : e;
    if (e instanceof ReportTooComplexError) throw file ? e.withFile(file) : e;
    throw new ReportParseError(`unreadable: ${(e as Error).message}`, { file });
  }
}

/** Plain text of a binary source, kept verbatim beside its cells. */
export function documentText(doc: ReportDocument): string {
  return doc.blocks
    .map((b) => (b.kind === 'paragraph' ? b.text : b.table.rows.map((r) => r.cells.map((c) => '\t' + c.text).join('\n')).join('\n\n')))
    .join('\n');
}
