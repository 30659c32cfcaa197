/**
 * Errors an editor can act on: every ingest failure names what is wrong and how
 * to fix it, and carries the source line where there is one. The CLI adds the
 * file name when it prints them.
 */
export class IngestError extends Error {
  readonly code: string;
  readonly hint: string;
  readonly line: number | null;
  /** Set when the error is in another file than the source (its sidecar). */
  file: string | null = null;

  constructor(code: string, message: string, hint: string, line: number | null = null) {
    super(message);
    this.name = 'IngestError';
    this.code = code;
    this.hint = hint;
    this.line = line;
  }
}

/** `content/sources/x.txt:12: error [no-numbering] message\n  hint: …` */
export function formatIngestError(file: string, error: IngestError): string {
  const name = error.file ?? file;
  const where = error.line === null ? name : `${name}:${error.line}`;
  return `${where}: error [${error.code}] ${error.message}\n  hint: ${error.hint}`;
}
