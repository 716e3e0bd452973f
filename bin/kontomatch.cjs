#!/usr/bin/env node
// Launcher for the bundled command line (dist/cli.cjs, built by `npm run build`).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const bundle = path.join(__dirname, '..', 'dist', 'cli.cjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write('kontomatch: the command line is not built yet: run `npm run build` first.\n');
  process.exitCode = 1;
} else {
  require(bundle);
}
