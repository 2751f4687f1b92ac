package io.mmf4j.ipc;

import io.mmf4j.SharedNamespace;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** What every queue test starts from: a fresh namespace of its own under /dev/shm, removed afterwards. */
abstract class QueueTestBase {
    Path dir;
    SharedNamespace ns;

    @BeforeEach
    void namespace() throws Exception {
        dir = QueueFiles.freshNamespace();
        ns = SharedNamespace.at(dir);
    }

    @AfterEach
    void cleanUp() throws Exception {
        QueueFiles.delete(dir);
    }
}
