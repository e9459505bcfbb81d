/**
 * Benchmarks of the registry module, run by hand (never by Surefire's default includes); the
 * command and the figures measured are in {@code docs/PERFORMANCE.md}.
 */
@NullMarked
package io.inspectr.registry.benchmark;

import org.jspecify.annotations.NullMarked;
