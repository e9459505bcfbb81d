/**
 * Quay ({@code quay}): pages of at most 100 tags, absolute {@code Link} headers with opaque
 * cursors.
 */
@NullMarked
package io.inspectr.registry.quay;

import org.jspecify.annotations.NullMarked;
