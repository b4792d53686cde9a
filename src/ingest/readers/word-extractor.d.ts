// word-extractor ships no type declarations; this is the part of its API the .doc reader uses.
declare module 'word-extractor' {
  interface ExtractedDocument {
    getBody(options?: { filterUnicode?: boolean }): string;
  }
  class WordExtractor {
    extract(source: string | Buffer): Promise<ExtractedDocument>;
  }
  export = WordExtractor;
}
