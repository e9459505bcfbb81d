/**
 * Benchmarks of the hot paths of core (JMH), run by {@code scripts/bench-upgrade-selection.sh}; not
 * part of the test suite.
 */
@NullMarked
package io.inspectr.core.benchmark;

import org.jspecify.annotations.NullMarked;
