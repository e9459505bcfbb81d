/**
 * The service provider interfaces that plugins implement: registries ({@link
 * io.inspectr.core.spi.AvailableImageData}), notifiers ({@link io.inspectr.core.spi.Notifier}) and
 * state stores ({@link io.inspectr.core.spi.ResultStore}), each created by a provider found with
 * {@link java.util.ServiceLoader}, and their one checked exception family, {@link
 * io.inspectr.core.spi.InspectrException}.
 */
@NullMarked
package io.inspectr.core.spi;

import org.jspecify.annotations.NullMarked;
