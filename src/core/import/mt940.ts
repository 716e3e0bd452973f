// Placeholder until the MT940 reader lands (issue 3): the dispatcher's signature is fixed here.
import { StatementFileError } from '../transaction';
import type { StatementFile, StatementRead } from './statement';

export function readMt940Statement(file: StatementFile): StatementRead {
  throw new StatementFileError(file.fileName, 'MT940 import is not available yet');
}
