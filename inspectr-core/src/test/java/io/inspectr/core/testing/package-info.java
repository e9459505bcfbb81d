/** Test support: generated inputs and a property-test runner with replayable seeds. */
@NullMarked
package io.inspectr.core.testing;

import org.jspecify.annotations.NullMarked;
