// Errors the domain raises. The HTTP layer maps `kind` to a status code.
export type DomainErrorKind = 'bad_input' | 'unauthorized' | 'not_found' | 'conflict' | 'forbidden' | 'unavailable';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    /** Vietnamese first, then " / " and English. */
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string, id: string) =>
  new DomainError('not_found', 'not_found', `Không tìm thấy ${what.split('|')[0]} "${id}" / ${what.split('|')[1] ?? what} "${id}" not found`);
