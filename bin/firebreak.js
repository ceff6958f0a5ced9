#!/usr/bin/env node
import v8 from 'node:v8';

// V8 lets the heap grow to up to four times what survived the last full
// collection before it collects again: under an alert storm the server peaked
// near 400 MB, most of it garbage. Growing by half at most kept intake and the
// applier as fast and the peak near 225 MB (bench/README.md, "Memory").
v8.setFlagsFromString('--heap-growing-percent=50');

await import('../dist/src/main.js');
