/**
 * The scan pipeline: from running containers to results, over the {@link
 * io.inspectr.core.spi.AvailableImageData} SPI. Start with {@link io.inspectr.core.scan.Scanner}.
 */
@NullMarked
package io.inspectr.core.scan;

import org.jspecify.annotations.NullMarked;
