/** Types for word-extractor 1.x, which ships none: only what the extractors use. */
declare module 'word-extractor' {
  interface TextOptions {
    /** When true (the default), curly quotes and dashes are turned into ASCII ones: Chinese text wants false. */
    filterUnicode?: boolean;
  }

  class WordDocument {
    getBody(options?: TextOptions): string;
    getFootnotes(options?: TextOptions): string;
    getEndnotes(options?: TextOptions): string;
    getHeaders(options?: TextOptions & { includeFooters?: boolean }): string;
    getFooters(options?: TextOptions): string;
    getAnnotations(options?: TextOptions): string;
    getTextboxes(options?: TextOptions & { includeHeadersAndFooters?: boolean; includeBody?: boolean }): string;
  }

  class WordExtractor {
    /** A file name, or the file's bytes as a Buffer. */
    extract(source: string | Buffer): Promise<WordDocument>;
  }

  export = WordExtractor;
}
