/**
 * Notifiers that tell people about inspectr's findings, each in its own package with the same cast
 * of classes (a {@code *NotifierConfig} read from a {@link io.inspectr.core.config.PluginConfig},
 * the {@code *Notifier} and the {@code *NotifierProvider} that {@link java.util.ServiceLoader}
 * finds): Slack ({@link io.inspectr.notify.slack}), JIRA ({@link io.inspectr.notify.jira}), a
 * generic JSON webhook ({@link io.inspectr.notify.webhook}) and the log ({@link
 * io.inspectr.notify.log}).
 *
 * <p>This package holds what their configurations share: {@link io.inspectr.notify.HttpOptions}.
 */
@NullMarked
package io.inspectr.notify;

import org.jspecify.annotations.NullMarked;
