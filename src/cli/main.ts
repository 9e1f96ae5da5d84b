#!/usr/bin/env node
import type { Command } from './command.js';
import { UsageError } from './usage-error.js';
import { extractCommand } from './commands/extract.js';
import { ingestCommand } from './commands/ingest.js';
import { analyzeCommand } from './commands/analyze.js';
import { searchCommand } from './commands/search.js';
import { statsCommand } from './commands/stats.js';
import { eventsCommand } from './commands/events.js';
import { quotesCommand } from './commands/quotes.js';
import { exportCommand } from './commands/export.js';
import { alertsCommand } from './commands/alerts.js';
import { pairCommand } from './commands/pair.js';
import { serveCommand } from './commands/serve.js';
import { workerCommand } from './commands/worker.js';
import { jobsCommand } from './commands/jobs.js';
import { copyCommand } from './commands/copy.js';
import { BRINK_VERSION } from '../pipeline/version.js';

const COMMANDS: Command[] = [extractCommand, ingestCommand, analyzeCommand, searchCommand, statsCommand, eventsCommand, quotesCommand, exportCommand, alertsCommand, pairCommand, serveCommand, workerCommand, jobsCommand, copyCommand];

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `brink ${BRINK_VERSION}: political event data from news text, every fact traceable to its sentence

Usage: brink <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run "brink <command> --help" for a command's options and examples.`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(mainHelp());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    console.log(BRINK_VERSION);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`brink: unknown command "${name}"\n\n${mainHelp()}\n`);
    return 2;
  }
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
