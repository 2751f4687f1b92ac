package io.mmf4j.internal.platform;

/**
 * Which file a handle or a path refers to: device and inode (a file index on Windows), and how many
 * names the file has. A handle whose file has no name left ({@code links == 0}) was unlinked under it.
 */
public record FileIdentity(long device, long inode, long links) {

    /** Same device and inode: the same file, whatever its link count. */
    public boolean sameFile(FileIdentity other) {
        return other != null && device == other.device && inode == other.inode;
    }
}
