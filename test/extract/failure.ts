/** The IngestError an extractor's promise rejects with (failing the test when it resolves or throws anything else). */
import { expect } from 'vitest';
import { IngestError } from '../../src/model/errors.ts';

export async function failure(promise: Promise<unknown>): Promise<IngestError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(IngestError);
    return error as IngestError;
  }
  throw new Error('expected an IngestError');
}
