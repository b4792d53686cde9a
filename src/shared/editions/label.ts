/**
 * Label normalisation shared by every reader: published reports differ in width (（ vs (), spacing,
 * punctuation and quotes, so labels are compared after folding those away.
 */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, '')
    .replace(/[“”"'‘’「」『』《》〈〉]/g, '')
    .replace(/[、，,。．.:：;；·•]/g, '')
    .replace(/其它/g, '其他');
}

const NUMBERING = /^(?:[(（]?[一二三四五六七八九十]+[)）、.]|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．)）]?)+/u;

/** A label without its leading numbering: "（三）不予公开" → "不予公开", "1.属于国家秘密" → "属于国家秘密". */
export function coreLabel(text: string): string {
  const n = text.normalize('NFKC').replace(/[\s\u3000\u00a0]+/g, '');
  return normalizeLabel(n.replace(NUMBERING, ''));
}
