/**
 * Docker Hub ({@code dockerhub}): the API host {@code registry-1.docker.io} for {@code docker.io}
 * names, tokens from {@code auth.docker.io}, and the pull quota from {@code RateLimit-*} headers.
 */
@NullMarked
package io.inspectr.registry.dockerhub;

import org.jspecify.annotations.NullMarked;
