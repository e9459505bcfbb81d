/**
 * Google Container Registry and Artifact Registry ({@code gcr}): push times of every tag from the
 * {@code manifest} map of the tag list, for time-ordered version schemes.
 */
@NullMarked
package io.inspectr.registry.gcr;

import org.jspecify.annotations.NullMarked;
