namespace SparkCleanlab.Synthetic;

/// <summary>
/// A synthetic classification data set with known true labels, noisy given labels and the
/// predicted probabilities of an imperfect model, generated in deterministic chunks so any
/// size can be streamed: row r depends only on the seed and r.
/// </summary>
internal sealed class SyntheticData
{
    private readonly double[] _priorCumulative;
    private readonly double[,] _noiseCumulative;
    private readonly int _seed;

    /// <summary>Prepares a generator for K classes with the given fraction of wrong labels.</summary>
    /// <param name="classCount">K, at least 2.</param>
    /// <param name="noiseFraction">Expected fraction of rows whose given label differs from the true label, in [0, 0.9).</param>
    /// <param name="seed">Seed: the same seed gives the same rows.</param>
    /// <param name="modelSignal">How separable the classes are for the simulated model (logit bonus of the true class).</param>
    public SyntheticData(int classCount, double noiseFraction, int seed, double modelSignal = 3.0)
    {
        if (classCount < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "K must be at least 2.");
        }

        if (!(noiseFraction >= 0 && noiseFraction < 0.9))
        {
            throw new ArgumentOutOfRangeException(nameof(noiseFraction), noiseFraction, "The noise fraction must be in [0, 0.9).");
        }

        ClassCount = classCount;
        _seed = seed;
        ModelSignal = modelSignal;
        var random = new Random(seed);
        Priors = RandomProbabilities.SumTo(classCount, 1, random, 2.0 / classCount, 0.5 / classCount);
        NoiseMatrix = noiseFraction == 0
            ? Identity(classCount)
            : NoiseMatrixGenerator.FromTrace(classCount, classCount * (1 - noiseFraction), Priors, 0.2, seed)
              ?? throw new ArgumentException($"No learnable noise matrix with {noiseFraction:P0} noise over {classCount} classes.");
        _priorCumulative = Cumulative(Priors);
        _noiseCumulative = new double[classCount, classCount];
        for (var j = 0; j < classCount; j++)
        {
            double sum = 0;
            for (var i = 0; i < classCount; i++)
            {
                sum += NoiseMatrix[i, j];
                _noiseCumulative[j, i] = sum;
            }
        }
    }

    /// <summary>Number of classes K.</summary>
    public int ClassCount { get; }

    /// <summary>p(true = k).</summary>
    public double[] Priors { get; }

    /// <summary>P(given = i | true = j).</summary>
    public double[,] NoiseMatrix { get; }

    /// <summary>Logit bonus of the true class in the simulated model.</summary>
    public double ModelSignal { get; }

    /// <summary>Fills rows <paramref name="firstRow"/>.. of a chunk: true labels, given labels, probabilities (row-major).</summary>
    public void Fill(long firstRow, Span<int> trueLabels, Span<int> labels, Span<double> probabilities)
    {
        var k = ClassCount;
        Span<double> logits = stackalloc double[k];
        for (var r = 0; r < labels.Length; r++)
        {
            var random = new SplitMix64(_seed, firstRow + r);
            var truth = Sample(_priorCumulative, random.NextDouble());
            var given = SampleColumn(truth, random.NextDouble());
            double max = double.NegativeInfinity;
            for (var j = 0; j < k; j++)
            {
                logits[j] = Gaussian(ref random) + (j == truth ? ModelSignal : 0);
                max = Math.Max(max, logits[j]);
            }

            double total = 0;
            for (var j = 0; j < k; j++)
            {
                logits[j] = Math.Exp(logits[j] - max);
                total += logits[j];
            }

            var row = probabilities.Slice(r * k, k);
            for (var j = 0; j < k; j++)
            {
                row[j] = logits[j] / total;
            }

            trueLabels[r] = truth;
            labels[r] = given;
        }
    }

    private int SampleColumn(int truth, double u)
    {
        for (var i = 0; i < ClassCount; i++)
        {
            if (u < _noiseCumulative[truth, i])
            {
                return i;
            }
        }

        return truth;
    }

    private static int Sample(double[] cumulative, double u)
    {
        for (var i = 0; i < cumulative.Length; i++)
        {
            if (u < cumulative[i])
            {
                return i;
            }
        }

        return cumulative.Length - 1;
    }

    private static double[] Cumulative(double[] values)
    {
        var result = new double[values.Length];
        double sum = 0;
        for (var i = 0; i < values.Length; i++)
        {
            sum += values[i];
            result[i] = sum;
        }

        return result;
    }

    private static double Gaussian(ref SplitMix64 random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());

    private static double[,] Identity(int k)
    {
        var m = new double[k, k];
        for (var i = 0; i < k; i++)
        {
            m[i, i] = 1;
        }

        return m;
    }
}
