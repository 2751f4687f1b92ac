package io.mmf4j.internal.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mmf4j.vm.MemoryArea;
import io.mmf4j.vm.PageState;
import io.mmf4j.vm.Protection;
import io.mmf4j.vm.RegionType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The smaps parser on text in the kernel's exact format, covering every type and the odd path. */
class ProcSmapsTest {

    private static final String SMAPS = """
            55d0c0a00000-55d0c0a02000 r--p 00000000 fd:01 1234                       /usr/bin/cat
            Size:                  8 kB
            Rss:                   8 kB
            Pss:                   4 kB
            Shared_Clean:          4 kB
            Private_Clean:         4 kB
            Pss_Dirty:             0 kB
            VmFlags: rd mr mw me dw sd
            55d0c0a02000-55d0c0a06000 r-xp 00002000 fd:01 1234                       /usr/bin/cat
            Rss:                  12 kB
            55d0c0b00000-55d0c0b21000 rw-p 00000000 00:00 0                          [heap]
            Rss:                 132 kB
            Pss_Dirty:           132 kB
            Private_Dirty:       132 kB
            7f0000000000-7f0000100000 ---p 00000000 00:00 0\s
            Rss:                   0 kB
            7f0000100000-7f0000200000 rw-s 00000000 00:01 77                         /memfd:buffer (deleted)
            Shared_Dirty:         16 kB
            Swap:                  8 kB
            Locked:                4 kB
            7f0000200000-7f0000300000 rw-p 00001000 fd:01 99                         /data/my file.bin
            7f0000300000-7f0000301000 rw-s 00000000 00:00 0\s
            7ffc00000000-7ffc00021000 rw-p 00000000 00:00 0                          [stack]
            ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]
            """;

    @Test
    void parsesEveryFieldAndType() {
        List<MemoryArea> areas = ProcSmaps.parse(SMAPS.lines().toList());
        assertEquals(9, areas.size());
        MemoryArea cat = areas.get(0);
        assertEquals(new MemoryArea(0x55d0c0a00000L, 0x55d0c0a02000L, PageState.COMMITTED, Protection.READ_ONLY,
                false, RegionType.IMAGE, Optional.of("/usr/bin/cat"), 0, 8192, 4096, 0, 0, 4096, 4096, 0, 0, 0, "fd:01",
                1234, Set.of("rd", "mr", "mw", "me", "dw", "sd")), cat);
        assertEquals(132 * 1024, areas.get(2).proportionalDirty());
        assertEquals("00:00", areas.get(2).device());
        assertEquals(0, areas.get(2).inode());
        assertEquals(Set.of(), areas.get(2).flags());
        assertEquals(99, areas.get(5).inode());
        assertEquals(Protection.EXECUTE_READ, areas.get(1).protection());
        assertEquals(0x2000, areas.get(1).fileOffset());
        assertEquals(RegionType.HEAP, areas.get(2).type());
        assertEquals(132 * 1024, areas.get(2).privateDirty());
        assertEquals(PageState.RESERVED, areas.get(3).state());
        assertEquals(RegionType.PRIVATE_DATA, areas.get(3).type());
        assertEquals(Optional.empty(), areas.get(3).path());
        MemoryArea memfd = areas.get(4);
        assertEquals(RegionType.SHAREABLE, memfd.type());
        assertEquals(true, memfd.shared());
        assertEquals(16 * 1024, memfd.sharedDirty());
        assertEquals(8 * 1024, memfd.swapped());
        assertEquals(4 * 1024, memfd.locked());
        assertEquals(Optional.of("/data/my file.bin"), areas.get(5).path());
        assertEquals(RegionType.MAPPED_FILE, areas.get(5).type());
        assertEquals(RegionType.SHAREABLE, areas.get(6).type());
        assertEquals(RegionType.STACK, areas.get(7).type());
        assertEquals(0xffffffffff600000L, areas.get(8).start());
        assertEquals(Protection.EXECUTE, areas.get(8).protection());
        assertEquals(RegionType.IMAGE, areas.get(8).type());
    }
}
