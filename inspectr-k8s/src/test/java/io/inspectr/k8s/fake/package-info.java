/**
 * A fake Kubernetes API server for tests and benchmarks: {@link
 * io.inspectr.k8s.fake.FakeApiServer}, a JDK HTTP server on loopback that speaks the API server's
 * wire format (paged lists, streamed watches, CRUD with conflicts) to the real official client.
 */
@NullMarked
package io.inspectr.k8s.fake;

import org.jspecify.annotations.NullMarked;
