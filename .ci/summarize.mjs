// Prints vitest's JSON result as the one closing line CI reads: "N passed, N failed".
// A test file that failed to load has no test results of its own: it counts as one failure, so it cannot hide.
import { existsSync, readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file || !existsSync(file)) {
  console.log('no test results were written (the build or the type check failed before the tests ran)');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const result = JSON.parse(readFileSync(file, 'utf8'));
const passed = result.numPassedTests ?? 0;
const brokenFiles = (result.testResults ?? []).filter(
  (suite) => suite.status === 'failed' && (suite.assertionResults ?? []).every((test) => test.status !== 'failed'),
);
for (const suite of brokenFiles) console.log(`test file failed outside its tests: ${suite.name}\n${suite.message ?? ''}`);
const failed = (result.numFailedTests ?? 0) + brokenFiles.length;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
