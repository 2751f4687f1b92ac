/**
 * mmf4j: memory-mapped files, named shared memory and virtual memory on the FFM API.
 * Run with {@code --enable-native-access=io.mmf4j}.
 */
module io.mmf4j {
    exports io.mmf4j;
    exports io.mmf4j.sync;
    exports io.mmf4j.vm;
    exports io.mmf4j.heap;
    exports io.mmf4j.ipc;
}
