/**
 * How the registry module talks to registries; may change in any release. Start at {@link
 * io.inspectr.registry.internal.RegistryClient}, which lists tags and reads digests for one
 * registry flavour over a small transport: {@link io.inspectr.registry.internal.HttpTransport}
 * (HttpClient 5 on a bounded executor) under {@link io.inspectr.registry.internal.Exchange}
 * (per-host limits, redirects, retries scheduled without blocking a thread) under {@link
 * io.inspectr.registry.internal.Authenticator} (challenges, tokens, credentials). {@link
 * io.inspectr.registry.internal.RegistryErrors} is the one place that turns HTTP statuses and
 * registry error JSON into the core exception family.
 */
@NullMarked
package io.inspectr.registry.internal;

import org.jspecify.annotations.NullMarked;
