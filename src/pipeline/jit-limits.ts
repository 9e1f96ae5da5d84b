import { setFlagsFromString } from 'node:v8';

// Imported for its effect by createPipeline. The analysis has a few very large functions (the event
// coder, the quotation finder, the actors stage: over 4,000 bytes of bytecode each, with many
// closures inlined). V8's optimizing compiler spends a quarter to a half second on each of them and
// compiles them again after every deoptimisation, which new kinds of text keep causing: on the
// State Department slice that compiling was a third of all CPU time, and on one core it took the
// core from the analysis. Left to the baseline compiler, those functions run about as fast, and every
// smaller function is still optimized (measured with bench/extract on one core: 83 → 125 articles/s,
// peak RSS 624 → 442 MB).
setFlagsFromString('--max-optimized-bytecode-size=4000');
