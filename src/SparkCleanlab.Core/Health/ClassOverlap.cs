namespace SparkCleanlab.Core.Health;

/// <summary>One row of the reference's find_overlapping_classes table (symmetric).</summary>
/// <param name="ClassA">The smaller class index.</param>
/// <param name="ClassB">The larger class index.</param>
/// <param name="NumOverlappingExamples">round(n * JointProbability).</param>
/// <param name="JointProbability">p(given = A, true = B) + p(given = B, true = A).</param>
public sealed record ClassOverlap(int ClassA, int ClassB, long NumOverlappingExamples, double JointProbability);
