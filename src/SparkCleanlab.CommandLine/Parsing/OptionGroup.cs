using System.CommandLine;

namespace SparkCleanlab.CommandLine.Parsing;

/// <summary>Options that help shows together, under one heading.</summary>
/// <param name="Title">The heading (<c>Columns</c>).</param>
/// <param name="Options">The options, in help order.</param>
public sealed record OptionGroup(string Title, IReadOnlyList<Option> Options);
