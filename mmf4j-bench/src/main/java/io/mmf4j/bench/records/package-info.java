/** Benchmarks of records in views: the .NET text's image loop through {@code RecordLayout} against hand-written access. */
package io.mmf4j.bench.records;
