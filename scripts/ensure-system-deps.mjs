#!/usr/bin/env node
// Before the tests: the system programs they need (PostgreSQL's server binaries, from which the test
// harness starts its own throwaway server; Debian's Chromium, the headless shell that renders by default
// and the desktop build that must work too). As root on Debian they are installed with apt-get; otherwise the exact
// command is printed and the run stops, instead of failing later with a less clear error.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const missing = [];
const pgRoot = '/usr/lib/postgresql';
const hasInitdb = existsSync(pgRoot) && readdirSync(pgRoot).some((v) => existsSync(`${pgRoot}/${v}/bin/initdb`));
if (!hasInitdb && spawnSync('which', ['initdb']).status !== 0) missing.push('postgresql');
if (!existsSync('/usr/lib/chromium/chromium-headless-shell')) missing.push('chromium-headless-shell');
if (!existsSync('/usr/bin/chromium')) missing.push('chromium');

if (missing.length > 0) {
  const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    process.stderr.write(`installing ${missing.join(', ')} for the tests: ${command}\n`);
    execSync(command, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } else {
    process.stderr.write(`the tests need ${missing.join(', ')}: run \`sudo ${command}\` and try again\n`);
    process.exit(1);
  }
}
