namespace SparkCleanlab.Cli.Commands;

/// <summary>What <c>generate</c> writes.</summary>
public sealed record GenerateOptions
{
    /// <summary>Output folder for the part files.</summary>
    public string Output { get; init; } = "";

    /// <summary>Rows in all.</summary>
    public long Rows { get; init; } = 10_000;

    /// <summary>K.</summary>
    public int Classes { get; init; } = 3;

    /// <summary>Expected fraction of flipped labels.</summary>
    public double Noise { get; init; } = 0.1;

    /// <summary><c>array</c> (one list column) or <c>columns</c> (p_0..p_{K-1}).</summary>
    public string Layout { get; init; } = "array";

    /// <summary>Part files.</summary>
    public int Files { get; init; } = 1;

    /// <summary>Row groups per file.</summary>
    public int RowGroups { get; init; } = 1;

    /// <summary>Labels as class names (class_0...) instead of indices.</summary>
    public bool StringLabels { get; init; }

    /// <summary>Multi-label rows: a list of given classes per row (<see cref="SparkCleanlab.Synthetic.MultiLabelGenerator"/>).</summary>
    public bool MultiLabel { get; init; }

    /// <summary>Informative numeric feature columns (feature_0...), so <c>find-issues --train</c> has something to learn from.</summary>
    public int Features { get; init; }

    /// <summary>Seed; the same seed writes the same rows.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Replace an existing output folder.</summary>
    public bool Overwrite { get; init; }

    /// <summary>Probabilities as float32 instead of float64.</summary>
    public bool Float32 { get; init; }

    /// <summary><c>parquet</c> (part files) or <c>npy</c> (labels.npy + pred_probs.npy).</summary>
    public string Format { get; init; } = "parquet";
}
