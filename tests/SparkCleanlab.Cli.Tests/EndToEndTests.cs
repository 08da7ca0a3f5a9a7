using System.Text.RegularExpressions;
using SparkCleanlab.Cli.Tests.Support;

namespace SparkCleanlab.Cli.Tests;

public sealed class EndToEndTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static (int Code, string Output, string Error) Run(params string[] args) => ToolProcess.RunTool(args);

    private string P(string name) => _temp.Combine(name);

    [Fact]
    public void GenerateThenFindIssuesWritesEveryOutputAndReportsHealth()
    {
        var generated = Run("generate", "--output", P("data"), "--rows", "3000", "--classes", "4", "--files", "2", "--row-groups", "3", "--layout", "columns", "--seed", "7");
        Assert.Equal(0, generated.Code);
        var found = Run("find-issues", P("data"), "--output", P("out"), "--annotated", "--threads", "2");
        Assert.True(found.Code == 0, found.Error);
        Assert.Contains("Label health score", found.Output);
        foreach (var entry in new[] { "cleaned", "issues", "annotated", "invalid", "summary.json", "report.html", "_SUCCESS" })
        {
            Assert.True(Path.Exists(Path.Combine(P("out"), entry)), entry);
        }
        // A redirected stderr gets one plain line per stage, then the total: readable in a log, no redrawn bars.
        var progress = found.Error.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Matches(@"^done in \d\d:\d\d:\d\d\.\d$", progress[^1]);
        Assert.All(progress[..^1], line => Assert.Matches(@"^[a-z0-9 -]+: ([\d,]+ rows in \d\d:\d\d:\d\d\.\d \([\d,]+ rows/s\)|\d\d:\d\d:\d\d\.\d)$", line));
        Assert.Contains(progress, line => Regex.IsMatch(line, @"^publish: \d\d:\d\d:\d\d\.\d$"));
        Assert.Contains(progress, line => line.StartsWith("validate: 3,000 rows", StringComparison.Ordinal));
    }

    [Fact]
    public void NoProgressLeavesStderrEmpty()
    {
        Assert.Equal(0, Run("generate", "--output", P("data"), "--rows", "500").Code);
        var found = Run("find-issues", P("data"), "--output", P("out"), "--no-progress");
        Assert.True(found.Code == 0, found.Error);
        Assert.Equal("", found.Error);
    }

    [Fact]
    public void StringLabelsWork()
    {
        Assert.Equal(0, Run("generate", "--output", P("data"), "--rows", "2000", "--string-labels").Code);
        var found = Run("find-issues", "--input", P("data"), "--output", P("out"), "--classes", "class_0,class_1,class_2");
        Assert.True(found.Code == 0, found.Error);
        Assert.Contains("class_", found.Output);
    }

    [Theory]
    [InlineData(2, "Unknown option '--bogus'", "find-issues", "x", "--output", "o", "--bogus")]
    [InlineData(2, "unknown command 'frobnicate'", "frobnicate")]
    [InlineData(2, "spark-submit", "find-issues", "x", "--output", "o", "--engine", "spark")]
    [InlineData(2, "--rows expects a whole number", "generate", "--output", "o", "--rows", "many")]
    [InlineData(2, "sparkcleanlab train: Unknown option '--bogus'", "train", "--input", "x", "--output", "o", "--bogus")]
    [InlineData(2, "sparkcleanlab train: No input: give --input PATH", "train", "--output", "o")]
    [InlineData(2, "sparkcleanlab generate: --layout must be array or columns, got 'rows'", "generate", "--output", "o", "--layout", "rows")]
    [InlineData(2, "sparkcleanlab find-issues: --overwrite takes no value, got 'yes'", "find-issues", "x", "--output", "o", "--overwrite=yes")]
    public void UsageErrorsExitWithTwo(int code, string message, params string[] args)
    {
        var run = Run(args);
        Assert.Equal(code, run.Code);
        Assert.Contains(message, run.Error);
    }

    [Theory]
    [InlineData("find-issues")]
    [InlineData("generate")]
    [InlineData("train")]
    public void EveryCommandHasHelpWithExitCodesAndTheCommonOptions(string command)
    {
        var run = Run(command, "--help");
        Assert.Equal(0, run.Code);
        Assert.Contains("Exit codes", run.Output);
        Assert.Contains("--no-progress", run.Output);
        Assert.Contains("--verbose", run.Output);
        Assert.Contains($"Examples:{Environment.NewLine}  sparkcleanlab {command} ", run.Output);
    }

    [Fact]
    public void TopLevelHelpListsTheCommandsAndNoArgumentsIsAUsageError()
    {
        var help = Run("--help");
        Assert.Equal(0, help.Code);
        Assert.Contains("find-issues", help.Output);
        Assert.Contains("Exit codes", help.Output);
        Assert.Equal(2, Run().Code);
    }

    [Fact]
    public void VersionPrintsTheToolVersion()
    {
        var run = Run("--version");
        Assert.Equal(0, run.Code);
        Assert.StartsWith("1.0.0", run.Output);
    }

    [Fact]
    public void GenerateTakesNoProgress()
    {
        var run = Run("generate", "--output", P("data"), "--rows", "100", "--no-progress");
        Assert.True(run.Code == 0, run.Error);
    }

    [Fact]
    public void MissingColumnIsAnInputErrorNamingTheFile()
    {
        Assert.Equal(0, Run("generate", "--output", P("data"), "--rows", "500").Code);
        AssertInputError(Run("find-issues", P("data"), "--output", P("out"), "--label-column", "nope"), "part-00000.parquet", "nope");
    }

    [Fact]
    public void AnErrorNamingAColumnWithLineBreaksIsPrintedOnOneLine()
    {
        Assert.Equal(0, Run("generate", "--output", P("data"), "--rows", "500").Code);
        var run = Run("find-issues", P("data"), "--output", P("out"), "--label-column", "no\u2028pe\r\n\tcolumn\n");
        AssertInputError(run, "part-00000.parquet", "no pe column");
        Assert.Matches(@"^[^\n\r\u2028]*\S\n$", run.Error);
    }

    [Fact]
    public void InvalidProbabilityRowNamesTheFileAndColumn()
    {
        Assert.Equal(0, Run("generate", "--output", P("data"), "--rows", "500", "--layout", "columns").Code);
        AssertInputError(Run("find-issues", P("data"), "--output", P("out"), "--probs-columns", "p_0,p_1,true_label"), "part-00000.parquet", "true_label");
    }

    [Fact]
    public void TruncatedFileInAFolderNamesTheFile()
    {
        Assert.Equal(0, Run("generate", "--output", P("data"), "--rows", "900", "--files", "3").Code);
        var victim = Path.Combine(P("data"), "part-00001.parquet");
        var bytes = File.ReadAllBytes(victim);
        File.WriteAllBytes(victim, bytes[..(bytes.Length / 2)]);
        AssertInputError(Run("find-issues", P("data"), "--output", P("out")), "part-00001.parquet", "");
    }

    [Fact]
    public void EmptyFileNamesTheFile()
    {
        Directory.CreateDirectory(P("data"));
        File.WriteAllBytes(Path.Combine(P("data"), "empty.parquet"), []);
        AssertInputError(Run("find-issues", P("data"), "--output", P("out")), "empty.parquet", "");
    }

    private void AssertInputError((int Code, string Output, string Error) run, string file, string detail)
    {
        Assert.Equal(3, run.Code);
        Assert.Contains(file, run.Error);
        Assert.Contains(detail, run.Error);
        Assert.False(Directory.Exists(P("out")));
        Assert.Empty(Directory.GetDirectories(_temp.Path, ".out*"));
    }
}
