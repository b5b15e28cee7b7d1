using System.Runtime.InteropServices;

namespace DominantColors.IntegrationTests.Soak;

/// <summary>
/// glibc's allocator: memory freed by native code (the JIT's working memory, OpenSSL...) in a thread's arena stays
/// resident until the arena's top is free, so resident memory counts it as used. Trimming hands every free page back,
/// as a full garbage collection does for the managed heap, so what is left is what the process still holds.
/// </summary>
internal static partial class NativeHeap
{
    /// <summary>Returns free pages of every glibc arena to the system; false when there was nothing to return.</summary>
    public static bool ReturnFreePages() => MallocTrim(0) != 0;

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
