/** The AtlasError an extractor's promise rejects with (failing the test when it resolves or throws anything else). */
import { expect } from 'vitest';
import { AtlasError } from '../../src/model/errors.ts';

export async function failure(promise: Promise<unknown>): Promise<AtlasError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AtlasError);
    return error as AtlasError;
  }
  throw new Error('expected an AtlasError');
}
