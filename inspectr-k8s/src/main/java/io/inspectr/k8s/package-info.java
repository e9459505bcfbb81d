/**
 * Kubernetes discovery for inspectr: {@link io.inspectr.k8s.KubernetesSource} lists and watches the
 * pods of one cluster and reports their running containers to a {@link
 * io.inspectr.k8s.ContainerListener}; {@link io.inspectr.k8s.KubernetesClusters} connects to one
 * cluster per kubeconfig context (or the in-cluster config); {@link
 * io.inspectr.k8s.PullSecretCredentials} hands the pods' pull secrets to the registry layer; {@link
 * io.inspectr.k8s.LeaderElection} keeps one replica active. Settings are immutable records read
 * from the {@code inspectr.kubernetes} configuration. Start from {@link
 * io.inspectr.k8s.KubernetesSettings#fromConfig}.
 */
@NullMarked
package io.inspectr.k8s;

import org.jspecify.annotations.NullMarked;
