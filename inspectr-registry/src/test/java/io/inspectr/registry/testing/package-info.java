/**
 * Test fixtures of the registry module: an HTTP fake registry on loopback ({@link
 * io.inspectr.registry.testing.FakeRegistry}), a clock tests move ({@link
 * io.inspectr.registry.testing.MutableClock}) and a timer that records waits instead of waiting
 * ({@link io.inspectr.registry.testing.RecordingDelayer}).
 */
@NullMarked
package io.inspectr.registry.testing;

import org.jspecify.annotations.NullMarked;
