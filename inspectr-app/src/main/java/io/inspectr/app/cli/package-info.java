/**
 * The command line: {@link io.inspectr.app.cli.InspectrCommand} and its subcommands. Commands parse
 * arguments, call the library and render its answers; they hold no logic of their own.
 */
@NullMarked
package io.inspectr.app.cli;

import org.jspecify.annotations.NullMarked;
