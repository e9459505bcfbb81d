/**
 * How {@link io.inspectr.k8s.KubernetesSource} works: the streaming pod decoder, the slim pod
 * projection, the list/watch loop, owner resolution, annotation policies and pull-secret reading.
 * Everything here may change without notice; use {@code io.inspectr.k8s} instead.
 */
@NullMarked
package io.inspectr.k8s.internal;

import org.jspecify.annotations.NullMarked;
