using SparkCleanlab.Plan;
namespace SparkCleanlab.Options.Parsing;

/// <summary>One command-line option: its name, its value (null for a flag), its help line and how it changes the options.</summary>
/// <param name="Name">The long name, with the leading dashes (<c>--frac-noise</c>).</param>
/// <param name="ValueName">What the value looks like in help (<c>FRACTION</c>), or null for a flag.</param>
/// <param name="Help">One line of help.</param>
/// <param name="Apply">Returns the options with this option applied; the value is null for a flag.</param>
public sealed record OptionSpec(string Name, string? ValueName, string Help, Func<FindIssuesOptions, string?, FindIssuesOptions> Apply)
{
    /// <summary>True when the option takes no value.</summary>
    public bool IsFlag => ValueName is null;
}
