/**
 * GitHub Container Registry ({@code ghcr}): tokens from {@code ghcr.io/token} (anonymous for public
 * images), every page of tags (GHCR lists oldest first).
 */
@NullMarked
package io.inspectr.registry.ghcr;

import org.jspecify.annotations.NullMarked;
