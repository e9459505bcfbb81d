/**
 * The log notifier: one structured line per finding (logfmt text plus SLF4J key values) on a
 * configurable logger. Start at {@link io.inspectr.notify.log.LogNotifierProvider}; the
 * configuration is {@link io.inspectr.notify.log.LogNotifierConfig}.
 */
@NullMarked
package io.inspectr.notify.log;

import org.jspecify.annotations.NullMarked;
