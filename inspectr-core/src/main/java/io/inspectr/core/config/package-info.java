/**
 * Plugin configuration: a prefixed key/value view ({@link io.inspectr.core.config.PluginConfig}), a
 * reader that collects every problem before failing ({@link io.inspectr.core.config.ConfigReader}),
 * and {@link io.inspectr.core.config.Secret}, which never prints its value.
 */
@NullMarked
package io.inspectr.core.config;

import org.jspecify.annotations.NullMarked;
