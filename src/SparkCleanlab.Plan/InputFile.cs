namespace SparkCleanlab.Plan;

/// <summary>One input file as fingerprinted.</summary>
/// <param name="Path">Full path.</param>
/// <param name="Size">Bytes.</param>
/// <param name="ModifiedUtc">Last write time, UTC.</param>
public sealed record InputFile(string Path, long Size, DateTime ModifiedUtc);
