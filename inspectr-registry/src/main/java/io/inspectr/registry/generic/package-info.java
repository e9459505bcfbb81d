/**
 * The generic OCI distribution v2 provider ({@code generic}): serves every registry no more
 * specific provider serves, with the standard API only.
 */
@NullMarked
package io.inspectr.registry.generic;

import org.jspecify.annotations.NullMarked;
