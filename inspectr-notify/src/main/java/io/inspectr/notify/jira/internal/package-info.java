/**
 * How the JIRA notifier works, behind {@link io.inspectr.notify.jira.JiraNotifier}: the REST client
 * ({@link io.inspectr.notify.jira.internal.JiraClient}), the differences between Server/Data Center
 * (API v2, wiki markup, {@code /search}) and Cloud (API v3, ADF, {@code /search/jql}) in {@link
 * io.inspectr.notify.jira.internal.JiraApi}, field resolution through the field list and createmeta
 * ({@link io.inspectr.notify.jira.internal.CreateTemplate}), JQL escaping ({@link
 * io.inspectr.notify.jira.internal.Jql}), the issue text in both formats ({@link
 * io.inspectr.notify.jira.internal.IssueText}) and the per-finding create-or-comment logic ({@link
 * io.inspectr.notify.jira.internal.IssueTracker}). May change without notice.
 */
@NullMarked
package io.inspectr.notify.jira.internal;

import org.jspecify.annotations.NullMarked;
