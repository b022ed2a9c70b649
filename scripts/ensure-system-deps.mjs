#!/usr/bin/env node
// Before the tests: the system programs they need (PostgreSQL's server binaries, from which the test
// harness starts its own throwaway server; Debian's Chromium). As root on Debian they are installed with
// apt-get; otherwise the exact command is printed and the run stops, instead of failing later with a
// less clear error. The headless shell (Gleaner's default browser when installed) is wanted, not needed:
// without it everything renders with the desktop build, so a system that lacks the package still tests.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const missing = [];
const pgRoot = '/usr/lib/postgresql';
const hasInitdb = existsSync(pgRoot) && readdirSync(pgRoot).some((v) => existsSync(`${pgRoot}/${v}/bin/initdb`));
if (!hasInitdb && spawnSync('which', ['initdb']).status !== 0) missing.push('postgresql');
if (!existsSync('/usr/bin/chromium')) missing.push('chromium');
const wanted = existsSync('/usr/lib/chromium/chromium-headless-shell') ? [] : ['chromium-headless-shell'];

const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
const install = (packages) =>
  execSync(`apt-get install -y --no-install-recommends ${packages.join(' ')}`, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });

if (missing.length > 0) {
  const command = `apt-get update && apt-get install -y --no-install-recommends ${[...missing, ...wanted].join(' ')}`;
  if (!canInstall) {
    process.stderr.write(`the tests need ${missing.join(', ')}: run \`sudo ${command}\` and try again\n`);
    process.exit(1);
  }
  process.stderr.write(`installing ${missing.join(', ')} for the tests: ${command}\n`);
  execSync('apt-get update', { stdio: 'inherit' });
  install(missing);
}
if (wanted.length > 0) {
  if (canInstall) {
    try {
      if (missing.length === 0) execSync('apt-get update', { stdio: 'inherit' });
      install(wanted);
    } catch {
      process.stderr.write('chromium-headless-shell could not be installed: the tests render with /usr/bin/chromium\n');
    }
  } else {
    process.stderr.write(
      'chromium-headless-shell is not installed: the tests render with /usr/bin/chromium (`sudo apt-get install chromium-headless-shell` to test the default browser)\n',
    );
  }
}
