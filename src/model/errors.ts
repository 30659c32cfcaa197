/**
 * The one error type of Plan Atlas: every failure an editor can act on names what
 * is wrong (a code and a message), how to fix it (a hint) and where (the file and
 * the line, where there are some). The CLIs print them with formatAtlasError.
 * parseWith words every schema failure the same way.
 */
import type { z } from 'zod';

export class AtlasError extends Error {
  readonly code: string;
  readonly hint: string;
  readonly line: number | null;
  /** Set when the error is in another file than the source (its sidecar). */
  file: string | null = null;

  constructor(code: string, message: string, hint: string, line: number | null = null) {
    super(message);
    this.name = 'AtlasError';
    this.code = code;
    this.hint = hint;
    this.line = line;
  }
}

/** `content/sources/x.txt:12: error [no-numbering] message\n  hint: …` */
export function formatAtlasError(file: string, error: AtlasError): string {
  const name = error.file ?? file;
  const where = error.line === null ? name : `${name}:${error.line}`;
  return `${where}: error [${error.code}] ${error.message}\n  hint: ${error.hint}`;
}

/**
 * Any error as a stage prints it: an AtlasError with its code, location and hint;
 * anything else (a bug, a system error such as ENOSPC) with its message.
 */
export function formatError(error: unknown): string {
  if (error instanceof AtlasError) {
    const where = error.file === null ? '' : `${error.line === null ? error.file : `${error.file}:${error.line}`}: `;
    return `${where}error [${error.code}] ${error.message}\n  hint: ${error.hint}`;
  }
  return `error ${error instanceof Error ? error.message : String(error)}`;
}

/** A problem that does not stop the stage, worded as errors are: `warning [code] message\n  hint: …`. */
export function formatWarning(warning: AtlasError): string {
  return formatError(warning).replace(/^((?:[^\n]*?: )?)error \[/u, '$1warning [');
}

/**
 * Validates data read from a file against its zod schema. A failure is an
 * AtlasError (invalid-file) naming the file and, on one line each, every field
 * that is wrong: "FILE is malformed:\n  path: message".
 */
export function parseWith<T>(
  schema: z.ZodType<T>,
  data: unknown,
  file: string,
  options: { hint?: string; entries?: { list: string; noun: string } } = {},
): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const hint = options.hint ?? "correct the fields named, as the file's own comments describe them";
  // A problem inside a list of entries (rules, bodies) names the entry by its id, as an editor knows it.
  const entryOf = (path: readonly PropertyKey[]): string => {
    const [first, index] = path;
    if (!options.entries || first !== options.entries.list || typeof index !== 'number') return '';
    const list = (data as Record<string, unknown> | null)?.[options.entries.list];
    const id = Array.isArray(list) ? ((list[index] as { id?: unknown } | undefined)?.id ?? `#${index}`) : `#${index}`;
    return `${options.entries.noun} ${String(id)}: `;
  };
  const problems = result.error.issues.map((issue) => `${entryOf(issue.path)}${issue.path.join('.') || '(the whole file)'}: ${issue.message}`);
  const error = new AtlasError('invalid-file', `${file} is malformed:\n  ${problems.join('\n  ')}`, hint);
  error.file = file;
  return ((): never => {
    throw error;
  })();
}
