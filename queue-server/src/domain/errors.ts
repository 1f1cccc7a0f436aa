// Errors the domain raises. The HTTP layer maps `kind` to a status code.
export type DomainErrorKind = 'bad_input' | 'unauthorized' | 'not_found' | 'conflict' | 'forbidden' | 'too_many' | 'unavailable';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    /** Vietnamese first, then " / " and English: the texts live in messages.ts. */
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
