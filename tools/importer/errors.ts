/** Failures the importer reports to the user: a Chinese/English message and a stable code for tests. */

export type ImportErrorCode =
  | 'usage'
  | 'not-found'
  | 'empty'
  | 'binary'
  | 'undecodable'
  | 'unknown-region'
  | 'unknown-topic'
  | 'missing'
  | 'bad-id'
  | 'bad-year'
  | 'exists'
  | 'unwritable'
  | 'duplicate'
  | 'directory'
  | 'vocabulary';

export class ImportError extends Error {
  readonly code: ImportErrorCode;

  constructor(code: ImportErrorCode, message: string) {
    super(message);
    this.name = 'ImportError';
    this.code = code;
  }
}
