/**
 * A notifier as a third party would write one, in its own package and registered through {@code
 * META-INF/services} of the test sources: proof that notifiers plug in without inspectr knowing
 * them.
 */
@NullMarked
package io.inspectr.notify.thirdparty;

import org.jspecify.annotations.NullMarked;
