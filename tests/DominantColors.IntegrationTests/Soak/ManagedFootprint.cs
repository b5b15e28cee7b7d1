namespace DominantColors.IntegrationTests.Soak;

/// <summary>What the runtime says about the process it runs in (so only about the test process itself).</summary>
/// <param name="GcHeapBytes">Live managed objects after a full collection.</param>
/// <param name="GcCommittedBytes">Memory the GC holds from the system (part of the resident memory), live or not.</param>
/// <param name="ResidentUntrimmedBytes">Resident memory before glibc's arenas returned their free pages (<see cref="NativeHeap"/>).</param>
/// <param name="JittedMethods">Methods compiled so far (tiering recompiles hot ones; the code heap is native memory).</param>
/// <param name="JittedIlBytes">IL bytes of those methods.</param>
/// <param name="Assemblies">Assemblies loaded (each brings loader-heap memory).</param>
internal sealed record ManagedFootprint(
    long GcHeapBytes, long GcCommittedBytes, long ResidentUntrimmedBytes, long JittedMethods, long JittedIlBytes, int Assemblies);
