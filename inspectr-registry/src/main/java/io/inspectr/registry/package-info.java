/**
 * Registry access for inspectr: {@link io.inspectr.core.spi.AvailableImageData} over the OCI
 * distribution v2 API with real authentication, every major registry's quirks, and quota-safe
 * lookups (one listing per repository per refresh, a TTL cache, bounded concurrency, {@code
 * Retry-After} honoured without blocking a thread).
 *
 * <p>Start at {@link io.inspectr.registry.RegistryRouter}, which loads every {@link
 * io.inspectr.core.spi.AvailableImageDataProvider} with {@link java.util.ServiceLoader} and sends
 * each repository to the most specific one (Docker Hub, GHCR, Quay, GCR/Artifact Registry, ECR,
 * then the generic provider). {@link io.inspectr.registry.RegistrySettings} documents every
 * configuration key; {@link io.inspectr.registry.OciRegistryProvider} is the base for a provider of
 * another OCI registry with its own {@link io.inspectr.registry.RegistryFlavor}.
 */
@NullMarked
package io.inspectr.registry;

import org.jspecify.annotations.NullMarked;
