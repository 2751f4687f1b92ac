package io.mmf4j.internal;

import io.mmf4j.internal.platform.MapAccess;
import io.mmf4j.internal.platform.PlacedMappings;
import io.mmf4j.internal.platform.Platform;
import io.mmf4j.internal.vm.RegionAccess;
import io.mmf4j.internal.vm.RegionCore;
import io.mmf4j.vm.Protection;
import io.mmf4j.vm.Region;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Views the library places itself — MapViewOfFileEx's {@code lpvBase}: at an address the caller chose, never
 * replacing what is there; or inside a reserved {@link Region}, over pages the region gives up while the view is
 * open and gets back, as a reservation, when it closes (Windows' placeholders, MapViewOfFile3 with
 * MEM_REPLACE_PLACEHOLDER). The {@link MappedView.Mapper}s here bind each mapping to the view's arena, whose
 * cleanup undoes it. Stateless.
 */
final class PlacedViews {
    private PlacedViews() {}

    private static PlacedMappings os() {
        return Platform.current().placedMappings();
    }

    /** Maps a view's pages at exactly {@code address}; an {@code IOException} if any of that range is in use. */
    static MappedView.Mapper at(long address) {
        long pageSize = Platform.current().mappings().pageSize();
        if (address <= 0 || address % pageSize != 0) {
            throw new IllegalArgumentException("address must be a positive multiple of the page size " + pageSize
                    + ": 0x" + Long.toHexString(address));
        }
        return (source, pageOffset, length, access, arena) -> {
            if (address > Long.MAX_VALUE - length) {
                throw new IllegalArgumentException("address 0x" + Long.toHexString(address) + " + " + length
                        + " bytes overflows the address space");
            }
            MappingSource.FileWindow window = source.fileWindow(access);
            os().mapAt(window.file(), window.fileOffset() + pageOffset, length, access, address);
            return bind(address, length, arena, () -> os().unmap(address, length));
        };
    }

    /** Maps a view's pages over {@code [regionOffset, ...)} of {@code region}, which must all be reserved. */
    static MappedView.Mapper in(Region region, long regionOffset) {
        Checks.notNull(region, "region");
        Checks.nonNegative(regionOffset, "regionOffset");
        RegionCore core = RegionAccess.core(region);
        return (source, pageOffset, length, access, arena) -> {
            MappingSource.FileWindow window = source.fileWindow(access);
            long pages = roundUp(length);
            long address = core.placeView(regionOffset, pages, protection(access));
            try {
                os().mapOver(window.file(), window.fileOffset() + pageOffset, length, access, address);
            } catch (IOException | RuntimeException | Error e) {
                core.viewGone(regionOffset, pages); // mapOver left the range reserved
                throw e;
            }
            return bind(address, length, arena, () -> {
                os().reserveOver(address, pages); // exactly the view's pages, back as the region's reservation
                core.viewGone(regionOffset, pages);
            });
        };
    }

    private interface Undo {
        void run() throws IOException;
    }

    @SuppressWarnings("restricted") // the segment covers exactly the range just mapped, until its arena undoes it
    private static MemorySegment bind(long address, long length, Arena arena, Undo undo) {
        return MemorySegment.ofAddress(address).reinterpret(length, arena, segment -> {
            try {
                undo.run();
            } catch (IOException e) {
                throw new UncheckedIOException("undoing the placed view at 0x" + Long.toHexString(address), e);
            }
        });
    }

    private static long roundUp(long length) {
        long pageSize = Platform.current().mappings().pageSize();
        return (length + pageSize - 1) / pageSize * pageSize;
    }

    /** What a region's query reports for a view's pages. */
    static Protection protection(MapAccess access) {
        if (access.execute()) {
            return access.write() ? Protection.EXECUTE_READ_WRITE : Protection.EXECUTE_READ;
        }
        return access.write() ? Protection.READ_WRITE : Protection.READ_ONLY;
    }
}
