/**
 * JMH benchmarks of the notifiers; run as described in {@code docs/PERFORMANCE.md}, never by
 * Surefire.
 */
@NullMarked
package io.inspectr.notify.benchmark;

import org.jspecify.annotations.NullMarked;
