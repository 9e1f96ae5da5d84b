import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/** Version of the package; stored with every coded article so re-analysis can find stale ones. */
export const BRINK_VERSION = pkg.version;
/** Coder id carried by every event: series never mix rule sets of different versions. */
export const CODER = `brink-${BRINK_VERSION}`;
