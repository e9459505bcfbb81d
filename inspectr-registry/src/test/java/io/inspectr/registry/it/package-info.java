/**
 * Integration tests against the real CNCF distribution registry (Debian's {@code docker-registry}),
 * started by the tests on 127.0.0.1 with their own config and temporary storage ({@link
 * io.inspectr.registry.it.LocalRegistry}), images pushed over the registry HTTP API ({@link
 * io.inspectr.registry.it.ImagePusher}), and a token server of their own ({@link
 * io.inspectr.registry.it.TokenServer}).
 */
@NullMarked
package io.inspectr.registry.it;

import org.jspecify.annotations.NullMarked;
