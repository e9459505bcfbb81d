/**
 * Benchmarks of the Kubernetes module, run by hand, never by Surefire: {@link
 * io.inspectr.k8s.benchmark.DiscoveryMemoryBenchmark} measures the retained heap of the discovery
 * cache against a plain {@code V1Pod} informer over a generated cluster.
 */
@NullMarked
package io.inspectr.k8s.benchmark;

import org.jspecify.annotations.NullMarked;
