namespace SparkCleanlab.Tests.Golden;

/// <summary>Comparisons with the reference's figures.</summary>
public static class Near
{
    public const double Tolerance = 1e-9;

    public static void Equal(double[] expected, ReadOnlySpan<double> actual, string what)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: expected {expected.Length} values, got {actual.Length}");
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= Tolerance, $"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }

    public static void Equal(double[,] expected, double[,] actual, string what)
    {
        Assert.Equal(expected.GetLength(0), actual.GetLength(0));
        for (var i = 0; i < expected.GetLength(0); i++)
        {
            for (var j = 0; j < expected.GetLength(1); j++)
            {
                Assert.True(Math.Abs(expected[i, j] - actual[i, j]) <= Tolerance, $"{what}[{i},{j}]: expected {expected[i, j]:R}, got {actual[i, j]:R}");
            }
        }
    }

    public static void Equal(double[,] expected, long[,] actual, string what)
    {
        var converted = new double[actual.GetLength(0), actual.GetLength(1)];
        for (var i = 0; i < actual.GetLength(0); i++)
        {
            for (var j = 0; j < actual.GetLength(1); j++)
            {
                converted[i, j] = actual[i, j];
            }
        }

        Equal(expected, converted, what);
    }
}
