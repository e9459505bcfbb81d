/**
 * The results of a scan: what runs ({@link io.inspectr.core.result.RunningContainer}), what was
 * found ({@link io.inspectr.core.result.InspectrResult}, unique by {@link
 * io.inspectr.core.result.ResultKey}) and what notifiers deliver ({@link
 * io.inspectr.core.result.Report}).
 */
@NullMarked
package io.inspectr.core.result;

import org.jspecify.annotations.NullMarked;
