/**
 * The {@code configmap} alert-state store: {@link io.inspectr.k8s.state.ConfigMapResultStore} keeps
 * inspectr's {@link io.inspectr.core.alert.AlertState} gzipped in a ConfigMap with optimistic
 * concurrency; {@link io.inspectr.k8s.state.ConfigMapResultStoreProvider} is its ServiceLoader
 * entry.
 */
@NullMarked
package io.inspectr.k8s.state;

import org.jspecify.annotations.NullMarked;
