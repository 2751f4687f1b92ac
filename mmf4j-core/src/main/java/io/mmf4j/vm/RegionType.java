package io.mmf4j.vm;

/** What a range of a process's address space is used for, in the categories of Sysinternals VMMap. */
public enum RegionType {
    /** An executable or shared library mapped from its file (and the kernel's {@code [vdso]}). */
    IMAGE,
    /** A mapping of an ordinary file that is not an image. */
    MAPPED_FILE,
    /** Memory that other processes may map too: shared anonymous memory, memfd, /dev/shm, System V segments. */
    SHAREABLE,
    /** The process's brk heap ({@code [heap]}). */
    HEAP,
    /** A thread stack ({@code [stack]}). */
    STACK,
    /** Private anonymous memory: Java heap, malloc arenas, thread stacks of non-main threads, mmf4j regions. */
    PRIVATE_DATA
}
