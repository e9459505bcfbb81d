/**
 * Alert state: what each notifier confirmed, so nothing is repeated or lost across restarts.
 *
 * <p>{@link io.inspectr.core.alert.AlertState} is the value; {@link
 * io.inspectr.core.alert.AlertStateCodec} its stored form.
 */
@NullMarked
package io.inspectr.core.alert;

import org.jspecify.annotations.NullMarked;
