#!/usr/bin/env node
import type { Command } from './command.js';
import { UsageError } from './usage-error.js';
import { BRINK_VERSION } from '../pipeline/version.js';

// Each command's module is loaded only when that command runs: `brink search` never loads the NLP
// models, and every call starts fast.
const COMMANDS: Record<string, () => Promise<Command>> = {
  extract: () => import('./commands/extract.js').then((m) => m.extractCommand),
  ingest: () => import('./commands/ingest.js').then((m) => m.ingestCommand),
  analyze: () => import('./commands/analyze.js').then((m) => m.analyzeCommand),
  search: () => import('./commands/search.js').then((m) => m.searchCommand),
  stats: () => import('./commands/stats.js').then((m) => m.statsCommand),
  events: () => import('./commands/events.js').then((m) => m.eventsCommand),
  quotes: () => import('./commands/quotes.js').then((m) => m.quotesCommand),
  export: () => import('./commands/export.js').then((m) => m.exportCommand),
  alerts: () => import('./commands/alerts.js').then((m) => m.alertsCommand),
  pair: () => import('./commands/pair.js').then((m) => m.pairCommand),
  serve: () => import('./commands/serve.js').then((m) => m.serveCommand),
  worker: () => import('./commands/worker.js').then((m) => m.workerCommand),
  jobs: () => import('./commands/jobs.js').then((m) => m.jobsCommand),
  copy: () => import('./commands/copy.js').then((m) => m.copyCommand),
  actors: () => import('./commands/actors.js').then((m) => m.actorsCommand),
  watch: () => import('./commands/watch.js').then((m) => m.watchCommand),
};

async function mainHelp(): Promise<string> {
  const commands = await Promise.all(Object.values(COMMANDS).map((load) => load()));
  const width = Math.max(...commands.map((c) => c.name.length));
  return `brink ${BRINK_VERSION}: political event data from news text, every fact traceable to its sentence

Usage: brink <command> [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run "brink <command> --help" for a command's options and examples.`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(await mainHelp());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    console.log(BRINK_VERSION);
    return 0;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    process.stderr.write(`brink: unknown command "${name}"\n\n${await mainHelp()}\n`);
    return 2;
  }
  const command = await load();
  try {
    return await command.run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`brink ${name}: ${err.message}\nRun "brink ${name} --help" for usage.\n`);
      return 2;
    }
    throw err;
  }
}

process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  // A closed pipe (brink extract … | head) is a normal end, not a crash.
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`brink: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
