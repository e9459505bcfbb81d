/**
 * The JIRA notifier: one issue per result key, found again by an exact label, created through the
 * field list and createmeta, commented only when new upgrades appear; the original Go tool's issues
 * are adopted. Server/Data Center speaks REST API v2 with wiki markup, Cloud v3 with ADF. Start at
 * {@link io.inspectr.notify.jira.JiraNotifierProvider}; the configuration is {@link
 * io.inspectr.notify.jira.JiraNotifierConfig}.
 */
@NullMarked
package io.inspectr.notify.jira;

import org.jspecify.annotations.NullMarked;
