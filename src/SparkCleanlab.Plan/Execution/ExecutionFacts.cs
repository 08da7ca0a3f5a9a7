using SparkCleanlab.Plan.Reporting;

namespace SparkCleanlab.Plan.Execution;

/// <summary>How an engine ran, for <c>summary.json</c>: what it knows, null otherwise.</summary>
/// <param name="Threads">Worker threads.</param>
/// <param name="Partitions">Partitions (row groups, batches) read per pass.</param>
/// <param name="PeakLiveBatches">The most input batches alive at once.</param>
/// <param name="Fingerprint">The input's files, sizes and modification times, where the engine can read them.</param>
internal sealed record ExecutionFacts(int? Threads, int? Partitions, int? PeakLiveBatches, InputFingerprint? Fingerprint);
