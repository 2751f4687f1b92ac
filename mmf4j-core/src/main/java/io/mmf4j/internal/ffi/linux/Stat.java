package io.mmf4j.internal.ffi.linux;

import static io.mmf4j.internal.ffi.linux.Libc.C_INT;
import static io.mmf4j.internal.ffi.linux.Libc.C_POINTER;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * {@code <sys/stat.h>}: fstat and fchmod. {@code struct stat} of Linux x86_64, by named offsets:
 * <pre>
 *   0 st_dev    8 st_ino   16 st_nlink  24 st_mode(4) 28 st_uid(4) 32 st_gid(4)
 *  40 st_rdev  48 st_size  56 st_blksize 64 st_blocks 72 st_atim(16) 88 st_mtim(16) 104 st_ctim(16)
 * 120..143 reserved; 144 bytes in all
 * </pre>
 */
public final class Stat {
    public static final long SIZEOF_STAT = 144;
    public static final long ST_DEV_OFFSET = 0;
    public static final long ST_INO_OFFSET = 8;
    public static final long ST_NLINK_OFFSET = 16;
    public static final long ST_MODE_OFFSET = 24;
    public static final long ST_UID_OFFSET = 28;
    public static final long ST_GID_OFFSET = 32;
    public static final long ST_SIZE_OFFSET = 48;
    public static final long ST_BLOCKS_OFFSET = 64;
    public static final long ST_MTIM_OFFSET = 88;

    public static final int S_IFMT = 0170000;
    public static final int S_IFREG = 0100000;
    public static final int S_IFDIR = 0040000;

    private static final MethodHandle FSTAT = Libc.downcall("fstat", FunctionDescriptor.of(C_INT, C_INT, C_POINTER));
    private static final MethodHandle FCHMOD = Libc.downcall("fchmod", FunctionDescriptor.of(C_INT, C_INT, C_INT));

    private Stat() {}

    /** What the library reads of {@code struct stat}. */
    public record FileStatus(long device, long inode, long links, int mode, int uid, int gid, long size, long blocks) {
        public boolean isRegularFile() {
            return (mode & S_IFMT) == S_IFREG;
        }
    }

    public static FileStatus fstat(int fd, String subject) throws ErrnoException {
        MemorySegment capture = Libc.captureSegment();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment stat = arena.allocate(SIZEOF_STAT, 8);
            int result = (int) FSTAT.invokeExact(capture, fd, stat);
            if (result != 0) {
                throw new ErrnoException("fstat", Libc.errno(capture), subject);
            }
            return new FileStatus(
                    stat.get(ValueLayout.JAVA_LONG, ST_DEV_OFFSET),
                    stat.get(ValueLayout.JAVA_LONG, ST_INO_OFFSET),
                    stat.get(ValueLayout.JAVA_LONG, ST_NLINK_OFFSET),
                    stat.get(ValueLayout.JAVA_INT, ST_MODE_OFFSET),
                    stat.get(ValueLayout.JAVA_INT, ST_UID_OFFSET),
                    stat.get(ValueLayout.JAVA_INT, ST_GID_OFFSET),
                    stat.get(ValueLayout.JAVA_LONG, ST_SIZE_OFFSET),
                    stat.get(ValueLayout.JAVA_LONG, ST_BLOCKS_OFFSET));
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw Libc.unexpected(t);
        }
    }

    public static void fchmod(int fd, int mode, String subject) throws ErrnoException {
        MemorySegment capture = Libc.captureSegment();
        int result;
        try {
            result = (int) FCHMOD.invokeExact(capture, fd, mode);
        } catch (Throwable t) {
            throw Libc.unexpected(t);
        }
        if (result != 0) {
            throw new ErrnoException("fchmod", Libc.errno(capture), subject);
        }
    }
}
