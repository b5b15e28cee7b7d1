// The fault tests signal child processes found by command line, stop brokers and time recoveries on the real clock:
// they run one at a time so neither they nor the 2-core CI machine make each other late.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

// Signals, /proc and tmpfs: the suite is for Linux, where the daemon runs.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
