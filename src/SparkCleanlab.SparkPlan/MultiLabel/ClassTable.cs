using SparkCleanlab.Plan;

namespace SparkCleanlab.SparkPlan.MultiLabel;

/// <summary>
/// The per-class constants of a multi-label pass (binary thresholds and cuts, resolved cutoffs,
/// class names) as one broadcast row of arrays joined to every row, so that lambdas read them by
/// class index and no SQL text grows with K.
/// </summary>
internal sealed class ClassTable
{
    /// <summary>Per class: the threshold of "not given".</summary>
    public const string Threshold0 = "__t0";

    /// <summary>Per class: the threshold of "given".</summary>
    public const string Threshold1 = "__t1";

    /// <summary>Per class: the larger of the two thresholds.</summary>
    public const string ThresholdMax = "__tmax";

    /// <summary>Per class: the confidence cut <c>t - 1e-6</c> of "not given".</summary>
    public const string Cut0 = "__cut0";

    /// <summary>Per class: the confidence cut <c>t - 1e-6</c> of "given".</summary>
    public const string Cut1 = "__cut1";

    /// <summary>Per class: its display name (the class name, or the index as text).</summary>
    public const string Names = "__names";

    private const string JoinKey = "__class_table";

    private readonly List<FrameField> _fields = [new(JoinKey, "int")];
    private readonly List<object?> _values = [0];

    /// <summary>Adds an array column.</summary>
    public ClassTable Add<T>(string name, string elementType, IEnumerable<T> values)
    {
        _fields.Add(new FrameField(name, $"array<{elementType}>"));
        _values.Add(values.Select(v => (object?)v).ToArray());
        return this;
    }

    /// <summary>Adds a scalar column.</summary>
    public ClassTable AddScalar(string name, string type, object value)
    {
        _fields.Add(new FrameField(name, type));
        _values.Add(value);
        return this;
    }

    /// <summary><paramref name="rows"/> with every column of the table.</summary>
    public IFrame JoinTo(ISparkSessionApi session, IFrame rows)
    {
        var table = session.CreateFrame(_fields, [_values.ToArray()]);
        return rows.SelectExpr("*", $"0 AS {JoinKey}").Join(table, [JoinKey], broadcastRight: true);
    }
}
