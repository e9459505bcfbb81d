/** Test support for the app's end-to-end tests: small servers on loopback. */
@NullMarked
package io.inspectr.app.testing;

import org.jspecify.annotations.NullMarked;
