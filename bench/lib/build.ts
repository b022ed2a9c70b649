// The benchmark runs bin/gleaner.js, i.e. dist: rebuild it when src/ has changed since, or the figures
// would be those of older code.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function ensureBuild(repo: string): void {
  const builtAt = mtime(join(repo, 'dist', 'cli', 'main.js'));
  if (builtAt !== 0 && builtAt >= newestMtime(join(repo, 'src'))) return;
  console.log('dist is missing or older than src: npm run build');
  const build = spawnSync('npm', ['run', 'build'], { cwd: repo, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
}

function mtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, mtime(join(entry.parentPath, entry.name)));
  }
  return newest;
}
