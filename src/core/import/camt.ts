// Placeholder until the CAMT reader lands (issue 3): the dispatcher's signature is fixed here.
import { StatementFileError } from '../transaction';
import type { StatementFile, StatementRead } from './statement';

/** A CAMT.052/.053 XML file, or a ZIP of them. */
export function readCamtFile(file: StatementFile): StatementRead {
  throw new StatementFileError(file.fileName, 'CAMT import is not available yet');
}
