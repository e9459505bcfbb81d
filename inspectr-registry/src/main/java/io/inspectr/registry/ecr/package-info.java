/**
 * Amazon ECR ({@code ecr}): Basic {@code AWS:<token>} from configuration, pages of at most 1000
 * tags with opaque cursors.
 */
@NullMarked
package io.inspectr.registry.ecr;

import org.jspecify.annotations.NullMarked;
