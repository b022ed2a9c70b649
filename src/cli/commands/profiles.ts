import type { Command } from 'commander';
import { describeProfile, listProfiles, profilesMarkdown } from '../../profiles/index.js';
import { createContext, type GlobalOptions } from '../context.js';

interface ProfilesOptions {
  markdown?: boolean;
}

export function registerProfiles(program: Command): void {
  program
    .command('profiles')
    .description('list the mining profiles: what each reads, the attributes it yields and its quality score')
    .option('--markdown', 'print the reference as Markdown (the body of docs/profiles.md)')
    .action((options: ProfilesOptions, command: Command) => {
      const ctx = createContext(command.optsWithGlobals<GlobalOptions>());
      const profiles = listProfiles();
      if (options.markdown) {
        process.stdout.write(profilesMarkdown(profiles));
        return;
      }
      for (const p of profiles) {
        const domains = p.cdpDomains.length ? p.cdpDomains.join(', ') : 'none';
        ctx.say(`${p.name}  (${p.needsBrowser ? 'browser' : 'static or browser'}; CDP: ${domains})`);
        ctx.say(`  ${p.description}`);
        const width = Math.max(...p.attributes.map((a) => a.name.length));
        for (const a of p.attributes)
          ctx.say(`    ${a.name.padEnd(width)}  ${a.type.padEnd(8)}  ${a.description}`);
        ctx.say(`  quality: ${p.qualityRule}`);
        ctx.say('');
      }
      ctx.result({ profiles: profiles.map(describeProfile) });
    });
}
