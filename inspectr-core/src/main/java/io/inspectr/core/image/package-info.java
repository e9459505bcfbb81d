/**
 * Image references parsed and normalized like the CNCF distribution reference grammar.
 *
 * <p>Start with {@link io.inspectr.core.image.ImageReference#parse}; {@link
 * io.inspectr.core.image.Repository} is the unit registries are asked about, {@link
 * io.inspectr.core.image.Digest} the identity of content.
 */
@NullMarked
package io.inspectr.core.image;

import org.jspecify.annotations.NullMarked;
