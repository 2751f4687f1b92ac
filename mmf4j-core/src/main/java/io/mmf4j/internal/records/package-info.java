/**
 * Record codecs: the layout of a record class in memory ({@link io.mmf4j.internal.records.RecordShape}), the
 * hidden class generated per layout that reads and writes it ({@link io.mmf4j.internal.records.CodecGenerator}),
 * and the cache of layouts per record class ({@link io.mmf4j.internal.records.RecordLayouts}). Never exported.
 */
package io.mmf4j.internal.records;
