namespace SparkCleanlab.Plan.Execution;

/// <summary>The input as every stage reads it: K and the class names settled by <see cref="InputContract"/>.</summary>
/// <param name="ClassCount">K.</param>
/// <param name="ClassNames">Class names in index order: given, from the probability columns, or null for unnamed integer classes.</param>
/// <param name="SumTolerance">Largest accepted distance of a row's probability sum from one.</param>
internal sealed record SettledInput(int ClassCount, IReadOnlyList<string>? ClassNames, double SumTolerance)
{
    /// <summary>The display name of class <paramref name="index"/>: its name, or its number.</summary>
    public string ClassName(int index) =>
        ClassNames is null ? index.ToString(System.Globalization.CultureInfo.InvariantCulture) : ClassNames[index];

    /// <summary>The display name of every class, in index order.</summary>
    public string[] DisplayNames() => Enumerable.Range(0, ClassCount).Select(ClassName).ToArray();
}
