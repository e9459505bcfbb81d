/**
 * Version schemes and upgrade selection: which tags are versions, how they order, and which are
 * upgrades of a running tag.
 *
 * <p>Start with {@link io.inspectr.core.version.UpgradeFinder#find}, configured by an {@link
 * io.inspectr.core.version.UpgradePolicy}.
 */
@NullMarked
package io.inspectr.core.version;

import org.jspecify.annotations.NullMarked;
