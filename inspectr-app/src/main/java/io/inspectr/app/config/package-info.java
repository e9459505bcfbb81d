/**
 * Configuration of the runners: YAML file and environment merged into full dotted keys ({@link
 * io.inspectr.app.config.ConfigSources}), with the original tool's variables kept as aliases, and
 * handed to plugins as {@link io.inspectr.core.config.PluginConfig} views.
 */
@NullMarked
package io.inspectr.app.config;

import org.jspecify.annotations.NullMarked;
