// Stops `npm test`, `npm run demo` and `npm run bench` at once on a Node.js older than the one
// package.json's `engines` asks for, with what to install — instead of an error much later
// ("Unknown file extension .ts") that does not say what is wrong. npm itself only warns about
// `engines`. Plain CommonJS and old syntax on purpose: it must run on the old Node it refuses.
'use strict';

var fs = require('fs');
var path = require('path');

/** `>=22.12` → [22, 12]; anything else → null (then nothing is checked). */
function minimumOf(range) {
  var m = /^\s*>=\s*(\d+)(?:\.(\d+))?/.exec(range || '');
  return m ? [Number(m[1]), Number(m[2] || 0)] : null;
}

/** Whether `version` (`20.20.2`) is older than `minimum` ([22, 12]). */
function tooOld(version, minimum) {
  var parts = String(version).replace(/^v/, '').split('.').map(Number);
  if (parts[0] !== minimum[0]) return parts[0] < minimum[0];
  return (parts[1] || 0) < minimum[1];
}

function message(version, minimum, execPath) {
  var wanted = minimum[0] + '.' + minimum[1];
  return [
    'Riksref needs Node.js ' + wanted + ' or later; this is Node.js ' + String(version).replace(/^v/, '') + ' (' + execPath + ').',
    'Install Node.js ' + minimum[0] + ' and run the command again with it, for example:',
    '  nvm install ' + minimum[0] + ' && nvm use ' + minimum[0] + '    (the project\'s .nvmrc names it)',
    '  or a Node.js ' + minimum[0] + ' package from https://nodejs.org/en/download',
    '',
  ].join('\n');
}

module.exports = { minimumOf: minimumOf, tooOld: tooOld, message: message };

if (require.main === module) {
  var pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
  var minimum = minimumOf(pkg.engines && pkg.engines.node);
  if (minimum && tooOld(process.versions.node, minimum)) {
    process.stderr.write(message(process.versions.node, minimum, process.execPath));
    process.exit(1);
  }
}
