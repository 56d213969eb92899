/**
 * Where the archive lives (docs/archive.md): {@link io.github.kalturareport.core.archive.ArchiveLocation}, a SQLite
 * file or a PostgreSQL database that a fetch loads its reports into and a check records its results in.
 */
package io.github.kalturareport.core.archive;
